// Compiles a lexicon data file (src/data/lexicon/<lang>.json, format in src/data/lexicon/README.md) into
// an index keyed by each pattern's first token, and matches it against a token list in one pass.
import type { Token } from './tokenize';

export type Target = 'cue' | 'type' | 'positive';
export type EntryData = [pattern: string, weight: number, flag?: string];

export interface LexiconData {
  lang: string;
  negators: string[];
  /** Negators that govern only the next word or two ("without warning"), not the rest of the clause. */
  shortScopeNegators?: string[];
  intensifiers: string[];
  intensifierPrefixes: string[];
  cues: Record<string, EntryData[]>;
  positive: EntryData[];
  types: Record<string, EntryData[]>;
}

type Piece =
  | { kind: 'exact' | 'prefix' | 'suffix' | 'infix'; value: string }
  | { kind: 'any' }
  | { kind: 'gap' };

export interface Entry {
  target: Target;
  id: string;
  weight: number;
  keepNegation: boolean;
  pattern: string;
  pieces: Piece[];
}

export interface CompiledLexicon {
  lang: string;
  negators: Set<string>;
  shortScopeNegators: Set<string>;
  intensifiers: Set<string>;
  intensifierPrefixes: string[];
  exact: Map<string, Entry[]>;
  prefix: Map<string, Entry[]>;
  prefixLengths: number[];
  suffix: Map<string, Entry[]>;
  suffixLengths: number[];
  infix: Entry[];
}

export interface Hit {
  entry: Entry;
  /** Token index range [first, last]. */
  first: number;
  last: number;
  negated: boolean;
  /** Index of the negating token when `negated` (where the evidence of a negated positive starts). */
  negator: number;
  intensified: boolean;
}

function parsePiece(token: string): Piece {
  if (token === '_') return { kind: 'any' };
  if (token === '__') return { kind: 'gap' };
  const starts = token.startsWith('*');
  const ends = token.endsWith('*') && token.length > 1;
  const value = token.replace(/^\*|\*$/g, '');
  if (starts && ends) return { kind: 'infix', value };
  if (starts) return { kind: 'suffix', value };
  if (ends) return { kind: 'prefix', value };
  return { kind: 'exact', value };
}

const pieceMatches = (piece: Piece, token: string): boolean => {
  switch (piece.kind) {
    case 'exact':
      return token === piece.value;
    case 'prefix':
      return token.startsWith(piece.value);
    case 'suffix':
      return token.endsWith(piece.value);
    case 'infix':
      return token.includes(piece.value);
    default:
      return true;
  }
};

function addTo(map: Map<string, Entry[]>, key: string, entry: Entry) {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** `expand` may add inflected variants of a pattern (used for English verbs). */
export function compileLexicon(data: LexiconData, expand?: (pattern: string) => string[]): CompiledLexicon {
  const compiled: CompiledLexicon = {
    lang: data.lang,
    negators: new Set(data.negators.map((w) => w.toLowerCase())),
    shortScopeNegators: new Set((data.shortScopeNegators ?? []).map((w) => w.toLowerCase())),
    intensifiers: new Set(data.intensifiers.map((w) => w.toLowerCase())),
    intensifierPrefixes: data.intensifierPrefixes.map((w) => w.toLowerCase()),
    exact: new Map(),
    prefix: new Map(),
    prefixLengths: [],
    suffix: new Map(),
    suffixLengths: [],
    infix: [],
  };
  const add = (target: Target, id: string, [pattern, weight, flag]: EntryData) => {
    // Flags, space-separated: "keepneg" (the entry carries its own negation), "asis" (no inflected variants:
    // "get lost" must not become "got lost", which is what happens to parcels).
    const flags = new Set((flag ?? '').split(/\s+/));
    const variants = new Set([pattern, ...(flags.has('asis') ? [] : (expand?.(pattern) ?? []))]);
    for (const variant of variants) {
      const tokens = variant.toLowerCase().replace(/’/g, "'").trim().split(/\s+/).filter(Boolean);
      if (!tokens.length) continue;
      const pieces = tokens.map(parsePiece);
      const first = pieces[0];
      if (first.kind === 'any' || first.kind === 'gap') continue;
      const entry: Entry = {
        target,
        id,
        weight,
        keepNegation: flags.has('keepneg'),
        pattern: variant,
        pieces,
      };
      if (first.kind === 'exact') addTo(compiled.exact, first.value, entry);
      else if (first.kind === 'prefix') addTo(compiled.prefix, first.value, entry);
      else if (first.kind === 'suffix') addTo(compiled.suffix, first.value, entry);
      else compiled.infix.push(entry);
    }
  };
  for (const [cue, entries] of Object.entries(data.cues)) for (const e of entries) add('cue', cue, e);
  for (const [type, entries] of Object.entries(data.types ?? {}))
    for (const e of entries) add('type', type, e);
  for (const e of data.positive ?? []) add('positive', 'positive', e);
  const lengths = (map: Map<string, Entry[]>) =>
    [...new Set([...map.keys()].map((k) => k.length))].sort((a, b) => a - b);
  compiled.prefixLengths = lengths(compiled.prefix);
  compiled.suffixLengths = lengths(compiled.suffix);
  return compiled;
}

/** Index of the last token matched by pieces[1..] starting at token `next`, or -1. */
function matchRest(pieces: Piece[], p: number, tokens: Token[], next: number, sentence: number): number {
  if (p === pieces.length) return next - 1;
  const piece = pieces[p];
  if (piece.kind === 'gap') {
    for (let skip = 0; skip <= 3; skip++) {
      const found = matchRest(pieces, p + 1, tokens, next + skip, sentence);
      if (found >= 0) return found;
    }
    return -1;
  }
  const token = tokens[next];
  if (!token || token.sentence !== sentence || !pieceMatches(piece, token.norm)) return -1;
  return matchRest(pieces, p + 1, tokens, next + 1, sentence);
}

export function matchLexicon(lexicon: CompiledLexicon, tokens: Token[]): Hit[] {
  const hits: Hit[] = [];
  const candidates: Entry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].norm;
    candidates.length = 0;
    const exact = lexicon.exact.get(word);
    if (exact) candidates.push(...exact);
    for (const length of lexicon.prefixLengths) {
      if (length > word.length) break;
      const list = lexicon.prefix.get(word.slice(0, length));
      if (list) candidates.push(...list);
    }
    for (const length of lexicon.suffixLengths) {
      if (length > word.length) break;
      const list = lexicon.suffix.get(word.slice(word.length - length));
      if (list) candidates.push(...list);
    }
    for (const entry of lexicon.infix)
      if (word.includes((entry.pieces[0] as { value: string }).value)) candidates.push(entry);
    for (const entry of candidates) {
      const last = matchRest(entry.pieces, 1, tokens, i + 1, tokens[i].sentence);
      if (last < 0) continue;
      const negator = negatorBefore(lexicon, tokens, i);
      hits.push({
        entry,
        first: i,
        last,
        negated: negator >= 0,
        negator,
        intensified: isIntensified(lexicon, tokens, i),
      });
    }
  }
  return hits;
}

/**
 * The index of the negator that scopes over the token at `at`, or -1: one within the three words before it
 * in the same clause (a comma ends its reach: "ingen bekräftelse, är så nervös"), not counting the degree
 * words right before it ("ei ollut yhtään niin huono", "ei se nyt niin kamalaa ollut").
 */
function negatorBefore(lexicon: CompiledLexicon, tokens: Token[], at: number): number {
  const clause = tokens[at].clause;
  let start = at;
  while (start > 0 && at - start < 3 && lexicon.intensifiers.has(tokens[start - 1].norm)) start--;
  for (let j = start - 1; j >= Math.max(0, start - 3); j--) {
    if (tokens[j].clause !== clause) return -1;
    const word = tokens[j].norm;
    // "utan förvarning är oursäktligt": "utan" negates the warning, not the verdict three words on.
    if (lexicon.negators.has(word) && !(lexicon.shortScopeNegators.has(word) && at - j > 2)) return j;
  }
  return -1;
}

/**
 * The intensifier prefix a compound starts with ("jätte" in "jättebesviken"), when at least `stemLetters`
 * letters follow it, else undefined.
 */
export const intensifierPrefixOf = (word: string, prefixes: readonly string[], stemLetters: number) =>
  prefixes.find((p) => word.length >= p.length + stemLetters && word.startsWith(p));

function isIntensified(lexicon: CompiledLexicon, tokens: Token[], at: number): boolean {
  const word = tokens[at].norm;
  if (intensifierPrefixOf(word, lexicon.intensifierPrefixes, 3)) return true;
  const sentence = tokens[at].sentence;
  for (let j = at - 1; j >= Math.max(0, at - 2); j--) {
    if (tokens[j].sentence !== sentence) return false;
    if (lexicon.intensifiers.has(tokens[j].norm)) return true;
  }
  return false;
}
