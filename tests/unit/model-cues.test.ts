import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/classify/index';
import { type ModelData, modelFeatures, useModel } from '../../src/core/classify/model';
import { useStacker } from '../../src/core/classify/stacker';
import { CUES, CUSTOMER_TYPES, type Cue } from '../../src/core/taxonomy';

// How the cue model adds a cue the lexicons missed, checked with a small hand-made model: one made-up word
// ("zorblax") pushes chosen cues up, so the rules are tested apart from whatever the trained model learnt.

const BITS = 12;
const WORD = 'zorblax';

/** A model whose cue head says `cues` when the word is there (and little otherwise); a flat type head. */
function handMadeModel(cues: Cue[]): ModelData {
  const buckets = modelFeatures([WORD], BITS).buckets;
  const cueWeights = new Int8Array((1 << BITS) * CUES.length);
  for (const bucket of buckets)
    for (const cue of cues) cueWeights[bucket * CUES.length + CUES.indexOf(cue)] = 127;
  const head = (weights: Int8Array, outputs: number, bias: number) => ({
    bias: Array.from({ length: outputs }, () => bias),
    scale: 0.1,
    weights: Buffer.from(weights.buffer).toString('base64'),
  });
  const types = head(new Int8Array((1 << BITS) * CUSTOMER_TYPES.length), CUSTOMER_TYPES.length, 0);
  return {
    bits: BITS,
    types: [...CUSTOMER_TYPES],
    cues: [...CUES],
    trainedOn: 'hand-made for a test',
    langs: { en: { types, cues: head(cueWeights, CUES.length, -4) } },
  };
}

const cuesOf = (text: string) => analyze(text, { lang: 'en' }).cues;

describe('cues the model adds', () => {
  const shipped = useModel(handMadeModel(['frustration', 'worry', 'sarcasm', 'anger', 'abuse']));
  // The rules apart from the stacker, which has the last word on most cues (stacker.test.ts).
  const shippedStacker = useStacker(undefined);
  afterAll(() => {
    useModel(shipped);
    useStacker(shippedStacker);
  });

  it('adds a cue the lexicons missed, with the words the model leaned on as evidence', () => {
    const text = 'The parcel arrived and the box was zorblax.';
    const hit = cuesOf(text).find((c) => c.cue === 'worry');
    expect(hit?.score).toBeGreaterThanOrEqual(0.5);
    expect(hit?.evidence.map((e) => e.text)).toEqual([WORD]);
    expect(text.slice(hit?.evidence[0].start, hit?.evidence[0].end)).toBe(WORD);
  });

  it('lifts a lexicon trace below the bar, showing the lexicon words', () => {
    const trace = cuesOf('The parcel arrived and the box was red again.');
    expect(trace.map((c) => c.cue)).not.toContain('frustration');
    const hit = cuesOf('The parcel arrived and the box was zorblax again.').find(
      (c) => c.cue === 'frustration',
    );
    expect(hit?.evidence.map((e) => e.text)).toEqual(['again']);
  });

  it('adds frustration only beside a lexicon trace, never from nothing', () => {
    // The cue people agree on least: from nothing a bag of words was wrong more often than right.
    expect(cuesOf('The parcel arrived and the box was zorblax.').map((c) => c.cue)).not.toContain(
      'frustration',
    );
  });

  it('adds nothing without the word', () => {
    expect(cuesOf('The parcel arrived and the box was fine.').map((c) => c.cue)).toEqual([]);
  });

  it('never adds a cue the customer negated', () => {
    const cues = cuesOf("I'm not worried, the box was zorblax again.").map((c) => c.cue);
    expect(cues).not.toContain('worry');
    expect(cues).toContain('anger');
  });

  it('adds a cue whose lexicon score is shown only above its own bar (frustration from 0.6)', () => {
    // "sigh" alone scores 0.5: at the reporting threshold but under frustration's bar, so nothing shows.
    expect(cuesOf('Sigh. The parcel arrived and the box was red.').map((c) => c.cue)).not.toContain(
      'frustration',
    );
    const hit = cuesOf('Sigh. The parcel arrived and the box was zorblax.').find(
      (c) => c.cue === 'frustration',
    );
    expect(hit?.score).toBeGreaterThanOrEqual(0.6);
    expect(hit?.evidence.map((e) => e.text)).toEqual(['Sigh']);
  });

  it('adds a cue a suppressor only weakened, never one it cancelled', () => {
    // "hello again" halves the frustration of "again" (a greeting, not a complaint), it does not rule it out.
    expect(cuesOf('Hello again, the box was zorblax.').map((c) => c.cue)).toContain('frustration');
    // "afraid I can't" cancels worry outright: a polite phrase, not fear.
    expect(cuesOf("I'm afraid I can't find it, the box was zorblax.").map((c) => c.cue)).not.toContain(
      'worry',
    );
  });

  // Abuse is an insult the agent is shown: it takes the insulting words themselves. Anger may come from the
  // model alone beside a trace of a complaint (cold, polite anger has no angry word; measured on three fresh
  // sets, +0.4 to +1.1), never from nothing ("No complaints. … the driver was polite." read as anger).
  it('leaves irony to the irony reading and abuse to the lexicons', () => {
    const cues = cuesOf('The box was zorblax.').map((c) => c.cue);
    expect(cues).not.toContain('sarcasm');
    expect(cues).not.toContain('abuse');
    expect(cues).not.toContain('anger');
    expect(cuesOf('The box was zorblax again.').map((c) => c.cue)).toContain('anger');
  });

  it('adds no anger to plain thanks', () => {
    expect(cuesOf('Thank you so much, the box was zorblax.').map((c) => c.cue)).not.toContain('anger');
  });
});
