// Trains the cue stacker (src/core/classify/stacker.ts) and writes src/data/cue-stacker.json. Run it after
// scripts/train-model.ts whenever the data or the lexicons change: for every set, the model is trained without
// it (about 20 s a set), then the stacker is fitted on all those out-of-fold rows.
//   npx tsx scripts/train-stacker.ts
import { writeFileSync } from 'node:fs';
import { trainingHash } from './lib/model-data';
import { fitStacker, outOfFold, stackerFolds } from './lib/stacker-train';

const { rows } = outOfFold(stackerFolds(), (line) => console.log(line));
const stacker = fitStacker(rows, trainingHash());
writeFileSync('src/data/cue-stacker.json', `${JSON.stringify(stacker, null, 1)}\n`);
console.log(`wrote src/data/cue-stacker.json from ${rows.length} rows (trainedOn ${stacker.trainedOn})`);
