// One worker of outOfFoldInWorkers (stacker-train.ts): the out-of-fold rows of the folds it is given, and
// with --models the models trained without each, written as JSON to the folder it is given.
//   tsx scripts/lib/oof-worker.ts --folds holdout3,train2 --out <dir> [--models]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outOfFold } from './stacker-train';

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const folds = (option('--folds') ?? '').split(',').filter(Boolean);
const out = option('--out') ?? '.';
const { rows, models } = outOfFold(folds, (line) => console.error(line));
writeFileSync(join(out, `rows-${folds[0]}.json`), JSON.stringify(rows));
if (process.argv.includes('--models'))
  for (const [fold, model] of models) writeFileSync(join(out, `model-${fold}.json`), JSON.stringify(model));
