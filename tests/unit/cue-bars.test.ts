import { describe, expect, it } from 'vitest';
import { shownCues } from '../../src/core/classify/index';
import { TYPE_WEIGHTS } from '../../src/core/classify/scoring';

// The cues that fired most often where writers saw none must clear a higher bar to be shown
// (type-weights.json cueBars); the rule is checked on scores, apart from the lexicons and the model.
const shown = (scores: Parameters<typeof shownCues>[0]) => [...shownCues(scores)].sort();

describe('cue bars', () => {
  it('has bars above the reporting threshold for the over-firing cues', () => {
    expect(TYPE_WEIGHTS.cueBars.frustration?.bar).toBeGreaterThan(0.5);
    expect(TYPE_WEIGHTS.cueBars.repeatContact?.bar).toBeGreaterThan(0.5);
  });

  it('hides a weak frustration or repeat contact, keeps a clear one', () => {
    expect(shown({ frustration: 0.55, anger: 0.9 })).toEqual(['anger']);
    expect(shown({ repeatContact: 0.6 })).toEqual([]);
    expect(shown({ frustration: 0.7, repeatContact: 0.9 })).toEqual(['frustration', 'repeatContact']);
  });

  it('hides a weak disappointment only beside another complaint cue', () => {
    // A review whose one complaint is a mild disappointment keeps it.
    expect(shown({ disappointment: 0.55 })).toEqual(['disappointment']);
    expect(shown({ disappointment: 0.55, anger: 0.7 })).toEqual(['anger']);
    // Beside a cue that is itself hidden, it stays.
    expect(shown({ disappointment: 0.55, frustration: 0.55 })).toEqual(['disappointment']);
    expect(shown({ disappointment: 0.8, anger: 0.7 })).toEqual(['anger', 'disappointment']);
  });

  it('shows the other cues from the reporting threshold on', () => {
    expect(shown({ urgency: 0.5, threat: 0.49 })).toEqual(['urgency']);
  });
});
