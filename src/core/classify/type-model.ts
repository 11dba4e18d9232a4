// A small statistical model of the customer type, beside the lexicons: multinomial logistic regression over
// hashed word, word-pair and character n-gram features of the customer's own words. Character n-grams carry
// what word lists miss on fresh text (Finnish endings, compounds, the many ways of saying one thing); the
// lexicon scores keep the decision explainable. Weights are data (src/data/type-model.json), trained by
// scripts/train-type-model.ts on the labelled and released held-out sets.
import model from '../../data/type-model.json';
import { CUSTOMER_TYPES, type Lang } from '../taxonomy';

export interface TypeModelData {
  _comment?: string;
  /** Features are hashed into 2^bits buckets. */
  bits: number;
  /** Class order of the weight rows (CUSTOMER_TYPES at training time). */
  classes: string[];
  /** Hash of the training rows: a unit test fails when the data changed and the model was not retrained. */
  trainedOn: string;
  langs: Partial<Record<Lang, { bias: number[]; scale: number; weights: string }>>;
}

/** Sparse features: parallel lists of hash buckets and values. */
export interface FeatureVector {
  buckets: number[];
  values: number[];
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
const EDGE_START = '<'.charCodeAt(0);
const EDGE_END = '>'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);

let scratch = new Float64Array(0);

/** Words, word pairs and character 3–5-grams of each word (with edges), L2-normalised. */
export function modelFeatures(words: readonly string[], bits: number): FeatureVector {
  const mask = (1 << bits) - 1;
  if (scratch.length !== mask + 1) scratch = new Float64Array(mask + 1);
  const buckets: number[] = [];
  const add = (h: number, weight: number) => {
    const bucket = (h >>> 0) & mask;
    if (scratch[bucket] === 0) buckets.push(bucket);
    scratch[bucket] += weight;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    add(feedString(WORD, word), 1);
    if (i + 1 < words.length) add(feedString(feed(feedString(PAIR, word), SPACE), words[i + 1]), 1);
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
  let norm = 0;
  for (const bucket of buckets) norm += scratch[bucket] * scratch[bucket];
  norm = Math.sqrt(norm) || 1;
  const values = buckets.map((bucket) => scratch[bucket] / norm);
  for (const bucket of buckets) scratch[bucket] = 0;
  return { buckets, values };
}

/** Class probabilities from raw weights (`weights[bucket * classes + class]`): shared by training and use. */
export function softmaxScores(
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
  let top = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    z[c] += bias[c];
    if (z[c] > top) top = z[c];
  }
  let total = 0;
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp(z[c] - top);
    total += z[c];
  }
  for (let c = 0; c < k; c++) z[c] /= total;
  return z;
}

interface Decoded {
  bias: number[];
  scale: number;
  weights: Int8Array;
  /** Maps the file's class order onto CUSTOMER_TYPES. */
  order: number[];
}

const DATA = model as TypeModelData;
const decoded = new Map<Lang, Decoded | null>();

function decode(lang: Lang): Decoded | null {
  if (decoded.has(lang)) return decoded.get(lang) ?? null;
  const entry = DATA.langs[lang];
  let result: Decoded | null = null;
  if (entry) {
    const binary = atob(entry.weights);
    const weights = new Int8Array(binary.length);
    for (let i = 0; i < binary.length; i++) weights[i] = (binary.charCodeAt(i) << 24) >> 24;
    const order = CUSTOMER_TYPES.map((type) => DATA.classes.indexOf(type));
    if (order.every((i) => i >= 0)) result = { bias: entry.bias, scale: entry.scale, weights, order };
  }
  decoded.set(lang, result);
  return result;
}

/** P(type | words) in CUSTOMER_TYPES order, or undefined when there is no model for the language. */
export function typeProbabilities(lang: Lang, words: readonly string[]): number[] | undefined {
  const m = decode(lang);
  if (!m || words.length === 0) return undefined;
  const probabilities = softmaxScores(modelFeatures(words, DATA.bits), m.weights, m.scale, m.bias);
  return m.order.map((i) => probabilities[i]);
}
