// Training of the statistical model (src/core/classify/model.ts): shared by scripts/train-model.ts, which
// writes the shipped model, and scripts/cross-validate.ts, which trains without one set to measure on it.
// Deterministic: a seeded shuffle and fixed epochs give the same weights for the same data.
import { extractFeatures } from '../../src/core/classify/features';
import {
  type FeatureVector,
  linearScores,
  type ModelData,
  modelFeatures,
  sigmoid,
  softmax,
} from '../../src/core/classify/model';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, LANGS } from '../../src/core/taxonomy';
import { HELD_OUT_SETS, readDataset } from './dataset';
import { POLARITY_SETS, TRAINING_SETS, trainingHash } from './model-data';

// 16,384 buckets: against 4,096, leave-one-set-out cues +0.3 and types +0.3 on both halves of the folds, for 1.5 MB.
const BITS = 14;
const EPOCHS = 30;
const LEARNING_RATE = 0.5;
/**
 * Weight decay. 1e-5 was set when there were a quarter of today's messages; with 3,800 a language a lighter
 * penalty fits better (stop 28, leave-one-set-out without the stacker: holdout34–36 cue micro-F1 77.7 → 78.2,
 * holdout26–33 79.4 → 79.5, types ±0 to +0.5; 1e-6 and 5e-6 within 0.1 of it; 15 epochs instead of 30 ±0).
 */
const L2 = 3e-6;
/** A review line teaches the type head less than a support message does (cross-validated: 0.3). */
const LINE_WEIGHT = Number(process.env.LINE_WEIGHT ?? 0.3);

/**
 * A message of a held-out set teaches both heads this many times what a training-only message does: the
 * held-out sets are written to the same brief as the never-seen set the README reports, while the
 * training-only sets were asked for hard cases and look-alikes whose labelling drifts from it (stop 32,
 * leave-one-set-out over holdout37–44, model retrained without each: cue micro-F1 83.54 → 83.70 with the
 * shipped stacker and 78.86 → 79.08 without it, type accuracy 96.09 → 96.48; 2 gave 83.68 / 79.02 / 96.29).
 */
export const HOLDOUT_WEIGHT = Number(process.env.HOLDOUT_WEIGHT ?? 3);
/** Whether a set is one of the held-out sets (holdout, holdout2 …), which count HOLDOUT_WEIGHT times. */
export const isHeldOutSet = (set: string) => HELD_OUT_SETS.includes(set);

/** mulberry32: a small seeded generator, so the shuffle (and the model) is reproducible. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  x: FeatureVector;
  /** How much this example counts (review lines count less than support messages). */
  weight?: number;
  /** Target per output: one-hot for the type head, 0/1 per cue for the cue head. */
  y: number[];
}

/**
 * Stochastic gradient descent on the log loss. `exclusive`: softmax over the outputs (one type per message);
 * otherwise an independent sigmoid per output (any number of cues).
 */
function train(examples: Example[], outputs: number, exclusive: boolean) {
  const weights = new Float64Array((1 << BITS) * outputs);
  const bias = new Float64Array(outputs);
  const random = seeded(20261203);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const index of order) {
      const { x, y, weight = 1 } = examples[index];
      const z = linearScores(x, weights, 1, bias);
      const p = exclusive ? softmax(z) : z.map(sigmoid);
      for (let c = 0; c < outputs; c++) {
        const gradient = (p[c] - y[c]) * weight;
        bias[c] -= LEARNING_RATE * gradient;
        for (let f = 0; f < x.buckets.length; f++) {
          const at = x.buckets[f] * outputs + c;
          weights[at] -= LEARNING_RATE * (gradient * x.values[f] + L2 * weights[at]);
        }
      }
    }
  }
  return { bias: [...bias].map((b) => Math.round(b * 1e4) / 1e4), ...quantise(weights) };
}

/** int8 weights with one scale per head, base64 (2^BITS buckets × outputs bytes). */
function quantise(weights: Float64Array) {
  const largest = weights.reduce((m, w) => Math.max(m, Math.abs(w)), 0) || 1;
  const scale = largest / 127;
  const bytes = new Uint8Array(weights.length);
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i] / scale) & 0xff;
  return { scale, weights: Buffer.from(bytes).toString('base64') };
}

interface Row {
  text: string;
  type: CustomerType;
  cues: Cue[];
  split?: string;
}

/**
 * Trains both heads for every language on TRAINING_SETS and POLARITY_SETS, leaving out the sets named in
 * `without` ("test": the labelled test split) so the result can be measured on them.
 */
export function trainModel(without: string[] = [], log: (line: string) => void = () => {}): ModelData {
  const sets = TRAINING_SETS.filter((set) => !without.includes(set));
  const polaritySets = POLARITY_SETS.filter((set) => !without.includes(set));
  const noTest = without.includes('test');
  const langs: ModelData['langs'] = {};
  for (const lang of LANGS) {
    const rows = sets.flatMap((set) =>
      readDataset<Row>(set, lang)
        .filter((row) => !(noTest && row.split === 'test'))
        .map((row) => ({ ...row, weight: isHeldOutSet(set) ? HOLDOUT_WEIGHT : 1 })),
    );
    const featuresOf = (text: string) => {
      const { vocabulary, style } = extractFeatures(text, lang);
      return modelFeatures(vocabulary, BITS, style);
    };
    const features = rows.map((row) => featuresOf(row.text));
    const lines = polaritySets.flatMap((set) =>
      readDataset<{ text: string; anger: boolean; split?: string }>(set, lang).filter(
        (line) => !(noTest && line.split === 'test'),
      ),
    );
    const oneHot = (type: CustomerType) => CUSTOMER_TYPES.map((t) => (t === type ? 1 : 0));
    const types = train(
      [
        ...rows.map((row, i) => ({ x: features[i], y: oneHot(row.type), weight: row.weight })),
        ...lines.map((line) => ({
          x: featuresOf(line.text),
          y: oneHot(line.anger ? 'angry' : 'neutral'),
          weight: LINE_WEIGHT,
        })),
      ],
      CUSTOMER_TYPES.length,
      true,
    );
    // The writer's cues are the only target. Tried in stop 36 and left: halfway between the writer and the
    // blind second annotator where the two disagree (the sets annotated twice); leave-one-set-out over
    // holdout58–67 without the stacker, cue micro-F1 80.0 → 79.6, types −0.1 to −0.8.
    const cues = train(
      rows.map((row, i) => ({
        x: features[i],
        y: CUES.map((c) => (row.cues.includes(c) ? 1 : 0)),
        weight: row.weight,
      })),
      CUES.length,
      false,
    );
    langs[lang] = { types, cues };
    log(
      `${lang}: ${rows.length} messages (${sets.join(', ')}) and ${lines.length} lines (${polaritySets.join(', ')})${noTest ? ', no test split' : ''}`,
    );
  }
  return {
    _comment:
      'Generated by scripts/train-model.ts from the labelled, released held-out and training-only sets; do not edit. Logistic regression over hashed word, word-pair and character n-gram features (src/core/classify/model.ts).',
    bits: BITS,
    types: [...CUSTOMER_TYPES],
    cues: [...CUES],
    // A model trained without a set is for measuring on it only: the unit test that compares this hash with
    // the data fails until the model is retrained on everything.
    trainedOn: without.length ? `without ${without.join(', ')}` : trainingHash(),
    langs,
  };
}
