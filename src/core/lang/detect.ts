// Language identification for short customer messages: eld (an n-gram detector for 60 languages, its
// extra-small database) gives the language; a marker-word model of our own (src/data/lang-markers.json)
// settles what n-grams get wrong on a few words — Norwegian vs Danish vs Swedish — and spots nynorsk.
// The measurement behind this choice is in the README ("Language identification").
import { eld } from 'eld/extrasmall';
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

const NORWEGIAN_ONLY = new Set(markers.norwegianOnly.split(/\s+/));
const DANISH_ONLY = new Set(markers.danishOnly.split(/\s+/));
/** "bestillingen min", "pakka mi": the possessive after the noun is Norwegian, rare in Danish. */
const POSTPOSED_POSSESSIVE =
  /\p{L}{2,}(?:en|et|a|ene|ane) (?:min|mi|mitt|mine|din|di|ditt|dine)(?![\p{L}])/iu;
const ELD_CODES: Record<string, Candidate> = { no: 'nb', nb: 'nb', nn: 'nb' };
const SCANDINAVIAN = new Set<Candidate>(['nb', 'da', 'sv']);

export function detectLanguage(input: string, options: DetectOptions = {}): LanguageGuess {
  const text = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  // The marker model is only needed where n-grams are weak: computed on demand, it costs nothing on
  // a clear Finnish or English message.
  let markers: LanguageGuess | undefined;
  const markerGuess = () => {
    markers ??= detectByMarkers(input, options);
    return markers;
  };
  if (!/\p{L}/u.test(text)) return markerGuess();
  const result = eld.detect(text);
  const code = result.language;
  if (!code) return markerGuess();
  let lang: string = ELD_CODES[code] ?? code;
  const reliable = result.isReliable();
  if (SCANDINAVIAN.has(lang as Candidate)) {
    lang = settleScandinavian(text, lang, markerGuess());
  } else if (lang === 'en' && (!reliable || /[æøåäö]/i.test(text))) {
    const guess = markerGuess();
    if (guess.lang !== 'en' && SCANDINAVIAN.has(guess.lang as Candidate))
      lang = settleScandinavian(text, lang, guess);
  }
  // A few words ("HALLO? Svar da!!!") can look German or Dutch to n-grams: when eld is unsure and our
  // marker words clearly name one of the four, trust the markers.
  if (!SUPPORTED.has(lang) && !reliable) {
    const guess = markerGuess();
    if (guess.supported && guess.confidence >= 0.5) lang = guess.lang;
  }
  // A helpdesk locale decides a close call between the top two.
  const prior = normalizeLangHint(options.prior);
  if (prior && prior !== lang) {
    const scores = result.getScores() as Record<string, number>;
    const priorScore = scores[prior === 'nb' ? 'no' : prior] ?? 0;
    const top = Math.max(...Object.values(scores));
    if (top > 0 && priorScore >= top * 0.97) lang = prior;
  }
  const guess: LanguageGuess = {
    lang,
    supported: SUPPORTED.has(lang),
    confidence: reliable ? Math.max(0.8, markers?.lang === lang ? markers.confidence : 0.8) : 0.5,
  };
  if (lang === 'nb' && (markers?.variant === 'nn' || nynorskShare(text) >= 2)) guess.variant = 'nn';
  return guess;
}

/** Norwegian, Danish or Swedish: words one of them uses and the others don't. */
function settleScandinavian(text: string, eldLang: string, markerGuess: LanguageGuess): string {
  let norwegian = POSTPOSED_POSSESSIVE.test(text) ? 1 : 0;
  let danish = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    if (NORWEGIAN_ONLY.has(word)) norwegian++;
    if (DANISH_ONLY.has(word)) danish++;
  }
  if (markerGuess.lang === 'sv' && markerGuess.confidence >= 0.6) return 'sv';
  if (eldLang === 'sv' && norwegian + danish < 2) return 'sv';
  if (norwegian > danish) return 'nb';
  if (danish > norwegian) return 'da';
  return eldLang === 'en' ? markerGuess.lang : eldLang;
}

function nynorskShare(text: string): number {
  let count = 0;
  for (const match of text.matchAll(WORD)) if (NYNORSK.has(match[0].toLowerCase())) count++;
  return count;
}
const NYNORSK = new Set(markers.words.nn.split(/\s+/));

function detectByMarkers(input: string, options: DetectOptions): LanguageGuess {
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
    if (weights)
      for (const [lang, weight] of Object.entries(weights)) scores[lang as Candidate] += weight * 0.5;
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
    return {
      lang: chosen,
      supported: true,
      confidence: 1,
      variant: chosen === 'nb' ? detected.variant : undefined,
    };
  }
  return detectLanguage(text, { prior });
}

export type { Lang };
