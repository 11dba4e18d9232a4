// Trains the cue stacker (src/core/classify/stacker.ts) and writes src/data/cue-stacker.json. Run it after
// scripts/train-model.ts whenever the data or the lexicons change: for every set, the model is trained without
// it (about 35 s a set, the sets shared out among one worker process per core), then the stacker is fitted on
// all those out-of-fold rows, in fold order (the weights do not depend on the number of workers).
//   npx tsx scripts/train-stacker.ts [--jobs N] [--rows FILE]   (--rows: also keep the out-of-fold rows, for
//   trying stacker inputs and bars on them without training the fold models again)
import { writeFileSync } from 'node:fs';
import { trainingHash } from './lib/model-data';
import { fitStacker, outOfFoldInWorkers, stackerFolds } from './lib/stacker-train';

const at = process.argv.indexOf('--jobs');
const jobs = at < 0 ? undefined : Number(process.argv[at + 1]) || 1;
const { rows } = await outOfFoldInWorkers(stackerFolds(), { jobs });
const rowsAt = process.argv.indexOf('--rows');
if (rowsAt >= 0) writeFileSync(process.argv[rowsAt + 1], JSON.stringify(rows));
const stacker = fitStacker(rows, trainingHash());
writeFileSync('src/data/cue-stacker.json', `${JSON.stringify(stacker, null, 1)}\n`);
console.log(`wrote src/data/cue-stacker.json from ${rows.length} rows (trainedOn ${stacker.trainedOn})`);
