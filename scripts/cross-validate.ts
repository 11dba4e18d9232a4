// Leave-one-set-out cross-validation of the whole classifier (lexicons + model): for each released
// independent set, the model is trained without it (and without its review/dialogue lines) and measured on
// it; the labelled test split is one more fold. Counts are pooled over the folds. Each set came from a
// different writer, so this says how the model carries to a new writer; the lexicons saw these sets during
// their rounds, so the lexicon share is optimistic (the unseen set, UNSEEN_SETS, is the honest number).
//   npx tsx scripts/cross-validate.ts          per-language type macro-F1, per-cue F1, polarity F1
//   npx tsx scripts/cross-validate.ts --quick  three folds only (the newest released), for trying things out
//   npx tsx scripts/cross-validate.ts --folds holdout30,holdout31   those released sets only
//   npx tsx scripts/cross-validate.ts --no-stacker   the rules alone, without the cue stacker
//   npx tsx scripts/cross-validate.ts --choice '{"thresholds":{"frustration":0.35}}'   another stacker choice
//     (which cues it decides and from which bar: StackerChoice, merged over the shipped one), measured nested;
//     a JSON array measures several choices on the same fold models in one run
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
  withChoice,
} from './lib/stacker-train';
import { trainModel } from './lib/train';

const released = HELD_OUT_SETS.filter((set) => !UNSEEN_SETS.includes(set));
const foldsAt = process.argv.indexOf('--folds');
const chosen = foldsAt >= 0 ? (process.argv[foldsAt + 1] ?? '').split(',').filter(Boolean) : undefined;
const unknown = chosen?.filter((fold) => !released.includes(fold)) ?? [];
if (chosen && (chosen.length === 0 || unknown.length)) {
  console.error(
    `--folds takes released held-out sets (${released[0]} … ${released.at(-1)}): not ${unknown.join(', ')}`,
  );
  process.exit(2);
}
const folds = chosen ?? (process.argv.includes('--quick') ? released.slice(-3) : ['test', ...released]);

const add = (into: Counts, c: Counts) => Object.assign(into, sumCounts([into, c]));

interface Tallies {
  types: Record<Lang, Record<CustomerType, Counts>>;
  cues: Record<Lang, Record<Cue, Counts>>;
  polarity: Record<Lang, { negative: Counts; anger: Counts }>;
}
const emptyTallies = (): Tallies => ({
  types: Object.fromEntries(LANGS.map((lang) => [lang, emptyTypeCounts()])) as Tallies['types'],
  cues: Object.fromEntries(LANGS.map((lang) => [lang, emptyCueCounts()])) as Tallies['cues'],
  polarity: Object.fromEntries(
    LANGS.map((lang) => [lang, { negative: zero(), anger: zero() }]),
  ) as Tallies['polarity'],
});

const withStacker = !process.argv.includes('--no-stacker');
/** The stacker choices to measure: the shipped one, or each of --choice's (one object or an array of them). */
function stackerChoices(): StackerChoice[] {
  const at = process.argv.indexOf('--choice');
  if (at < 0) return [SHIPPED_CHOICE];
  try {
    const parsed: unknown = JSON.parse(process.argv[at + 1] ?? '');
    const list = Array.isArray(parsed) ? parsed : [parsed];
    return list.map((overrides) => ({ ...SHIPPED_CHOICE, ...(overrides as Partial<StackerChoice>) }));
  } catch (error) {
    console.error(
      `--choice needs a JSON object or array of them (StackerChoice fields): ${(error as Error).message}`,
    );
    process.exit(2);
  }
}
const choices = withStacker ? stackerChoices() : [SHIPPED_CHOICE];
const tallies = choices.map(emptyTallies);
const outOfFoldRuns = withStacker
  ? await outOfFoldInWorkers(stackerFolds(), { keepModels: true })
  : undefined;
// Off unless fitted per fold below: --no-stacker measures the rules alone.
useStacker(undefined);
for (const fold of folds) {
  const lineSet = fold === 'test' ? 'polarity' : polarityLinesOf(fold);
  useModel(outOfFoldRuns?.models.get(fold) ?? trainModel(leftOutWith(fold)));
  // The same fold model and one stacker fit for every choice (fitted for all the cues any choice stacks), so
  // the choices differ only in what they stack and from which bar.
  const fitted =
    outOfFoldRuns &&
    fitStacker(
      outOfFoldRuns.rows.filter((row) => row.fold !== fold),
      `without ${fold}`,
      {
        ...SHIPPED_CHOICE,
        decides: [...new Set(choices.flatMap((choice) => [...choice.decides, ...choice.addsOnly]))],
        addsOnly: [],
      },
    );
  choices.forEach((choice, c) => {
    if (fitted) useStacker(withChoice(fitted, choice));
    const { types, cues, polarity } = tallies[c];
    for (const lang of LANGS) {
      const tally = tallyMessages(messagesOf<Message>(fold, lang), lang);
      for (const t of CUSTOMER_TYPES) add(types[lang][t], tally.types[t]);
      for (const cue of CUES) add(cues[lang][cue], tally.cues[cue]);
      if (!lineSet) continue;
      const lines = readDataset<Line>(lineSet, lang, fold === 'test' ? 'test' : undefined);
      const { counts } = tallyLines(lines, lang);
      add(polarity[lang].negative, counts.negative);
      add(polarity[lang].anger, counts.anger);
    }
  });
  process.stderr.write(`fold ${fold} done\n`);
}

console.log(`folds: ${folds.join(', ')}${withStacker ? ' (stacker nested)' : ' (no stacker)'}`);
choices.forEach((choice, c) => {
  const { types, cues, polarity } = tallies[c];
  if (choices.length > 1) console.log(`\n== choice ${c + 1}: ${JSON.stringify(choice)}`);
  for (const lang of LANGS) {
    const cueTotal = sumCounts(Object.values(cues[lang]));
    const { negative, anger } = polarity[lang];
    console.log(
      `${lang}: type macro-F1 ${pct(macroF1(types[lang]))}  cue micro-F1 ${pct(f1(cueTotal.tp, cueTotal.fp, cueTotal.fn))}  negative F1 ${pct(f1(negative.tp, negative.fp, negative.fn))}  anger F1 ${pct(f1(anger.tp, anger.fp, anger.fn))} (P ${pct(anger.tp / Math.max(1, anger.tp + anger.fp))})`,
    );
  }
  const perCue = CUES.map((cue) => [cue, sumCounts(LANGS.map((lang) => cues[lang][cue]))] as const);
  for (const [cue, counts] of perCue) console.log(countsLine(`cue ${cue.padEnd(15)}`, counts));
  const all = sumCounts(perCue.map(([, counts]) => counts));
  console.log(`all languages: cue micro-F1 ${pct(f1(all.tp, all.fp, all.fn))}`);
});
