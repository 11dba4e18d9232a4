// Trains the cue stacker (src/core/classify/stacker.ts) and writes src/data/cue-stacker.json. Run it after
// scripts/train-model.ts whenever the data or the lexicons change: for every set, the model is trained without
// it (about a minute a set, the sets shared out among one worker process per core), then the stacker is
// fitted on all those out-of-fold rows, in fold order (the weights do not depend on the number of workers).
//   npx tsx scripts/train-stacker.ts [--jobs N] [--rows FILE]   (--rows: also keep the out-of-fold rows, for
//   trying stacker inputs and bars on them without training the fold models again: scripts/stacker-choices.ts)
//   npx tsx scripts/train-stacker.ts --from-rows FILE   refit on rows kept by --rows (seconds instead of
//   three quarters of an hour) after a change to the stacker's choices only; the rows must come from the data as
//   it is now
import { readFileSync, writeFileSync } from 'node:fs';
import { trainingHash } from './lib/model-data';
import { fitStacker, outOfFoldInWorkers, type StackerRow, stackerFolds } from './lib/stacker-train';

const argAfter = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? undefined : process.argv[at + 1];
};
const fromRows = argAfter('--from-rows');
const jobsArg = argAfter('--jobs');
const jobs = jobsArg === undefined ? undefined : Number(jobsArg) || 1;
const rows: StackerRow[] = fromRows
  ? JSON.parse(readFileSync(fromRows, 'utf8'))
  : (await outOfFoldInWorkers(stackerFolds(), { jobs })).rows;
const keepRows = argAfter('--rows');
if (keepRows) writeFileSync(keepRows, JSON.stringify(rows));
const stacker = fitStacker(rows, trainingHash());
writeFileSync('src/data/cue-stacker.json', `${JSON.stringify(stacker, null, 1)}\n`);
console.log(`wrote src/data/cue-stacker.json from ${rows.length} rows (trainedOn ${stacker.trainedOn})`);
