import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingHash } from '../../scripts/lib/model-data';
import { fitStacker, SHIPPED_CHOICE, type StackerRow } from '../../scripts/lib/stacker-train';
import { HOLDOUT_WEIGHT } from '../../scripts/lib/train';
import { analyze } from '../../src/core/classify/index';
import { sigmoid } from '../../src/core/classify/model';
import { TYPE_WEIGHTS } from '../../src/core/classify/scoring';
import {
  currentStacker,
  dot,
  STACKER_INPUTS,
  type StackerData,
  stackerInputs,
  useStacker,
} from '../../src/core/classify/stacker';
import { CUES, CUSTOMER_TYPES, type Cue, LANGS } from '../../src/core/taxonomy';

// The stacker's last word on the cues, checked with hand-made stackers whose only weight is a bias: a cue
// forced on or off whatever the message says, so what is tested is what the pipeline does with the decision.

const BIAS = STACKER_INPUTS.indexOf('bias');

function handMadeStacker(
  bias: Partial<Record<Cue, number>>,
  decides: Cue[],
  addsOnly: Cue[] = [],
  needsWords: Cue[] = [],
): StackerData {
  const weights: StackerData['weights'] = {};
  for (const cue of [...decides, ...addsOnly]) {
    const w = STACKER_INPUTS.map(() => 0);
    w[BIAS] = bias[cue] ?? -10;
    weights[cue] = w;
  }
  return {
    threshold: 0.4,
    decides,
    addsOnly,
    needsWords,
    inputs: [...STACKER_INPUTS],
    weights,
    trainedOn: 'hand-made',
  };
}

const cuesOf = (text: string) => analyze(text, { lang: 'en' }).cues.map((c) => c.cue);
const URGENT = 'I need this fixed today, it is urgent.';

describe('the cue stacker', () => {
  let shipped: StackerData | undefined;
  beforeAll(() => {
    shipped = useStacker(undefined);
  });
  afterAll(() => useStacker(shipped));

  it('reads the lexicons, the model, the type scores and the language, in the order the file names', () => {
    const scores = Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, t === 'angry' ? 0.7 : 0])) as Record<
      (typeof CUSTOMER_TYPES)[number],
      number
    >;
    const inputs = stackerInputs(
      { anger: 0.8 },
      CUES.map(() => 0.5),
      scores,
      'sv',
    );
    expect(inputs).toHaveLength(STACKER_INPUTS.length);
    expect(inputs[STACKER_INPUTS.indexOf('lexicon:anger')]).toBe(0.8);
    expect(inputs[STACKER_INPUTS.indexOf('lexiconHit:anger')]).toBe(1);
    expect(inputs[STACKER_INPUTS.indexOf('lexiconHit:worry')]).toBe(0);
    expect(inputs[STACKER_INPUTS.indexOf('model:anger')]).toBeCloseTo(0, 9);
    expect(inputs[STACKER_INPUTS.indexOf('type:angry')]).toBe(0.7);
    expect(inputs[STACKER_INPUTS.indexOf('lang:sv')]).toBe(1);
    expect(inputs[BIAS]).toBe(1);
  });

  it('drops a lexicon hit on a cue it decides, and keeps one it may only add', () => {
    expect(cuesOf(URGENT)).toContain('urgency');
    useStacker(handMadeStacker({}, ['urgency']));
    expect(cuesOf(URGENT)).not.toContain('urgency');
    useStacker(handMadeStacker({}, [], ['urgency']));
    expect(cuesOf(URGENT)).toContain('urgency');
  });

  it('adds a cue the rules missed, shown with words to back it', () => {
    useStacker(handMadeStacker({ churn: 10 }, ['churn']));
    // Forced on, churn shows with the customer's words for it, and not at all where there are none.
    const churn = (text: string) => analyze(text, { lang: 'en' }).cues.find((c) => c.cue === 'churn');
    expect(churn('I will cancel my subscription if this is not fixed.')?.evidence.map((e) => e.text)).toEqual(
      ['I will cancel my subscription'],
    );
    expect(churn('The box was red.')).toBeUndefined();
    useStacker(handMadeStacker({ urgency: 10 }, ['urgency']));
    const urgency = analyze(URGENT, { lang: 'en' }).cues.find((c) => c.cue === 'urgency');
    expect(urgency?.score).toBeGreaterThanOrEqual(0.5);
    expect(urgency?.evidence.map((e) => e.text)).toContain('urgent');
  });

  it('adds a cue that needs words only beside the customer’s words for it', () => {
    // Forced on everywhere, threat still needs a threatening word in the message.
    useStacker(handMadeStacker({ threat: 10 }, ['threat'], [], ['threat']));
    expect(cuesOf('FIFTH time I write about this.')).not.toContain('threat');
    expect(cuesOf('I will write about this on Trustpilot.')).toContain('threat');
    useStacker(handMadeStacker({ threat: 10 }, ['threat']));
    expect(cuesOf('FIFTH time I write about this.')).toContain('threat');
  });

  it('adds a cue that needs words without them only from its own, higher bar', () => {
    // Cold anger has no angry word: a list of dates and what did not happen.
    const COLD = 'Order 88213. Paid 2 October. Promised 5 October. Today 19 October. No product. No answer.';
    const sure = (bias: number) => ({
      ...handMadeStacker({ anger: bias }, ['anger'], [], ['anger']),
      barsWithoutWords: { anger: 0.75 },
    });
    // The cue model may read a cold list as anger by itself (the one retrained in stop 30 does, at 0.65), and a
    // cue it adds counts as worded: switched off here, so that only the stacker's bars decide.
    const modelWeight = TYPE_WEIGHTS.cueModel.weight;
    TYPE_WEIGHTS.cueModel.weight = 0;
    try {
      useStacker(sure(0));
      expect(cuesOf(COLD)).not.toContain('anger');
      useStacker(sure(10));
      expect(cuesOf(COLD)).toContain('anger');
      useStacker(handMadeStacker({ anger: 10 }, ['anger'], [], ['anger']));
      expect(cuesOf(COLD)).not.toContain('anger');
    } finally {
      TYPE_WEIGHTS.cueModel.weight = modelWeight;
    }
  });

  it('never adds a cue the customer negated', () => {
    const negated = 'This is not urgent, whenever you have time.';
    useStacker(undefined);
    expect(cuesOf(negated)).not.toContain('urgency');
    useStacker(handMadeStacker({ urgency: 10 }, ['urgency']));
    expect(cuesOf(negated)).not.toContain('urgency');
  });

  it('turns a cue on from its own bar where the file names one', () => {
    // A bias of 0 is a probability of 0.5: under the common bar of 0.4, over a bar of 0.6 for churn alone.
    const CHURN = 'I will cancel my subscription if this is not fixed.';
    useStacker(handMadeStacker({ churn: 0 }, ['churn']));
    expect(cuesOf(CHURN)).toContain('churn');
    useStacker({ ...handMadeStacker({ churn: 0 }, ['churn']), thresholds: { churn: 0.6 } });
    expect(cuesOf(CHURN)).not.toContain('churn');
    useStacker({ ...handMadeStacker({ churn: 0 }, ['churn']), thresholds: { urgency: 0.6 } });
    expect(cuesOf(CHURN)).toContain('churn');
  });

  it('never drops what the latest message states plainly: a bare chat nudge is someone waiting', () => {
    useStacker(handMadeStacker({}, ['urgency']));
    expect(cuesOf(URGENT)).not.toContain('urgency');
    expect(cuesOf('and??')).toContain('urgency');
    expect(analyze('ok men når da??', { lang: 'nb' }).cues.map((c) => c.cue)).toContain('urgency');
  });

  it('is ignored when its file lists other inputs than the code reads', () => {
    useStacker({ ...handMadeStacker({}, ['urgency']), inputs: ['bias'] });
    expect(currentStacker()).toBeUndefined();
    expect(cuesOf(URGENT)).toContain('urgency');
  });
});

describe('shipped stacker', () => {
  const stacker = currentStacker();

  // A count of the customer's own contacts is another matter: 45 of the 52 Norwegian messages saying «femte
  // gang jeg skriver» or the like are labelled angry, and since stop 29 the stacker reads the shouted one so.
  it('reads a shouted repeat count as no anger and no threat (anger and threat need their words)', () => {
    for (const [text, lang] of [
      ['FIFTH time I write about this.', 'en'],
      ['Internett er nede IGJEN.', 'nb'],
    ]) {
      const cues = analyze(text, { lang }).cues.map((c) => c.cue);
      expect(cues, text).not.toContain('anger');
      expect(cues, text).not.toContain('threat');
    }
    // Since stop 30's retraining the cue model itself reads «Netti on TAAS poikki.» as anger (0.64), and what it
    // adds counts as worded; the writers put anger on 10 of the 11 Finnish messages with a shouted «TAAS». Threat
    // still needs its words.
    expect(analyze('Netti on TAAS poikki.', { lang: 'fi' }).cues.map((c) => c.cue)).not.toContain('threat');
  });

  it('reads a warm opener with nothing thanked as no gratitude (gratitude needs its words)', () => {
    const text =
      'Hei vaan! Toivottavasti teillä on ollut mukava viikko. Me olimme viikonloppuna mökillä koko perheen kanssa, ja lunta satoi niin paljon, että lapset rakensivat ison lumiukon pihalle. Illalla joimme kaakaota takan ääressä ja pelasimme lautapelejä, ja mieheni tietysti hävisi joka kerta. Koiramme juoksi lumessa koko päivän ja oli ihan märkä. Mummo leipoi pullaa, ja koko mökki tuoksui kardemummalta. Oli kyllä ihana reissu! No, mutta asiaan: halusin vain kysyä, milloin pakettini tulee?';
    expect(analyze(text, { lang: 'fi' }).cues.map((c) => c.cue)).not.toContain('gratitude');
    expect(analyze('Kiitos paljon nopeasta avusta eilen!', { lang: 'fi' }).cues.map((c) => c.cue)).toContain(
      'gratitude',
    );
  });

  it('matches the inputs the code reads and was trained on the data as it is now (scripts/train-stacker.ts)', () => {
    expect(stacker?.inputs).toEqual(STACKER_INPUTS);
    expect(stacker?.trainedOn).toBe(trainingHash());
  });

  it('has weights for every cue it decides or adds, and for every language', () => {
    for (const cue of [...(stacker?.decides ?? []), ...(stacker?.addsOnly ?? [])])
      expect(stacker?.weights[cue], cue).toHaveLength(STACKER_INPUTS.length);
    expect(stacker?.decides.length).toBeGreaterThan(0);
    for (const lang of LANGS) expect(STACKER_INPUTS).toContain(`lang:${lang}`);
  });
});

describe('fitting the stacker', () => {
  // The same inputs labelled both ways: what the fit believes is how much each side counts. A held-out set's
  // row counts HOLDOUT_WEIGHT times a training-only set's (written to the never-seen set's brief).
  const row = (fold: string, on: boolean): StackerRow => ({
    fold,
    lang: 'en',
    inputs: STACKER_INPUTS.map((name) => (name === 'bias' ? 1 : 0)),
    cues: on ? ['urgency'] : [],
  });
  const probabilityFrom = (rows: StackerRow[]) => {
    const fitted = fitStacker(rows, 'test', { ...SHIPPED_CHOICE, decides: ['urgency'], addsOnly: [] });
    return sigmoid(dot(fitted.weights.urgency as number[], rows[0].inputs));
  };
  const many = (n: number, make: (i: number) => StackerRow) => Array.from({ length: n }, (_, i) => make(i));

  it('counts a held-out set’s rows more than a training-only set’s', () => {
    const heldOutSaysYes = [
      ...many(40, () => row('holdout9', true)),
      ...many(40, () => row('train3', false)),
    ];
    const expected = HOLDOUT_WEIGHT / (HOLDOUT_WEIGHT + 1);
    expect(HOLDOUT_WEIGHT).toBeGreaterThan(1);
    expect(probabilityFrom(heldOutSaysYes)).toBeCloseTo(expected, 1);
  });

  it('counts two training-only sets alike', () => {
    const even = [...many(40, () => row('train2', true)), ...many(40, () => row('train3', false))];
    expect(probabilityFrom(even)).toBeCloseTo(0.5, 2);
  });
});
