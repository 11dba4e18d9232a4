// From cue scores and type markers to one customer type. Weights are data (src/data/type-weights.json)
// so they can be tuned against the labelled dev set without touching code.
import weights from '../../data/type-weights.json';
import { CUSTOMER_TYPES, type Cue, type CustomerType } from '../taxonomy';

export type CueScores = Partial<Record<Cue, number>>;
export type MarkerScores = Partial<Record<CustomerType, number>>;

export interface TypeWeights {
  cues: Partial<Record<CustomerType, Partial<Record<Cue, number>>>>;
  markers: number;
  talkative: { charsFrom: number; charsFull: number; lengthWeight: number; calmOnly: number };
  neutralBaseline: number;
  /** How much a demanding marker (0..1) takes off the impatient reading: "refund me by Friday" is a demand. */
  demandDampsHurry: number;
  minimumToLeaveNeutral: number;
  /**
   * Weight of the statistical type model (model.ts) beside the lexicon scores. With a model, every type
   * (neutral too) competes on (lexicon score + model × probability) / (1 + model).
   */
  model: number;
  /**
   * Types the model may only lift when the lexicons already see some of it (score ≥ floor): a plain negative
   * review read as "angry" by wording alone cost anger precision on the polarity sets.
   */
  modelNeedsEvidence: { types: CustomerType[]; floor: number };
  /**
   * How the cue model moves a cue the lexicons found: score + weight × (probability − midpoint), lifting only
   * scores from `liftFrom` up. Not a type weight, but tuned the same way and kept with them.
   */
  cueModel: {
    weight: number;
    midpoint: number;
    liftFrom: number;
    cues: Cue[];
    /**
     * When the model may add a cue the lexicons did not report: from a trace below the threshold at
     * `fromTrace`, from no lexicon hit at all at `fromNothing` (probabilities); `never` for mechanical cues,
     * `notFromNothing` for those where a wrong tag costs most.
     */
    adds: {
      fromTrace: number;
      fromNothing: number;
      never: Cue[];
      notFromNothing: Cue[];
      /** From nothing only beside a trace of a complaint, and not in a message of plain thanks. */
      onlyBesideComplaint: Cue[];
    };
  };
  /**
   * Higher bars for showing the cues that fired most often where the writers saw none (leave-one-set-out:
   * frustration 264 wrong to 392 right, repeat contact 145 to 411, disappointment 103 to 183): a cue scored
   * below its bar is not shown; with `onlyBeside`, only when one of those cues is shown as well, so a review
   * whose one complaint is a mild disappointment keeps it. The type still reads the full scores.
   */
  cueBars: Partial<Record<Cue, { bar: number; onlyBeside?: Cue[] }>>;
  /** Applied last: a threat or insult outranks plain anger (seed: intimidating needs a boundary). */
  precedence: CustomerType[];
}
export const TYPE_WEIGHTS = weights as TypeWeights;

const squash = (raw: number) => 1 - Math.exp(-1.4 * Math.max(0, raw));
const round = (value: number) => Math.round(value * 1000) / 1000;

export interface TypeDecision {
  customerType: CustomerType;
  confidence: number;
  scores: Record<CustomerType, number>;
}

export function scoreTypes(
  cues: CueScores,
  markers: MarkerScores,
  chars: number,
  W: TypeWeights = TYPE_WEIGHTS,
  model?: readonly number[],
): TypeDecision {
  const raw = {} as Record<CustomerType, number>;
  for (const type of CUSTOMER_TYPES) {
    let sum = (markers[type] ?? 0) * W.markers;
    // A cue below the reporting threshold still counts: measured, gating it cost held-out accuracy.
    for (const [cue, weight] of Object.entries(W.cues[type] ?? {})) sum += (cues[cue as Cue] ?? 0) * weight;
    raw[type] = sum;
  }
  // A demand with a deadline is a demanding customer, not only an impatient one: the demand damps the hurry.
  raw.impatient *= 1 - Math.min(1, markers.demanding ?? 0) * W.demandDampsHurry;
  // Long, friendly messages: the talkative customer. Heat takes that reading away.
  const t = W.talkative;
  const length = Math.min(1, Math.max(0, (chars - t.charsFrom) / (t.charsFull - t.charsFrom)));
  const heat = Math.max(cues.anger ?? 0, cues.threat ?? 0, cues.abuse ?? 0, (cues.frustration ?? 0) * 0.8);
  raw.talkative += length * t.lengthWeight * (1 - heat * t.calmOnly);
  raw.talkative *= 1 - heat * t.calmOnly * 0.5;

  const scores = {} as Record<CustomerType, number>;
  for (const type of CUSTOMER_TYPES) scores[type] = round(squash(raw[type]));
  const strongestOther = Math.max(...CUSTOMER_TYPES.filter((x) => x !== 'neutral').map((x) => scores[x]));
  // Neutral is what remains when nothing else speaks: high with no signal, low next to a near-miss.
  scores.neutral = round(
    Math.min(1, Math.max(0, W.neutralBaseline + scores.neutral * 0.15 - strongestOther * 0.9)),
  );

  if (model && W.model > 0) return blendWithModel(scores, model, W);

  let best: CustomerType = 'neutral';
  let bestScore = 0;
  for (const type of CUSTOMER_TYPES) {
    if (type === 'neutral') continue;
    const boosted = scores[type] + precedenceNudge(type, W, 0.001);
    if (boosted > bestScore) {
      best = type;
      bestScore = boosted;
    }
  }
  if (scores[best] < W.minimumToLeaveNeutral)
    return { customerType: 'neutral', confidence: scores.neutral, scores };
  return { customerType: best, confidence: scores[best], scores };
}

/**
 * A small nudge by precedence, so a threat outranks plain anger at (nearly) equal score: `step` per rank, the
 * first in W.precedence nudged most. The lexicon-only decision steps by 0.001 (its scores are rounded to that);
 * the blend steps by 0.0001, breaking exact ties only.
 */
function precedenceNudge(type: CustomerType, W: TypeWeights, step: number): number {
  const rank = W.precedence.indexOf(type);
  return rank >= 0 ? step * (10 - rank) : 0;
}

function blendWithModel(
  lexicon: Record<CustomerType, number>,
  model: readonly number[],
  W: TypeWeights,
): TypeDecision {
  const scores = {} as Record<CustomerType, number>;
  const { types: guarded, floor } = W.modelNeedsEvidence;
  CUSTOMER_TYPES.forEach((type, i) => {
    const trust = guarded.includes(type) ? Math.min(1, lexicon[type] / floor) : 1;
    scores[type] = round((lexicon[type] + W.model * trust * (model[i] ?? 0)) / (1 + W.model));
  });
  let best: CustomerType = 'neutral';
  for (const type of CUSTOMER_TYPES)
    if (scores[type] + precedenceNudge(type, W, 0.0001) > scores[best] + precedenceNudge(best, W, 0.0001))
      best = type;
  return { customerType: best, confidence: scores[best], scores };
}
