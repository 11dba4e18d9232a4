// A small keyword matcher shared by topic and covered-stage detection. Lexicon entries are written by hand
// in src/data/*.json: `pakke` matches a word that starts with it (Finnish inflection: `toimitu` →
// toimituksen), `*pakke` matches anywhere inside a word (Norwegian/Swedish compounds: hentepakken),
// `toimi_` matches the whole word only, and several words match as a phrase (`charged twice`).

export interface LexiconEntry {
  /** Normalised keyword without its markers. */
  key: string;
  infix: boolean;
  wholeWord: boolean;
  source: string;
}

export interface LexiconHit {
  entry: LexiconEntry;
  /** UTF-16 offsets into the original text; `end` is the end of the matched word. */
  start: number;
  end: number;
  /** The original word(s) that matched. */
  text: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string): boolean =>
  (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || WORD_CHAR.test(ch);

/**
 * Lowercases and turns every non-letter/digit into a space, keeping the string the same length so
 * offsets into the normalised text are offsets into the original.
 */
export function normalizeAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    // for…of walks code points; an astral character (emoji) is two UTF-16 units, kept as two spaces.
    if (!isWordChar(ch)) {
      out += ch.length === 2 ? '  ' : ' ';
      continue;
    }
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** Lowercase, punctuation to spaces, spaces collapsed: for comparing phrase text with agent messages. */
export const normalizeLoose = (text: string): string => normalizeAligned(text).replace(/\s+/g, ' ').trim();

export function compileEntry(source: string): LexiconEntry {
  let raw = source;
  const infix = raw.startsWith('*');
  if (infix) raw = raw.slice(1);
  const wholeWord = raw.endsWith('_');
  if (wholeWord) raw = raw.slice(0, -1);
  return { key: normalizeLoose(raw), infix, wholeWord, source };
}

export const compileLexicon = (sources: readonly string[]): LexiconEntry[] =>
  sources.map(compileEntry).filter((entry) => entry.key.length > 0);

/** Every place where an entry matches `text` (normalised with normalizeAligned). */
export function matchLexicon(
  text: string,
  entries: readonly LexiconEntry[],
  normalized?: string,
): LexiconHit[] {
  const norm = normalized ?? normalizeAligned(text);
  // Collapsing spaces would break offsets, so a phrase allows any run of spaces between its words.
  const hits: LexiconHit[] = [];
  for (const entry of entries) {
    const words = entry.key.split(' ');
    let from = 0;
    while (from < norm.length) {
      const start = norm.indexOf(words[0], from);
      if (start < 0) break;
      from = start + 1;
      if (!entry.infix && start > 0 && norm[start - 1] !== ' ') continue;
      let pos = start + words[0].length;
      let ok = true;
      for (let w = 1; w < words.length && ok; w++) {
        if (norm[pos] !== ' ') {
          ok = false;
          break;
        }
        while (norm[pos] === ' ') pos++;
        if (!norm.startsWith(words[w], pos)) ok = false;
        else pos += words[w].length;
      }
      if (!ok) continue;
      if (entry.wholeWord && pos < norm.length && norm[pos] !== ' ') continue;
      let end = pos;
      while (end < norm.length && norm[end] !== ' ') end++;
      let wordStart = start;
      while (wordStart > 0 && norm[wordStart - 1] !== ' ') wordStart--;
      hits.push({ entry, start: wordStart, end, text: text.slice(wordStart, end) });
      from = end;
    }
  }
  return hits;
}
