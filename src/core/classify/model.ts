// A small statistical model beside the lexicons: logistic regression over hashed word, word-pair and
// character n-gram features of the customer's own words. Character n-grams carry what word lists miss on
// fresh text (Finnish endings, compounds, the many ways of saying one thing). Two heads per language: the
// customer type (softmax over the eight types, blended with the lexicon scores in scoring.ts) and the cues
// (one yes/no per cue, which confirms or damps cues the lexicons found and may add one they missed, shown
// with the words it leaned on: index.ts confirmCues). Weights are data (src/data/classifier-model.json),
// trained by scripts/train-model.ts on the labelled, released held-out and training-only sets.
import model from '../../data/classifier-model.json';
import { base64ToBytes } from '../base64';
import { CUES, CUSTOMER_TYPES, type Lang } from '../taxonomy';

/** One output layer: int8 weights (`weights[bucket * outputs + output]`, base64) times `scale`, plus bias. */
export interface HeadData {
  bias: number[];
  scale: number;
  weights: string;
}

export interface ModelData {
  _comment?: string;
  /** Features are hashed into 2^bits buckets. */
  bits: number;
  /** Output order of the type head (CUSTOMER_TYPES at training time). */
  types: string[];
  /** Output order of the cue head (CUES at training time). */
  cues: string[];
  /** Hash of the training rows: a unit test fails when the data changed and the model was not retrained. */
  trainedOn: string;
  langs: Partial<Record<Lang, { types: HeadData; cues: HeadData }>>;
}

/** Sparse features: parallel lists of hash buckets and values. */
export interface FeatureVector {
  buckets: number[];
  values: number[];
  /** The L2 norm the raw counts were divided by. */
  norm: number;
}

// FNV-1a, 32 bit, fed one UTF-16 unit at a time: stable across runtimes, so training in Node and predicting
// in the browser agree. Keys are hashed in place (prefix + characters) rather than built as strings: this
// runs on every message, and building a string per n-gram cost more than the rest of the analysis.
const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const feed = (h: number, code: number) => Math.imul(h ^ code, FNV_PRIME);
const feedString = (h: number, text: string) => {
  let state = h;
  for (let i = 0; i < text.length; i++) state = feed(state, text.charCodeAt(i));
  return state;
};
const WORD = feedString(FNV_OFFSET, 'w:');
const PAIR = feedString(FNV_OFFSET, 'b:');
const GRAM = feedString(FNV_OFFSET, 'c:');
const STYLE = feedString(FNV_OFFSET, 's:');
const EDGE_START = '<'.charCodeAt(0);
const EDGE_END = '>'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);

let scratch = new Float64Array(0);

/** Calls `add` with the hash of each feature of one word: the word, its pair with the next, its n-grams. */
function eachFeature(word: string, next: string | undefined, add: (h: number, weight: number) => void) {
  add(feedString(WORD, word), 1);
  if (next !== undefined) add(feedString(feed(feedString(PAIR, word), SPACE), next), 1);
  // Character n-grams of "<word>": position 0 is "<", position length + 1 is ">".
  const edgedLength = word.length + 2;
  const at = (k: number) =>
    k === 0 ? EDGE_START : k === edgedLength - 1 ? EDGE_END : word.charCodeAt(k - 1);
  for (let n = 3; n <= 5; n++) {
    for (let j = 0; j + n <= edgedLength; j++) {
      let h = GRAM;
      for (let k = j; k < j + n; k++) h = feed(h, at(k));
      add(h, 0.5);
    }
  }
}

/**
 * Words, word pairs and character 3–5-grams of each word (with edges), and the message's style markers
 * (features.ts styleMarkers), L2-normalised.
 */
export function modelFeatures(
  words: readonly string[],
  bits: number,
  style: readonly string[] = [],
): FeatureVector {
  const mask = (1 << bits) - 1;
  if (scratch.length !== mask + 1) scratch = new Float64Array(mask + 1);
  const buckets: number[] = [];
  const add = (h: number, weight: number) => {
    const bucket = (h >>> 0) & mask;
    if (scratch[bucket] === 0) buckets.push(bucket);
    scratch[bucket] += weight;
  };
  for (let i = 0; i < words.length; i++) eachFeature(words[i], words[i + 1], add);
  for (const marker of style) add(feedString(STYLE, marker), 1);
  let norm = 0;
  for (const bucket of buckets) norm += scratch[bucket] * scratch[bucket];
  norm = Math.sqrt(norm) || 1;
  const values = buckets.map((bucket) => scratch[bucket] / norm);
  for (const bucket of buckets) scratch[bucket] = 0;
  return { buckets, values, norm };
}

/** Raw scores (weights · features + bias) of every output: shared by training and use. */
export function linearScores(
  features: FeatureVector,
  weights: ArrayLike<number>,
  scale: number,
  bias: ArrayLike<number>,
): number[] {
  const k = bias.length;
  const z = new Array<number>(k);
  for (let c = 0; c < k; c++) z[c] = 0;
  const { buckets, values } = features;
  for (let f = 0; f < buckets.length; f++) {
    const row = buckets[f] * k;
    const value = values[f] * scale;
    for (let c = 0; c < k; c++) z[c] += weights[row + c] * value;
  }
  for (let c = 0; c < k; c++) z[c] += bias[c];
  return z;
}

export function softmax(z: number[]): number[] {
  const top = Math.max(...z);
  const exp = z.map((v) => Math.exp(v - top));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / total);
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

interface DecodedHead {
  bias: number[];
  scale: number;
  weights: Int8Array;
}

let DATA = model as ModelData;
const heads = new Map<string, DecodedHead | null>();

function decodeHead(lang: Lang, head: 'types' | 'cues'): DecodedHead | null {
  const key = `${lang}:${head}`;
  if (heads.has(key)) return heads.get(key) ?? null;
  const entry = DATA.langs[lang]?.[head];
  let result: DecodedHead | null = null;
  const bytes = entry && base64ToBytes(entry.weights);
  if (entry && bytes) {
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    result = { bias: entry.bias, scale: entry.scale, weights };
  }
  heads.set(key, result);
  return result;
}

/** For each of our ids, its output position in the file (-1 when the file lacks it). */
const orderOf = (ours: readonly string[], theirs: readonly string[]) => ours.map((id) => theirs.indexOf(id));
let TYPE_ORDER = orderOf(CUSTOMER_TYPES, DATA.types);
let CUE_ORDER = orderOf(CUES, DATA.cues);

/**
 * Swaps in other weights (a model trained without one set, to measure on it: scripts/cross-validate.ts) and
 * returns the ones in use, so the caller can put them back.
 */
export function useModel(data: ModelData): ModelData {
  const previous = DATA;
  DATA = data;
  heads.clear();
  TYPE_ORDER = orderOf(CUSTOMER_TYPES, DATA.types);
  CUE_ORDER = orderOf(CUES, DATA.cues);
  return previous;
}

// The type head, the cue head and the type's evidence all read the same words (and style markers, which belong
// to the same message) of a message: featurise once.
const featureCache = new WeakMap<readonly string[], FeatureVector>();
function featuresOf(words: readonly string[], style: readonly string[]): FeatureVector {
  let features = featureCache.get(words);
  if (!features) {
    features = modelFeatures(words, DATA.bits, style);
    featureCache.set(words, features);
  }
  return features;
}

function scoresFor(
  lang: Lang,
  head: 'types' | 'cues',
  words: readonly string[],
  style: readonly string[],
): number[] | undefined {
  const m = decodeHead(lang, head);
  if (!m || words.length === 0) return undefined;
  return linearScores(featuresOf(words, style), m.weights, m.scale, m.bias);
}

/** P(type | words) in CUSTOMER_TYPES order, or undefined without a model for the language or without words. */
export function typeProbabilities(
  lang: Lang,
  words: readonly string[],
  style: readonly string[] = [],
): number[] | undefined {
  const z = scoresFor(lang, 'types', words, style);
  if (!z || TYPE_ORDER.some((i) => i < 0)) return undefined;
  const p = softmax(z);
  return TYPE_ORDER.map((i) => p[i]);
}

/** P(cue present | words) per cue in CUES order (NaN for a cue the model does not know). */
export function cueProbabilities(
  lang: Lang,
  words: readonly string[],
  style: readonly string[] = [],
): number[] | undefined {
  const z = scoresFor(lang, 'cues', words, style);
  if (!z) return undefined;
  return CUE_ORDER.map((i) => (i < 0 ? Number.NaN : sigmoid(z[i])));
}

/**
 * How much each word pushes the message towards one output of a head, in the model's log-odds units (its own
 * features: the word, its n-grams and its pair with the next word). For the type head the push is measured
 * against the other types (a softmax), for the cue head it is the cue's own log-odds. Used to show which words
 * made the model choose a type or find a cue; only the positive ones are evidence.
 */
export function wordPulls(
  lang: Lang,
  words: readonly string[],
  head: 'types' | 'cues',
  output: string,
  style: readonly string[] = [],
): number[] {
  const m = decodeHead(lang, head);
  const ids = head === 'types' ? DATA.types : DATA.cues;
  const target = ids.indexOf(output);
  if (!m || target < 0 || words.length === 0) return words.map(() => 0);
  const k = ids.length;
  const mask = (1 << DATA.bits) - 1;
  const { norm } = featuresOf(words, style);
  return words.map((word, i) => {
    let pull = 0;
    eachFeature(word, words[i + 1], (h, weight) => {
      const row = ((h >>> 0) & mask) * k;
      let baseline = 0;
      if (head === 'types') {
        for (let c = 0; c < k; c++) baseline += m.weights[row + c];
        baseline /= k;
      }
      pull += (m.weights[row + target] - baseline) * weight;
    });
    return (pull * m.scale) / norm;
  });
}
