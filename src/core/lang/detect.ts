// Language identification for short customer messages. A marker-word model (src/data/lang-markers.json)
// separates the close Scandinavian languages far better than general n-gram detectors do on 60
// characters (see README, "Language identification", for the measurement), and it knows Danish,
// nynorsk, German, Dutch and Estonian so that those are reported, never claimed as one of our four.
import markers from '../../data/lang-markers.json';
import type { LanguageGuess } from '../analysis';
import { type Lang, normalizeLangHint } from '../taxonomy';

type Candidate = 'en' | 'nb' | 'nn' | 'da' | 'sv' | 'fi' | 'de' | 'nl' | 'et';
const CANDIDATES = Object.keys(markers.words) as Candidate[];

/** word → [language, weight] pairs; a word listed by k languages weighs 1/k in each. */
const WORD_WEIGHTS = new Map<string, [Candidate, number][]>();
for (const lang of CANDIDATES) {
  for (const word of (markers.words as Record<Candidate, string>)[lang].split(/\s+/)) {
    if (!word) continue;
    const list = WORD_WEIGHTS.get(word) ?? [];
    if (!list.some(([l]) => l === lang)) list.push([lang, 1]);
    WORD_WEIGHTS.set(word, list);
  }
}
for (const list of WORD_WEIGHTS.values()) {
  // nb and nn share most words; count them as one family when spreading a word's weight.
  const families = new Set(list.map(([l]) => (l === 'nn' ? 'nb' : l))).size;
  for (const entry of list) entry[1] = 1 / families;
}
const CHAR_WEIGHTS = markers.chars as Record<string, Partial<Record<Candidate, number>>>;
const FI_SUFFIXES = markers.finnishSuffixes;
const FI_BIGRAMS = new Set(markers.finnishBigrams);

const WORD = /[\p{L}]+(?:['’][\p{L}]+)*/gu;
const SUPPORTED = new Set<string>(['en', 'nb', 'sv', 'fi']);
/** Reading more than this adds nothing to the decision and would cost time on huge tickets. */
const MAX_CHARS = 4000;

export interface DetectOptions {
  /** A soft prior, e.g. the requester's locale from the helpdesk: it decides close calls. */
  prior?: string;
}

export function detectLanguage(input: string, options: DetectOptions = {}): LanguageGuess {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const scores = Object.fromEntries(CANDIDATES.map((l) => [l, 0])) as Record<Candidate, number>;
  let words = 0;
  let finnishShape = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    words++;
    const hits = WORD_WEIGHTS.get(word);
    if (hits) for (const [lang, weight] of hits) scores[lang] += weight;
    if (word.length >= 5) {
      if (FI_SUFFIXES.some((suffix) => word.endsWith(suffix))) finnishShape += 0.12;
      let pairs = 0;
      for (let i = 0; i < word.length - 1; i++) if (FI_BIGRAMS.has(word.slice(i, i + 2))) pairs++;
      if (pairs / (word.length - 1) > 0.25) finnishShape += 0.1;
    }
  }
  for (const char of text.toLowerCase()) {
    const weights = CHAR_WEIGHTS[char];
    if (weights) for (const [lang, weight] of Object.entries(weights)) scores[lang as Candidate] += weight * 0.5;
  }
  // Letters Finnish writes rarely: a Finnish guess built on shape alone needs their absence.
  if (!/[bcfqwxzå]/i.test(text)) scores.fi += finnishShape;
  else scores.fi += finnishShape / 3;

  const prior = normalizeLangHint(options.prior);
  if (prior) scores[prior] += 0.75;

  // nynorsk is a written form of Norwegian: decide between the languages with nb+nn together.
  const family = { ...scores, nb: scores.nb + scores.nn, nn: 0 };
  const ranked = (Object.entries(family) as [Candidate, number][]).sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = ranked[0];
  const second = ranked[1][1];
  if (bestScore < 0.5 || words === 0) {
    return { lang: prior ?? 'und', supported: Boolean(prior), confidence: prior ? 0.3 : 0 };
  }
  const margin = (bestScore - second) / bestScore;
  const evidence = Math.min(1, bestScore / 3);
  const confidence = Math.round(Math.min(0.99, 0.25 + 0.45 * margin + 0.3 * evidence) * 100) / 100;
  const guess: LanguageGuess = { lang: best, supported: SUPPORTED.has(best), confidence };
  if (best === 'nb' && scores.nn >= 1 && scores.nn > scores.nb * 0.6) guess.variant = 'nn';
  return guess;
}

/** The language to analyse in: an explicit choice wins, else the detected one when it is supported. */
export function resolveLanguage(text: string, explicit?: string, prior?: string): LanguageGuess {
  const chosen = normalizeLangHint(explicit);
  if (chosen) {
    const detected = detectLanguage(text, { prior: chosen });
    return { lang: chosen, supported: true, confidence: 1, variant: chosen === 'nb' ? detected.variant : undefined };
  }
  return detectLanguage(text, { prior });
}

export type { Lang };
