// Tokens with UTF-16 offsets into the original text, so evidence spans point at the customer's own words.

export interface Token {
  /** Lowercased text. */
  norm: string;
  /** As written (for CAPS detection). */
  raw: string;
  start: number;
  end: number;
  /** Sentence number: negation and intensifiers do not reach across sentences. */
  sentence: number;
  /** Clause number (sentences split at commas too): a negation does not reach across a comma. */
  clause: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE_BREAK = /[.!?;:\n]/;
const CLAUSE_BREAK = /[,–—]/;

/** Tokenises `text[from, to)`; positions stay those of the whole text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let previousEnd = from;
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(text); match && match.index < to; match = TOKEN.exec(text)) {
    const start = match.index;
    const between = text.slice(previousEnd, start);
    const sentenceEnds = SENTENCE_BREAK.test(between);
    if (sentenceEnds) sentence++;
    if (sentenceEnds || CLAUSE_BREAK.test(between)) clause++;
    const raw = match[0];
    tokens.push({
      norm: raw.toLowerCase().replace(/’/g, "'"),
      raw,
      start,
      end: start + raw.length,
      sentence,
      clause,
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}
