// Which data the type model is trained on, and a hash of it: the shipped model carries the hash, and a unit
// test fails when the data changed without retraining (scripts/train-model.ts).
import { createHash } from 'node:crypto';
import { LANGS } from '../../src/core/taxonomy';
import { readDataset } from './dataset';

/**
 * Every labelled set except the newest held-out set (tests/data/holdout5), which stays unseen so the README
 * can report an honest number.
 */
export const TRAINING_SETS = ['labelled', 'holdout', 'holdout2', 'holdout4'];

export function trainingHash(sets: readonly string[] = TRAINING_SETS): string {
  const hash = createHash('sha256');
  for (const set of sets)
    for (const lang of LANGS)
      for (const row of readDataset<{ id: string; text: string; type: string; split?: string }>(set, lang))
        hash.update(`${set}\t${row.id}\t${row.type}\t${row.text}\n`);
  return hash.digest('hex').slice(0, 16);
}
