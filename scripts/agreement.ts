// How far two careful annotators agree on the same messages: a held-out set's writer's labels
// (tests/data/<set>) against a second annotator who saw only the texts and the taxonomy
// (tests/data/<set>-second). This is the ceiling a classifier can be measured against: a cue people themselves
// label differently cannot score 1. With --classifier, the classifier is also measured against each
// annotator and against the labels both gave (their intersection for cues; the messages whose type they
// agree on), so the gap to the goal can be split into disagreement and error.
//   npx tsx scripts/agreement.ts [--set <a held-out set with a -second folder, e.g. holdout19>] [--classifier]
import { analyze } from '../src/core/classify';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, LANGS, type Lang } from '../src/core/taxonomy';
import { ANNOTATED_TWICE, type Counts, f1, macroF1, readDataset } from './lib/dataset';
import { countLabels, emptyCueCounts, emptyTypeCounts, pct, sumCounts } from './lib/measure';
import { freshRows } from './lib/model-data';

interface Labels {
  split?: string;
  id: string;
  type: CustomerType;
  cues: Cue[];
}
interface Message extends Labels {
  text: string;
}

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const sets = arg('--set') ? [arg('--set') as string] : ANNOTATED_TWICE;
const withClassifier = process.argv.includes('--classifier');

const total = (cues: Record<Cue, Counts>) => sumCounts(Object.values(cues));
const line = (label: string, types: Record<CustomerType, Counts>, cues: Record<Cue, Counts>) => {
  const t = total(cues);
  return `${label.padEnd(46)} type macro-F1 ${pct(macroF1(types))}  cue micro-F1 ${pct(f1(t.tp, t.fp, t.fn))}`;
};

/** One comparison, per language and pooled: `want` is the reference, `got` the other reading. */
function compare(
  label: string,
  pairs: { lang: string; want: Labels; got: Labels; typeDisputed?: boolean }[],
) {
  const byLang = LANGS.map((lang) => {
    const types = emptyTypeCounts();
    const cues = emptyCueCounts();
    // A type the annotators disagree on is left out of the type count; its cues still count.
    for (const { want, got, typeDisputed } of pairs.filter((pair) => pair.lang === lang))
      countLabels(typeDisputed ? emptyTypeCounts() : types, cues, want, got);
    console.log(line(`  ${lang}: ${label}`, types, cues));
    return { types, cues };
  });
  const pooledTypes = Object.fromEntries(
    CUSTOMER_TYPES.map((type) => [type, sumCounts(byLang.map((tally) => tally.types[type]))]),
  ) as Record<CustomerType, Counts>;
  const pooledCues = Object.fromEntries(
    CUES.map((cue) => [cue, sumCounts(byLang.map((tally) => tally.cues[cue]))]),
  ) as Record<Cue, Counts>;
  console.log(line(`  all: ${label}`, pooledTypes, pooledCues));
  return pooledCues;
}

for (const set of sets) {
  console.log(`== ${set}`);
  const pairs: { lang: string; first: Message; second: Labels }[] = [];
  for (const lang of LANGS) {
    const second = new Map(readDataset<Labels>(`${set}-second`, lang).map((row) => [row.id, row]));
    // The unseen set's texts the model learnt word for word in an earlier set are left out (freshRows).
    for (const first of freshRows(set, readDataset<Message>(set, lang))) {
      const other = second.get(first.id);
      if (!other) throw new Error(`${first.id} has no second annotation`);
      pairs.push({ lang, first, second: other });
    }
  }
  const humans = compare(
    'second annotator vs writer',
    pairs.map(({ lang, first, second }) => ({ lang, want: first, got: second })),
  );
  for (const cue of CUES) {
    const c = humans[cue];
    console.log(
      `    cue ${cue.padEnd(15)} F1 ${pct(f1(c.tp, c.fp, c.fn))}  (both ${c.tp}, only second ${c.fp}, only writer ${c.fn})`,
    );
  }
  if (!withClassifier) continue;
  const read = pairs.map((pair) => {
    const result = analyze(pair.first.text, { lang: pair.lang as Lang });
    const type = result.customerType ?? 'neutral';
    return { ...pair, got: { id: pair.first.id, type, cues: result.cues.map((c) => c.cue) } };
  });
  compare(
    'classifier vs writer',
    read.map(({ lang, first, got }) => ({ lang, want: first, got })),
  );
  compare(
    'classifier vs second annotator',
    read.map(({ lang, second, got }) => ({ lang, want: second, got })),
  );
  // Where the two annotators agree: the types both gave, the cues both gave or both left out (a cue only one
  // of them gave is not counted for that message, whatever the classifier says).
  const agreed = read.map(({ lang, first, second, got }) => {
    const disputed = new Set(first.cues.filter((cue) => !second.cues.includes(cue)));
    for (const cue of second.cues) if (!first.cues.includes(cue)) disputed.add(cue);
    const keep = (cues: Cue[]) => cues.filter((cue) => !disputed.has(cue));
    return {
      lang,
      want: { ...first, cues: keep(first.cues) },
      got: { ...got, cues: keep(got.cues) },
      typeDisputed: first.type !== second.type,
    };
  });
  compare('classifier vs what both annotators gave', agreed);
}
