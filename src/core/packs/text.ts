// Small text helpers shared by validation, lint and the CLI: did-you-mean and placeholder scanning.
import { PLACEHOLDERS } from './schema';

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Well-known slips that plain edit distance ranks poorly (British spelling, hyphens, language codes). */
const ALIASES: Record<string, string> = {
  apologise: 'apologize',
  apology: 'apologize',
  empathise: 'empathize',
  empathy: 'empathize',
  'follow-up': 'followUp',
  followup: 'followUp',
  follow_up: 'followUp',
  expectation: 'expectations',
  'know-it-all': 'knowItAll',
  knowitall: 'knowItAll',
  no: 'nb',
  nn: 'nb',
  nob: 'nb',
  se: 'sv',
  swe: 'sv',
  fin: 'fi',
  eng: 'en',
  'repeat-contact': 'repeatContact',
};

/** The closest candidate to a mistyped value, or undefined when nothing is close enough to suggest. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  const lower = value.toLowerCase().trim();
  const alias = ALIASES[lower];
  if (alias && candidates.includes(alias)) return alias;
  const caseInsensitive = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (caseInsensitive) return caseInsensitive;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Two-letter codes are all within two edits of each other: only suggest a near miss there.
  const allowed = value.length <= 3 ? 1 : Math.max(2, Math.floor(value.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

export const suggestion = (value: string, candidates: readonly string[]) => {
  const guess = didYouMean(value, candidates);
  return guess ? ` (did you mean "${guess}"?)` : '';
};

export interface PlaceholderUse {
  name: string;
  /** The placeholder as written, braces included. */
  raw: string;
  start: number;
  end: number;
}

export interface PlaceholderIssue {
  kind: 'unknown' | 'unclosed' | 'stray-close' | 'single-brace' | 'empty' | 'cursor-twice';
  message: string;
}

/** Every {{…}} in a text, with its trimmed name. */
export function findPlaceholders(text: string): PlaceholderUse[] {
  const uses: PlaceholderUse[] = [];
  const pattern = /\{\{([^{}]*)\}\}/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    uses.push({
      name: match[1].trim(),
      raw: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return uses;
}

/** Placeholder mistakes in one text: unknown names (with a suggestion), unbalanced braces, two cursors. */
export function placeholderIssues(text: string): PlaceholderIssue[] {
  const issues: PlaceholderIssue[] = [];
  const known = PLACEHOLDERS as readonly string[];
  const uses = findPlaceholders(text);
  for (const use of uses) {
    if (use.name === '') issues.push({ kind: 'empty', message: `empty placeholder "${use.raw}"` });
    else if (!known.includes(use.name)) {
      issues.push({
        kind: 'unknown',
        message: `unknown placeholder "${use.raw}"${suggestion(use.name, known) || `; supported: ${known.join(', ')}`}`,
      });
    }
  }
  // Blank out the well-formed ones, then look for leftovers of broken ones.
  let rest = text;
  for (const use of uses)
    rest = rest.slice(0, use.start) + ' '.repeat(use.end - use.start) + rest.slice(use.end);
  const unclosed = /\{\{[^}]{0,40}/.exec(rest);
  if (unclosed)
    issues.push({ kind: 'unclosed', message: `placeholder "${unclosed[0].trim()}" is not closed with "}}"` });
  else if (rest.includes('}}'))
    issues.push({ kind: 'stray-close', message: 'found "}}" without a matching "{{"' });
  const single = /(?<!\{)\{\s*([A-Za-z]+\.[A-Za-z]+|cursor)\s*\}(?!\})/.exec(rest);
  if (single) {
    issues.push({
      kind: 'single-brace',
      message: `"${single[0]}" looks like a placeholder with single braces; write {{${single[1]}}}`,
    });
  }
  const cursors = uses.filter((use) => use.name === 'cursor').length;
  if (cursors > 1)
    issues.push({ kind: 'cursor-twice', message: `{{cursor}} appears ${cursors} times (at most once)` });
  return issues;
}

/** An HTML tag or entity in a text that should be plain. */
export function findHtml(text: string): string | undefined {
  const tag = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?=[\s/>]|$)[^<>]{0,40}>?|<!--/.exec(text);
  if (tag) return tag[0];
  const entity = /&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/.exec(text);
  return entity?.[0];
}
