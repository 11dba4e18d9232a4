// Counting what the classifier gets right on a labelled set, and printing the counts: shared by eval (one
// set), cross-validate (pooled over folds) and agreement (one annotator against another).
import type { Analysis } from '../../src/core/analysis';
import { analyze } from '../../src/core/classify/index';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, type Lang } from '../../src/core/taxonomy';
import { type Counts, f1, zero } from './dataset';
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
export const emptyTypeCounts = () =>
  Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, zero()])) as Record<CustomerType, Counts>;

/**
 * Counts one message's labels against the expected ones: the type into `types`, each cue into `cues`.
 * Returns the cues that differ, for the list of misses.
 */
export function countLabels(
  types: Record<CustomerType, Counts>,
  cues: Record<Cue, Counts>,
  want: { type: CustomerType; cues: readonly Cue[] },
  got: { type: CustomerType; cues: readonly Cue[] },
): Cue[] {
  if (got.type === want.type) types[want.type].tp++;
  else {
    types[got.type].fp++;
    types[want.type].fn++;
  }
  const differing: Cue[] = [];
  for (const cue of CUES) {
    const bucket = bucketOf(want.cues.includes(cue), got.cues.includes(cue));
    if (bucket) cues[cue][bucket]++;
    if (bucket && bucket !== 'tp') differing.push(cue);
  }
  return differing;
}

/** A percentage as the reports print it: one decimal, right-aligned in five columns. */
export const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(5);

/** Precision, recall and F1 of counts; precision or recall null when nothing was predicted or expected. */
export const rates = (c: Counts) => ({
  precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null,
  recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : null,
  f1: f1(c.tp, c.fp, c.fn),
});

/** One report line of precision, recall and F1 (a null precision or recall prints as 100: nothing was wrong). */
export function countsLine(label: string, c: Counts): string {
  const { precision, recall, f1: f } = rates(c);
  return `  ${label} P ${pct(precision ?? 1)}  R ${pct(recall ?? 1)}  F1 ${pct(f)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
}

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
    types: emptyTypeCounts(),
    cues: emptyCueCounts(),
    misses: [],
  };
  for (const item of items) {
    const result: Analysis = analyze(item.text, detect ? {} : { lang });
    if (result.lang === lang) tally.langCorrect++;
    const predicted = result.customerType ?? 'neutral';
    const found = result.cues.map((c) => c.cue);
    const differing = countLabels(tally.types, tally.cues, item, { type: predicted, cues: found });
    if (predicted === item.type) tally.correct++;
    else tally.misses.push(`${item.id} type ${item.type} → ${predicted}: ${item.text.slice(0, 110)}`);
    for (const cue of differing) {
      const hit = result.cues.find((c) => c.cue === cue);
      const evidence = hit?.evidence.map((e) => e.text).join(' | ');
      tally.misses.push(
        `${item.id} cue ${cue} ${hit ? `FALSE+ [${evidence}]` : 'missed'}: ${item.text.slice(0, 110)}`,
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
