// Counting what the classifier gets right on a labelled set: shared by eval (which prints it) and
// cross-validate (which adds it up over folds).
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/classify/index';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, type Lang } from '../../src/core/taxonomy';
import { type Counts, zero } from './dataset';
import { polarityOf } from './polarity';

export interface Message {
  id: string;
  text: string;
  type: CustomerType;
  cues: Cue[];
  split?: string;
}

export interface Line {
  id: string;
  text: string;
  negative: boolean;
  anger: boolean;
  split?: string;
}

export interface MessageTally {
  n: number;
  correct: number;
  langCorrect: number;
  types: Record<CustomerType, Counts>;
  cues: Record<Cue, Counts>;
  misses: string[];
}

const bucketOf = (want: boolean, has: boolean) => (want && has ? 'tp' : has ? 'fp' : want ? 'fn' : undefined);

export const emptyCueCounts = () => Object.fromEntries(CUES.map((c) => [c, zero()])) as Record<Cue, Counts>;

export const sumCounts = (counts: Iterable<Counts>): Counts => {
  const total = zero();
  for (const c of counts) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return total;
};

/** Type and cue counts of the classifier on support messages of one language (`detect`: no language hint). */
export function tallyMessages(items: Message[], lang: Lang, detect = false): MessageTally {
  const tally: MessageTally = {
    n: items.length,
    correct: 0,
    langCorrect: 0,
    types: Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, zero()])) as Record<CustomerType, Counts>,
    cues: emptyCueCounts(),
    misses: [],
  };
  for (const item of items) {
    const result: Analysis = analyze(item.text, detect ? {} : { lang });
    if (result.lang === lang) tally.langCorrect++;
    const predicted = result.customerType ?? 'neutral';
    if (predicted === item.type) {
      tally.correct++;
      tally.types[predicted].tp++;
    } else {
      tally.types[predicted].fp++;
      tally.types[item.type].fn++;
      tally.misses.push(`${item.id} type ${item.type} → ${predicted}: ${item.text.slice(0, 110)}`);
    }
    const got = new Set(result.cues.map((c) => c.cue));
    for (const cue of CUES) {
      const want = item.cues.includes(cue);
      const has = got.has(cue);
      const bucket = bucketOf(want, has);
      if (bucket) tally.cues[cue][bucket]++;
      if (want === has) continue;
      const evidence = result.cues
        .find((c) => c.cue === cue)
        ?.evidence.map((e) => e.text)
        .join(' | ');
      tally.misses.push(
        `${item.id} cue ${cue} ${has ? `FALSE+ [${evidence}]` : 'missed'}: ${item.text.slice(0, 110)}`,
      );
    }
  }
  return tally;
}

/** Negative-class and anger counts on review/dialogue lines of one language. */
export function tallyLines(items: Line[], lang: Lang, detect = false) {
  const counts = { negative: zero(), anger: zero() };
  const misses: string[] = [];
  for (const item of items) {
    const read = polarityOf(analyze(item.text, detect ? {} : { lang }));
    for (const key of ['negative', 'anger'] as const) {
      const bucket = bucketOf(item[key], read[key]);
      if (bucket) counts[key][bucket]++;
      if (item[key] !== read[key])
        misses.push(`${item.id} ${key} ${read[key] ? 'FALSE+' : 'missed'}: ${item.text.slice(0, 110)}`);
    }
  }
  return { counts, misses };
}
