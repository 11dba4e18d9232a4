// The cue stacker: one small logistic regression per cue that reads what the lexicons, the cue model and
// the type decision said about a message together and decides whether the cue is there. It learns what the
// hand-set adding rules could not: how far to trust a lexicon hit beside the model's doubt, and which cues go
// together (a worn-down "still nothing" beside anger). Trained on out-of-fold outputs, so the model's
// probabilities look as they do on text it never saw (scripts/train-stacker.ts). Weights are data
// (src/data/cue-stacker.json).
import stacker from '../../data/cue-stacker.json';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, LANGS, type Lang } from '../taxonomy';
import { sigmoid } from './model';
import type { CueScores } from './scoring';

export interface StackerData {
  _comment?: string;
  /** A cue is on from this probability, unless `thresholds` names its own. */
  threshold: number;
  /** Per-cue bars where one differs from `threshold`. */
  thresholds?: Partial<Record<Cue, number>>;
  /** Cues the stacker decides both ways: it may add them and it may drop a lexicon hit. */
  decides: Cue[];
  /**
   * Cues it may only add: dropping the lexicons' disappointment or worry in reviews and film lines
   * cost negativity there (measured on the polarity sets); the cues in neither list keep the rules' reading.
   */
  addsOnly: Cue[];
  /**
   * Cues it turns on only where the customer's own words gave a trace of them (a lexicon score above 0) or the
   * rules already showed them: an anger or threat tag must point at angry or threatening words, not at the
   * words a bag-of-words model leaned on ("FIFTH time I write about this" is no threat).
   */
  needsWords: Cue[];
  /**
   * For a cue in `needsWords`: the probability from which the stacker turns it on even without the customer's
   * words for it (absent: never).
   */
  barsWithoutWords?: Partial<Record<Cue, number>>;
  /** The layout of the input vector, so a stale file is refused rather than misread. */
  inputs: string[];
  /** One weight per input, per cue (the last input is the bias). */
  weights: Partial<Record<Cue, number[]>>;
  trainedOn: string;
}

/** The names of the inputs, in order: the shipped file must list the same. */
export const STACKER_INPUTS: readonly string[] = [
  ...CUES.map((cue) => `lexicon:${cue}`),
  ...CUES.map((cue) => `lexiconHit:${cue}`),
  ...CUES.map((cue) => `model:${cue}`),
  ...CUSTOMER_TYPES.map((type) => `type:${type}`),
  ...LANGS.map((lang) => `lang:${lang}`),
  'bias',
];

const clampProbability = (p: number) => Math.min(1 - 1e-4, Math.max(1e-4, Number.isNaN(p) ? 0.5 : p));
/** The model's log-odds, scaled to about the size of the other inputs. */
const logit = (p: number) => Math.log(clampProbability(p) / (1 - clampProbability(p))) / 5;

/** The stacker's inputs for one message (or conversation): lexicon scores, model probabilities, type scores. */
export function stackerInputs(
  lexicon: CueScores,
  model: readonly number[],
  typeScores: Record<CustomerType, number>,
  lang: Lang,
): number[] {
  return [
    ...CUES.map((cue) => lexicon[cue] ?? 0),
    ...CUES.map((cue) => ((lexicon[cue] ?? 0) > 0 ? 1 : 0)),
    ...CUES.map((_, i) => logit(model[i])),
    ...CUSTOMER_TYPES.map((type) => typeScores[type] ?? 0),
    ...LANGS.map((l) => (l === lang ? 1 : 0)),
    1,
  ];
}

export const dot = (w: readonly number[], x: readonly number[]) => {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += w[i] * x[i];
  return z;
};

/** A stacker whose inputs are the ones the code reads, else undefined (then the rules alone decide). */
const matching = (data: StackerData | undefined) =>
  data?.inputs.length === STACKER_INPUTS.length && data.inputs.every((name, i) => name === STACKER_INPUTS[i])
    ? data
    : undefined;

let DATA: StackerData | undefined = stacker as StackerData;
// Checked once when set, not on every analysis.
let ACTIVE = matching(DATA);

/** The stacker in use, or undefined when its file does not match the inputs (then the rules alone decide). */
export const currentStacker = (): StackerData | undefined => ACTIVE;

/** Swaps in another stacker (or none, to measure the rules alone) and returns the one in use. */
export function useStacker(data: StackerData | undefined): StackerData | undefined {
  const previous = DATA;
  DATA = data;
  ACTIVE = matching(data);
  return previous;
}

/** The probability from which the stacker turns `cue` on. */
export const thresholdOf = (data: StackerData, cue: Cue) => data.thresholds?.[cue] ?? data.threshold;

/** P(cue | inputs) for each cue the stacker has weights for. */
export function stackedProbabilities(
  data: StackerData,
  inputs: readonly number[],
): Partial<Record<Cue, number>> {
  const result: Partial<Record<Cue, number>> = {};
  for (const cue of [...data.decides, ...data.addsOnly]) {
    const w = data.weights[cue];
    if (w && w.length === inputs.length) result[cue] = sigmoid(dot(w, inputs));
  }
  return result;
}
