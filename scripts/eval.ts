// Accuracy on the labelled set (tests/data/labelled/<lang>.jsonl): per-language type accuracy and
// macro-F1, per-cue precision/recall/F1. Usage:
//   npm run eval                      all languages, both splits
//   npm run eval -- --split test      the held-out split only
//   npm run eval -- --lang fi --split dev --misses   list what went wrong
//   npm run eval -- --json            one JSON object (for the README table)
//   npm run eval -- --set holdout     the fresh held-out set (tests/data/holdout/), written after tuning
//   npm run eval -- --set polarity    review/subtitle lines (tests/data/polarity/): negative-class and anger F1
//   --set holdout2 … holdout77, --set polarity-holdout … polarity-holdout77   fresh sets by independent writers
//   --set train1 … train23 (and polarity-train1 … polarity-train23)   training-only sets
//   --lexicon-only                    switch the statistical model and the cue stacker off (the word lists alone)
//   --no-stacker                      switch the cue stacker off (the lexicons, the model and the hand-set rules)
import { TYPE_WEIGHTS } from '../src/core/classify/scoring';
import { useStacker } from '../src/core/classify/stacker';
import { CUES, CUSTOMER_TYPES, LANGS, type Lang } from '../src/core/taxonomy';
import {
  f1,
  HELD_OUT_SETS,
  macroF1,
  POLARITY_HELD_OUT_SETS,
  POLARITY_TRAINING_ONLY_SETS,
  readDataset,
  TRAINING_ONLY_SETS,
} from './lib/dataset';
import {
  countsLine,
  emptyCueCounts,
  type Line,
  type Message,
  pct,
  rates,
  sumCounts,
  tallyLines,
  tallyMessages,
} from './lib/measure';
import { freshRows } from './lib/model-data';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const langs = arg('--lang') ? [arg('--lang') as Lang] : [...LANGS];
const split = arg('--split');
const showMisses = process.argv.includes('--misses');
const asJson = process.argv.includes('--json');
const detect = process.argv.includes('--detect'); // let the classifier detect the language too
const set = arg('--set') ?? 'labelled';
if (process.argv.includes('--lexicon-only')) {
  TYPE_WEIGHTS.model = 0;
  TYPE_WEIGHTS.cueModel.weight = 0;
  useStacker(undefined);
}
if (process.argv.includes('--no-stacker')) useStacker(undefined);
const SETS = [
  'labelled',
  ...HELD_OUT_SETS,
  ...TRAINING_ONLY_SETS,
  'polarity',
  ...POLARITY_HELD_OUT_SETS,
  ...POLARITY_TRAINING_ONLY_SETS,
];
if (!SETS.includes(set)) {
  console.error(`unknown set "${set}": use one of ${SETS.join(', ')}`);
  process.exit(2);
}

/** Texts of the unseen set that the model was trained on word for word (model-data.ts freshRows). */
let repeats = 0;
const readItems = <T extends { split?: string; text: string }>(lang: string): T[] => {
  const rows = readDataset<T>(set, lang, split);
  const fresh = freshRows(set, rows);
  repeats += rows.length - fresh.length;
  return fresh;
};
const noteRepeats = () => {
  if (repeats && !asJson)
    console.log(`\n(${repeats} texts left out: the model was trained on the same words in an earlier set)`);
};

if (set.startsWith('polarity')) {
  evalPolarity();
  process.exit(0);
}

/** Review- and subtitle-style lines labelled only negative yes/no and anger yes/no. */
function evalPolarity() {
  const report: Record<string, unknown> = {};
  for (const lang of langs) {
    const items = readItems<Line>(lang);
    const { counts, misses } = tallyLines(items, lang, detect);
    report[lang] = { n: items.length, negative: rates(counts.negative), anger: rates(counts.anger) };
    if (asJson) continue;
    console.log(`\n== ${lang} (${items.length} lines${split ? `, ${split} split` : ''})`);
    for (const key of ['negative', 'anger'] as const) console.log(countsLine(key.padEnd(8), counts[key]));
    if (showMisses) for (const miss of misses) console.log(`  - ${miss}`);
  }
  if (asJson) console.log(JSON.stringify(report, null, 2));
  noteRepeats();
}

const report: Record<string, unknown> = {};
const allCues = emptyCueCounts();
for (const lang of langs) {
  const items = readItems<Message>(lang);
  const { types, cues, correct, langCorrect, misses } = tallyMessages(items, lang, detect);
  for (const cue of CUES) allCues[cue] = sumCounts([allCues[cue], cues[cue]]);
  const macro = CUSTOMER_TYPES.map((t) => f1(types[t].tp, types[t].fp, types[t].fn));
  const typeMacroF1 = macroF1(types);
  const cueTotals = sumCounts(Object.values(cues));
  report[lang] = {
    n: items.length,
    accuracy: correct / items.length,
    macroF1: typeMacroF1,
    cueMicroF1: f1(cueTotals.tp, cueTotals.fp, cueTotals.fn),
    ...(detect ? { langAccuracy: langCorrect / items.length } : {}),
  };
  if (!asJson) {
    console.log(`\n== ${lang} (${items.length} messages${split ? `, ${split} split` : ''})`);
    console.log(
      `type accuracy ${pct(correct / items.length)}%  macro-F1 ${pct(typeMacroF1)}%  cue micro-F1 ${pct(f1(cueTotals.tp, cueTotals.fp, cueTotals.fn))}%${detect ? `  language ${pct(langCorrect / items.length)}%` : ''}`,
    );
    console.log(`  types: ${CUSTOMER_TYPES.map((t, i) => `${t} ${pct(macro[i])}`).join('  ')}`);
    for (const cue of CUES) {
      const c = cues[cue];
      if (c.tp + c.fp + c.fn > 0) console.log(countsLine(`cue ${cue.padEnd(15)}`, c));
    }
    if (showMisses) for (const miss of misses) console.log(`  - ${miss}`);
  }
}
const overall = sumCounts(Object.values(allCues));
report.cues = Object.fromEntries(CUES.map((cue) => [cue, rates(allCues[cue])]));
report.cueMicroF1 = f1(overall.tp, overall.fp, overall.fn);
if (asJson) console.log(JSON.stringify(report, null, 2));
else console.log(`\nall languages: cue micro-F1 ${pct(f1(overall.tp, overall.fp, overall.fn))}%`);
noteRepeats();
