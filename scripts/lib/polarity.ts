// How an analysis reads as "negative" and as "anger" for review- and subtitle-style text
// (tests/data/polarity/): the classifier has no sentiment field, so a text counts as negative when it
// carries a negative cue (fear and grief included) or the angry type, and as anger when it carries the anger
// cue or the angry type.
import type { Analysis } from '../../src/core/analysis';

const NEGATIVE_CUES = new Set([
  'anger',
  'frustration',
  'disappointment',
  'sarcasm',
  'abuse',
  'threat',
  'worry',
  'hardship',
]);

export function polarityOf(result: Analysis): { negative: boolean; anger: boolean } {
  const angry = result.customerType === 'angry';
  const cues = result.cues.map((c) => c.cue);
  return {
    negative: angry || cues.some((cue) => NEGATIVE_CUES.has(cue)),
    anger: angry || cues.includes('anger'),
  };
}
