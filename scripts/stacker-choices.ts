// Which cues should the stacker decide, and from which bar? Weighs choices on out-of-fold rows kept by
// `train-stacker.ts --rows FILE` (each row carries the cues the rules showed without the stacker), without
// training a single model: for each held-out fold the stacker is fitted on the other folds' rows, and its last
// word is replayed on the fold's rules (index.ts stackCues, simplified: a cue's "words" are a lexicon hit or
// the rules showing it; a bar without words is read beside any complaint trace). Prints the shipped choice's
// cue micro-F1 over the folds and, for each cue it leaves to the rules, what deciding it would give, and what
// only adding it would (never dropping what the rules show).
//   npx tsx scripts/stacker-choices.ts FILE [--folds REGEX]   (default: ^holdout(2[5-9]|[3-9]\d)$)
import { readFileSync } from 'node:fs';
import { COMPLAINT_TRACES } from '../src/core/classify/index';
import { STACKER_INPUTS, stackedProbabilities } from '../src/core/classify/stacker';
import { CUES, type Cue } from '../src/core/taxonomy';
import { fitStacker, SHIPPED_CHOICE, type StackerChoice, type StackerRow } from './lib/stacker-train';

const argAfter = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? undefined : process.argv[at + 1];
};
const file = process.argv[2];
if (!file || file.startsWith('--')) {
  console.error('usage: npx tsx scripts/stacker-choices.ts ROWS.json [--folds REGEX]');
  process.exit(2);
}
const rows: StackerRow[] = JSON.parse(readFileSync(file, 'utf8'));
if (!rows.every((row) => row.rules)) {
  console.error(`${file}: rows without the rules' cues; keep new ones with train-stacker.ts --rows`);
  process.exit(2);
}
const foldPattern = new RegExp(argAfter('--folds') ?? '^holdout(2[5-9]|[3-9]\\d)$');
const folds = [...new Set(rows.map((row) => row.fold))].filter((fold) => foldPattern.test(fold));

const NEVER_STACKED: Cue[] = ['shouting'];
const CANDIDATES = CUES.filter(
  (cue) => !SHIPPED_CHOICE.decides.includes(cue) && !NEVER_STACKED.includes(cue),
);
const BARS = [0.3, 0.4, 0.5, 0.6];
const hitAt = new Map(CUES.map((cue) => [cue, STACKER_INPUTS.indexOf(`lexiconHit:${cue}`)]));

// Out-of-fold probabilities of every stackable cue, fitted once per fold.
const everyCue: StackerChoice = {
  ...SHIPPED_CHOICE,
  decides: CUES.filter((c) => !NEVER_STACKED.includes(c)),
  addsOnly: [],
};
const probabilities = new Map<StackerRow, Partial<Record<Cue, number>>>();
for (const fold of folds) {
  const fitted = fitStacker(
    rows.filter((row) => row.fold !== fold),
    'out-of-fold',
    everyCue,
  );
  for (const row of rows.filter((r) => r.fold === fold))
    probabilities.set(row, stackedProbabilities(fitted, row.inputs));
  process.stderr.write(`${fold} `);
}
process.stderr.write('\n');

type Counts = Record<Cue, [number, number, number]>;
function replay(choice: StackerChoice): Counts {
  const counts = Object.fromEntries(CUES.map((cue) => [cue, [0, 0, 0]])) as Counts;
  for (const [row, p] of probabilities) {
    const shown = new Set(row.rules);
    const hit = (cue: Cue) => row.inputs[hitAt.get(cue) ?? -1] > 0;
    // complaintBeside (index.ts) read from lexicon hits.
    const beside = COMPLAINT_TRACES.some(hit);
    for (const cue of [...choice.decides, ...choice.addsOnly]) {
      const q = p[cue] ?? 0;
      const words = hit(cue) || shown.has(cue);
      const bar = choice.thresholds?.[cue] ?? choice.threshold;
      const on =
        q >= bar &&
        (words ||
          !choice.needsWords.includes(cue) ||
          (q >= (choice.barsWithoutWords?.[cue] ?? Number.POSITIVE_INFINITY) && beside));
      if (on) shown.add(cue);
      else if (choice.decides.includes(cue)) shown.delete(cue);
    }
    for (const cue of CUES) {
      const labelled = row.cues.includes(cue);
      const on = shown.has(cue);
      if (on || labelled) counts[cue][on && labelled ? 0 : on ? 1 : 2]++;
    }
  }
  return counts;
}
const f1 = ([tp, fp, fn]: number[]) => (tp ? (200 * tp) / (2 * tp + fp + fn) : 0);
const micro = (counts: Counts) =>
  f1([0, 1, 2].map((i) => CUES.reduce((sum, cue) => sum + counts[cue][i], 0)));

const shipped = replay(SHIPPED_CHOICE);
console.log(
  `${folds.length} folds, ${probabilities.size} messages; shipped choice: cue micro-F1 ${micro(shipped).toFixed(2)}`,
);
// Each candidate cue decided both ways (taken out of the adds-only list if there), then each only added.
const WAYS: { way: string; cues: Cue[]; lists: (cue: Cue) => Partial<StackerChoice> }[] = [
  {
    way: 'decided',
    cues: CANDIDATES,
    lists: (cue) => ({
      decides: [...SHIPPED_CHOICE.decides, cue],
      addsOnly: SHIPPED_CHOICE.addsOnly.filter((c) => c !== cue),
    }),
  },
  {
    way: 'added only,',
    cues: CANDIDATES.filter((c) => !SHIPPED_CHOICE.addsOnly.includes(c)),
    lists: (cue) => ({ addsOnly: [...SHIPPED_CHOICE.addsOnly, cue] }),
  },
];
for (const { way, cues, lists } of WAYS)
  for (const cue of cues)
    for (const needsWords of [false, true])
      for (const bar of BARS) {
        const counts = replay({
          ...SHIPPED_CHOICE,
          ...lists(cue),
          needsWords: needsWords ? [...SHIPPED_CHOICE.needsWords, cue] : SHIPPED_CHOICE.needsWords,
          thresholds: { ...SHIPPED_CHOICE.thresholds, [cue]: bar },
        });
        const label = `${cue} ${way} from ${bar}${needsWords ? ', beside its words' : ''}`;
        console.log(
          `${label.padEnd(48)} ${micro(counts).toFixed(2)}  ${cue} ${f1(shipped[cue]).toFixed(1)} → ${f1(counts[cue]).toFixed(1)} (${counts[cue].join('/')})`,
        );
      }
