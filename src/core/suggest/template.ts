// Placeholder filling without eval or `new Function` (MV3 forbids both): a hand-written scanner over
// `{{name}}` marks. A value that is missing disappears together with one neighbouring space and any
// punctuation it leaves dangling, so a reply never reads "Hi {{customer.firstName}}," or "Hi ,".
import type { FillContext } from '../suggestion';

export interface FillOptions {
  /** Show fill-in fields (`fill.time`, …) without a value as `[time]` instead of removing them (panel preview). */
  markMissingFills?: boolean;
  /** Language of the `[time]`-style labels; English when absent. */
  lang?: string;
}

export interface FillResult {
  text: string;
  /** UTF-16 offset of the {{cursor}} mark in `text`, when there was one. */
  cursor?: number;
  /** Fill-in fields (`fill.time`, `fill.date`, `fill.amount`) without a value: the panel asks for them. */
  needs: string[];
  /** Every placeholder (other than cursor) that had no value, including unknown names. */
  missing: string[];
}

// Private-use characters stand in for holes and the cursor while the text is tidied; values never keep them.
const HOLE = '\uE000';
const CURSOR = '\uE001';
const PUNCT_AFTER = new Set([',', '.', '!', '?', ';', ':', ')']);

const FILL_LABELS: Record<string, Record<string, string>> = {
  en: { time: 'time', date: 'date', amount: 'amount' },
  nb: { time: 'tidspunkt', date: 'dato', amount: 'beløp' },
  sv: { time: 'tid', date: 'datum', amount: 'belopp' },
  fi: { time: 'aika', date: 'päivämäärä', amount: 'summa' },
};

const clean = (value: string | undefined): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const stripped = String(value)
    .replace(/[\uE000\uE001]/g, '')
    .trim();
  return stripped.length > 0 ? stripped : undefined;
};

/** Looks a placeholder name up in the context; undefined when there is no usable value. */
export function resolvePlaceholder(name: string, ctx: FillContext): string | undefined {
  switch (name) {
    case 'customer.firstName':
      return clean(ctx.customer?.firstName) ?? firstNameOf(ctx.customer?.name);
    case 'customer.name':
      return clean(ctx.customer?.name);
    case 'agent.firstName':
      return clean(ctx.agent?.firstName) ?? firstNameOf(ctx.agent?.name);
    case 'agent.name':
      return clean(ctx.agent?.name);
    case 'ticket.id':
      return clean(ctx.ticket?.id);
    case 'ticket.subject':
      return clean(ctx.ticket?.subject);
    case 'team.name':
      return clean(ctx.team?.name);
    case 'team.phone':
      return clean(ctx.team?.phone);
    case 'team.hours':
      return clean(ctx.team?.hours);
    case 'wait.duration':
      return clean(ctx.wait?.duration);
    case 'fill.time':
      return clean(ctx.fill?.time);
    case 'fill.date':
      return clean(ctx.fill?.date);
    case 'fill.amount':
      return clean(ctx.fill?.amount);
    default:
      return undefined;
  }
}

/** The placeholder names in a template, in order, as written (trimmed). */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{{', index);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) break;
    names.push(text.slice(open + 2, close).trim());
    index = close + 2;
  }
  return names;
}

export function fillTemplate(text: string, ctx: FillContext = {}, options: FillOptions = {}): FillResult {
  const needs: string[] = [];
  const missing: string[] = [];
  let out = '';
  let index = 0;
  let sawCursor = false;
  while (index < text.length) {
    const open = text.indexOf('{{', index);
    if (open < 0) {
      out += text.slice(index);
      break;
    }
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      // An unclosed mark is not a placeholder: keep the rest as written, minus the stray braces.
      out += text.slice(index).replace(/\{\{/g, '');
      break;
    }
    out += text.slice(index, open);
    index = close + 2;
    const name = text.slice(open + 2, close).trim();
    if (name === 'cursor') {
      // Only the first cursor counts; a later one is simply dropped.
      if (!sawCursor) out += CURSOR;
      sawCursor = true;
      continue;
    }
    const value = resolvePlaceholder(name, ctx);
    if (value !== undefined) {
      out += value;
      continue;
    }
    if (!missing.includes(name)) missing.push(name);
    if (name.startsWith('fill.')) {
      if (!needs.includes(name)) needs.push(name);
      if (options.markMissingFills) {
        const key = name.slice(5);
        const labels = FILL_LABELS[options.lang ?? 'en'] ?? FILL_LABELS.en;
        out += `[${labels[key] ?? key}]`;
        continue;
      }
    }
    out += HOLE;
  }
  let tidied = removeHoles(out);
  let cursor: number | undefined;
  const at = tidied.indexOf(CURSOR);
  if (at >= 0) {
    tidied = tidied.slice(0, at) + tidied.slice(at + 1);
    cursor = at;
  }
  // Trailing spaces go, except right before a cursor at the end (the agent continues typing there).
  const trimmed = tidied.replace(/[ \t]+$/, '');
  if (cursor === undefined || cursor <= trimmed.length) tidied = trimmed;
  return { text: tidied, cursor, needs, missing };
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
const isLineStart = (s: string, i: number): boolean => i <= 0 || s[i - 1] === '\n';

/** Removes every HOLE with one neighbouring space and the punctuation it would leave dangling. */
function removeHoles(input: string): string {
  let s = input;
  for (let i = s.indexOf(HOLE); i >= 0; i = s.indexOf(HOLE)) {
    let left = i;
    let right = i + 1;
    // Several holes side by side ("{{a}} {{b}}") collapse into one.
    while (true) {
      let probe = right;
      while (isBlank(s[probe])) probe++;
      if (s[probe] === HOLE) right = probe + 1;
      else break;
    }
    const before = s[left - 1];
    const after = s[right];
    if (before === '(' && after === ')') {
      // "(…)" around nothing: drop the brackets too.
      left--;
      right++;
    }
    const l = s[left - 1];
    const r = s[right];
    let capitalize = false;
    if (isBlank(l) && (isBlank(r) || r === undefined || r === '\n' || PUNCT_AFTER.has(r))) {
      left--; // "Hei {{x}}," → "Hei,"  and  "a {{x}} b" → "a b"
    } else if (isLineStart(s, left) && (isBlank(r) || r === ',')) {
      // "{{x}}, thanks" at the start of a line → "Thanks"
      while (s[right] === ',' || isBlank(s[right])) right++;
      capitalize = true;
    } else if (isBlank(r) && (l === '(' || l === '"' || l === '«' || l === '“')) {
      right++;
    }
    s = s.slice(0, left) + s.slice(right);
    // A comma now followed by closing punctuation ("Thanks, {{x}}!") goes: "Thanks!"
    if (s[left - 1] === ',' && (s[left] === '.' || s[left] === '!' || s[left] === '?' || s[left] === ',')) {
      s = s.slice(0, left - 1) + s.slice(left);
      left--;
    }
    // A space left in front of punctuation ("Hi , there") goes.
    while (isBlank(s[left - 1]) && PUNCT_AFTER.has(s[left] ?? '')) {
      s = s.slice(0, left - 1) + s.slice(left);
      left--;
    }
    if (capitalize) {
      let k = left;
      while (s[k] === CURSOR) k++;
      const ch = s[k];
      if (ch !== undefined && ch !== ch.toUpperCase()) s = s.slice(0, k) + ch.toUpperCase() + s.slice(k + 1);
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------
// First names

const COMPANY_WORDS = new Set([
  'as',
  'asa',
  'a/s',
  'ab',
  'ab.',
  'oy',
  'oyj',
  'ky',
  'tmi',
  'ltd',
  'ltd.',
  'limited',
  'inc',
  'inc.',
  'llc',
  'plc',
  'gmbh',
  'aps',
  'ag',
  'bv',
  'corp',
  'corp.',
  'co.',
  'company',
  'group',
  'holding',
  'ehf',
  'sa',
  'kommune',
  'kommun',
  'kunta',
  'kaupunki',
  'support',
  'team',
  'kundeservice',
  'kundservice',
  'asiakaspalvelu',
  'customer',
  'service',
  'admin',
  'info',
  'noreply',
  'no-reply',
  'sales',
  'post',
  'shop',
  'store',
  'butikk',
  'butik',
  'forening',
  'förening',
  'yhdistys',
  'stiftelse',
  'säätiö',
  'avdeling',
  'avdelning',
]);

const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'herr',
  'fru',
  'frk',
  'hr',
  'rouva',
  'herra',
  'neiti',
  'tohtori',
  'sir',
  'madam',
]);

const capitalizeName = (token: string): string =>
  token
    .split(/([-'’])/)
    .map((part) =>
      part.length > 0 && /[\p{L}]/u.test(part[0]) ? part[0].toUpperCase() + part.slice(1) : part,
    )
    .join('');

/** Tokens of a personal name, or undefined when the name looks like a company, an address or a login. */
function personTokens(fullName: string | undefined | null): string[] | undefined {
  if (!fullName) return undefined;
  let name = String(fullName).replace(/\s+/g, ' ').trim();
  if (!name) return undefined;
  if (/[@\d_]/.test(name) || /https?:|www\./i.test(name)) return undefined;
  const rawTokens = name.split(/[ ,]+/).filter(Boolean);
  if (rawTokens.some((token) => COMPANY_WORDS.has(token.toLowerCase()))) return undefined;
  // "Nordmann, Kari" → the given names come after the comma.
  const comma = name.indexOf(',');
  if (comma >= 0) name = `${name.slice(comma + 1).trim()}`.trim();
  let tokens = name
    .split(' ')
    .map((token) => token.replace(/^[("'«“]+|[)"'»”.]+$/g, ''))
    .filter(Boolean);
  while (tokens.length > 0 && TITLES.has(tokens[0].toLowerCase().replace(/\.$/, '')))
    tokens = tokens.slice(1);
  if (tokens.length === 0) return undefined;
  if (!tokens.every((token) => /^[\p{L}][\p{L}\p{M}'’-]*$/u.test(token))) return undefined;
  // A name written all in capitals or all in lower case is shown with ordinary capitals.
  return tokens.map((token) =>
    token === token.toUpperCase() || token === token.toLowerCase()
      ? capitalizeName(token.toLowerCase())
      : token,
  );
}

/**
 * The first name a greeting should use: "Kari Nordmann" → "Kari", "Nordmann, Kari" → "Kari",
 * "Anne-Marie Svensson" → "Anne-Marie". Companies ("Acme AS", "Oy Firma Ab"), addresses and names
 * with digits give undefined, so the greeting degrades to "Hei,". Double first names ("Jan Erik Olsen")
 * give the first token; `nameCandidates` offers the longer form for the agent to pick.
 */
export function firstNameOf(fullName: string | undefined | null): string | undefined {
  return personTokens(fullName)?.[0];
}

/** First-name choices for the panel, most likely first: "Jan Erik Olsen" → ["Jan", "Jan Erik"]. */
export function nameCandidates(fullName: string | undefined | null): string[] {
  const tokens = personTokens(fullName);
  if (!tokens) return [];
  const hadComma = String(fullName).includes(',');
  const candidates = [tokens[0]];
  // With a comma every token is a given name; otherwise the last token is the family name.
  const givenCount = hadComma ? tokens.length : tokens.length - 1;
  if (givenCount >= 2) candidates.push(`${tokens[0]} ${tokens[1]}`);
  return candidates;
}
