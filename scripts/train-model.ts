// Trains the statistical model (src/core/classify/model.ts) and writes src/data/classifier-model.json.
//   npx tsx scripts/train-model.ts                      train on TRAINING_SETS and write the model
//   npx tsx scripts/train-model.ts --without holdout4   leave a set out, to measure on it (retrain after)
//   npx tsx scripts/train-model.ts --without test       leave the labelled test split out (same)
// scripts/cross-validate.ts does the leaving-out in memory for every released set at once.
import { writeFileSync } from 'node:fs';
import { trainModel } from './lib/train';

const at = process.argv.indexOf('--without');
const without = at >= 0 ? [process.argv[at + 1]] : [];
const model = trainModel(without, (line) => console.log(line));
writeFileSync('src/data/classifier-model.json', `${JSON.stringify(model)}\n`);
console.log(`wrote src/data/classifier-model.json (trainedOn ${model.trainedOn})`);
