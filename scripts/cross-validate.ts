// Leave-one-set-out cross-validation of the whole classifier (lexicons + model): for each released
// independent set, the model is trained without it (and without its review/dialogue lines) and measured on
// it; the labelled test split is one more fold. Counts are pooled over the folds. Each set came from a
// different writer, so this says how the model carries to a new writer; the lexicons saw these sets during
// their rounds, so the lexicon share is optimistic (the unseen set, UNSEEN_SETS, is the honest number).
//   npx tsx scripts/cross-validate.ts          per-language type macro-F1, per-cue F1, polarity F1
//   npx tsx scripts/cross-validate.ts --quick  three folds only (the newest released), for trying things out
//   npx tsx scripts/cross-validate.ts --no-stacker   the rules alone, without the cue stacker
//   npx tsx scripts/cross-validate.ts --choice '{"thresholds":{"frustration":0.35}}'   another stacker choice
//     (which cues it decides and from which bar: StackerChoice, merged over the shipped one), measured nested
// The cue stacker is nested: for each fold it is fitted on the other folds' out-of-fold rows
// (scripts/lib/stacker-train.ts), so neither the model nor the stacker has seen the fold. The fold models are
// trained in one worker process per core (about 15 minutes on two cores).
import { useModel } from '../src/core/classify/model';
import { useStacker } from '../src/core/classify/stacker';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, LANGS, type Lang } from '../src/core/taxonomy';
import {
  type Counts,
  f1,
  HELD_OUT_SETS,
  macroF1,
  polarityLinesOf,
  readDataset,
  UNSEEN_SETS,
  zero,
} from './lib/dataset';
import {
  countsLine,
  emptyCueCounts,
  emptyTypeCounts,
  type Line,
  type Message,
  pct,
  sumCounts,
  tallyLines,
  tallyMessages,
} from './lib/measure';
import {
  fitStacker,
  leftOutWith,
  messagesOf,
  outOfFoldInWorkers,
  SHIPPED_CHOICE,
  type StackerChoice,
  stackerFolds,
} from './lib/stacker-train';
import { trainModel } from './lib/train';

const released = HELD_OUT_SETS.filter((set) => !UNSEEN_SETS.includes(set));
const folds = process.argv.includes('--quick') ? released.slice(-3) : ['test', ...released];

const add = (into: Counts, c: Counts) => Object.assign(into, sumCounts([into, c]));

const types = Object.fromEntries(LANGS.map((lang) => [lang, emptyTypeCounts()])) as Record<
  Lang,
  Record<CustomerType, Counts>
>;
const cues = Object.fromEntries(LANGS.map((lang) => [lang, emptyCueCounts()])) as Record<
  Lang,
  Record<Cue, Counts>
>;
const polarity = Object.fromEntries(
  LANGS.map((lang) => [lang, { negative: zero(), anger: zero() }]),
) as Record<Lang, { negative: Counts; anger: Counts }>;

const withStacker = !process.argv.includes('--no-stacker');
function stackerChoice(): StackerChoice {
  const at = process.argv.indexOf('--choice');
  if (at < 0) return SHIPPED_CHOICE;
  try {
    return { ...SHIPPED_CHOICE, ...JSON.parse(process.argv[at + 1] ?? '') };
  } catch (error) {
    console.error(`--choice needs a JSON object (StackerChoice fields): ${(error as Error).message}`);
    process.exit(2);
  }
}
const choice = stackerChoice();
const outOfFoldRuns = withStacker
  ? await outOfFoldInWorkers(stackerFolds(), { keepModels: true })
  : undefined;
// Off unless fitted per fold below: --no-stacker measures the rules alone.
useStacker(undefined);
for (const fold of folds) {
  const lineSet = fold === 'test' ? 'polarity' : polarityLinesOf(fold);
  useModel(outOfFoldRuns?.models.get(fold) ?? trainModel(leftOutWith(fold)));
  if (outOfFoldRuns)
    useStacker(
      fitStacker(
        outOfFoldRuns.rows.filter((row) => row.fold !== fold),
        `without ${fold}`,
        choice,
      ),
    );
  for (const lang of LANGS) {
    const tally = tallyMessages(messagesOf<Message>(fold, lang), lang);
    for (const t of CUSTOMER_TYPES) add(types[lang][t], tally.types[t]);
    for (const c of CUES) add(cues[lang][c], tally.cues[c]);
    if (!lineSet) continue;
    const lines = readDataset<Line>(lineSet, lang, fold === 'test' ? 'test' : undefined);
    const { counts } = tallyLines(lines, lang);
    add(polarity[lang].negative, counts.negative);
    add(polarity[lang].anger, counts.anger);
  }
  process.stderr.write(`fold ${fold} done\n`);
}

console.log(`folds: ${folds.join(', ')}${withStacker ? ' (stacker nested)' : ' (no stacker)'}`);
for (const lang of LANGS) {
  const cueTotal = sumCounts(Object.values(cues[lang]));
  const { negative, anger } = polarity[lang];
  console.log(
    `${lang}: type macro-F1 ${pct(macroF1(types[lang]))}  cue micro-F1 ${pct(f1(cueTotal.tp, cueTotal.fp, cueTotal.fn))}  negative F1 ${pct(f1(negative.tp, negative.fp, negative.fn))}  anger F1 ${pct(f1(anger.tp, anger.fp, anger.fn))} (P ${pct(anger.tp / Math.max(1, anger.tp + anger.fp))})`,
  );
}
const perCue = CUES.map((cue) => [cue, sumCounts(LANGS.map((lang) => cues[lang][cue]))] as const);
for (const [cue, c] of perCue) console.log(countsLine(`cue ${cue.padEnd(15)}`, c));
const all = sumCounts(perCue.map(([, c]) => c));
console.log(`all languages: cue micro-F1 ${pct(f1(all.tp, all.fp, all.fn))}`);
