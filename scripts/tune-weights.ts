// Coordinate search over src/data/type-weights.json on the tuning data only (the labelled DEV split and the
// second independent set, tests/data/holdout2, released for tuning in round 11), reporting the test split and
// the first held-out set before and after (never optimised on). It tunes the lexicon part of the decision only
// (scoreTypes without the statistical model, whose training data overlaps these sets; its blend weight was
// chosen by cross-validation, see README). Cue and marker scores come from
// the lexicons once; only the cheap type decision is re-run per candidate.
//   npx tsx scripts/tune-weights.ts            print the search and the candidate weights
//   npx tsx scripts/tune-weights.ts --write    also write them to src/data/type-weights.json
import { writeFileSync } from 'node:fs';
import { typeInputs } from '../src/core/classify/index';
import { scoreTypes, TYPE_WEIGHTS, type TypeWeights } from '../src/core/classify/scoring';
import { CUSTOMER_TYPES, type CustomerType, LANGS, type Lang } from '../src/core/taxonomy';
import { macroF1, readDataset, zero } from './lib/dataset';

interface Row {
  lang: Lang;
  type: CustomerType;
  split?: string;
  inputs: ReturnType<typeof typeInputs>;
}

const load = (set: string, split?: string): Row[] =>
  LANGS.flatMap((lang) =>
    readDataset<{ text: string; type: CustomerType; split?: string }>(set, lang, split).map((row) => ({
      lang,
      type: row.type,
      split: row.split,
      inputs: typeInputs(row.text, lang),
    })),
  );

const dev = [...load('labelled', 'dev'), ...load('holdout2')];
const test = load('labelled', 'test');
const holdout = load('holdout');

/** Mean over languages of type macro-F1. */
function score(rows: Row[], W: TypeWeights): number {
  const perLang = LANGS.map((lang) => {
    const counts = Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, zero()]));
    for (const row of rows.filter((r) => r.lang === lang)) {
      const { cues, markers, chars } = row.inputs;
      const predicted = scoreTypes(cues, markers, chars, W).customerType;
      if (predicted === row.type) counts[predicted].tp++;
      else {
        counts[predicted].fp++;
        counts[row.type].fn++;
      }
    }
    return macroF1(counts);
  });
  return perLang.reduce((a, b) => a + b, 0) / perLang.length;
}

/** Every tunable number, as [path, min, max]. */
const knobs: [string[], number, number][] = [
  ['markers'],
  ['neutralBaseline'],
  ['demandDampsHurry'],
  ['minimumToLeaveNeutral'],
  ['talkative', 'lengthWeight'],
].map((path) => [path, 0, 2] as [string[], number, number]);
for (const [type, cues] of Object.entries(TYPE_WEIGHTS.cues))
  for (const cue of Object.keys(cues ?? {})) knobs.push([['cues', type, cue], 0, 2]);

const get = (W: unknown, path: string[]) =>
  path.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], W) as number | undefined;
function set(W: TypeWeights, path: string[], value: number): TypeWeights {
  const copy = structuredClone(W) as unknown as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]] = Math.round(value * 100) / 100;
  return copy as unknown as TypeWeights;
}

const report = (label: string, W: TypeWeights) =>
  console.log(
    `${label.padEnd(8)} dev ${(100 * score(dev, W)).toFixed(1)}  test ${(100 * score(test, W)).toFixed(1)}  holdout ${(100 * score(holdout, W)).toFixed(1)}`,
  );

let W: TypeWeights = structuredClone(TYPE_WEIGHTS);
report('before', W);
let best = score(dev, W);
for (let round = 0; round < 3; round++) {
  let improved = false;
  for (const [path, min, max] of knobs) {
    const current = get(W, path) ?? 1;
    for (const step of [-0.2, -0.1, 0.1, 0.2]) {
      const value = Math.min(max, Math.max(min, current + step));
      const candidate = set(W, path, value);
      const s = score(dev, candidate);
      // A change must pay for itself: at least a quarter point of mean dev macro-F1.
      if (s > best + 0.0025) {
        console.log(`  ${path.join('.')} ${current} → ${get(candidate, path)}: dev ${(100 * s).toFixed(1)}`);
        W = candidate;
        best = s;
        improved = true;
        break;
      }
    }
  }
  if (!improved) break;
}
report('after', W);
if (process.argv.includes('--write'))
  writeFileSync('src/data/type-weights.json', `${JSON.stringify(W, null, 2)}\n`);
else console.log(JSON.stringify(W));
