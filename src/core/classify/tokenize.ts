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
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE_BREAK = /[.!?;:\n]/;

/** Tokenises `text[from, to)`; positions stay those of the whole text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = from;
  TOKEN.lastIndex = from;
  for (let match = TOKEN.exec(text); match && match.index < to; match = TOKEN.exec(text)) {
    const start = match.index;
    if (SENTENCE_BREAK.test(text.slice(previousEnd, start))) sentence++;
    const raw = match[0];
    tokens.push({
      norm: raw.toLowerCase().replace(/’/g, "'"),
      raw,
      start,
      end: start + raw.length,
      sentence,
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}
