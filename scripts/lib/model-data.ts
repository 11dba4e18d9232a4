// Which data the type model is trained on, and a hash of it: the shipped model carries the hash, and a unit
// test fails when the data changed without retraining (scripts/train-model.ts).
import { createHash } from 'node:crypto';
import { LANGS } from '../../src/core/taxonomy';
import {
  HELD_OUT_SETS,
  POLARITY_HELD_OUT_SETS,
  POLARITY_TRAINING_ONLY_SETS,
  readDataset,
  TRAINING_ONLY_SETS,
  UNSEEN_SETS,
} from './dataset';

/**
 * Every labelled set except the held-out sets written since the last training (UNSEEN_SETS, tests/data/holdout68
 * on), which stay unseen so the README can report honest numbers.
 */
export const TRAINING_SETS = ['labelled', ...HELD_OUT_SETS, ...TRAINING_ONLY_SETS].filter(
  (set) => !UNSEEN_SETS.includes(set),
);

/**
 * Review and film-dialogue lines (negative yes/no, anger yes/no), for the type head only: an angry line is
 * an angry customer, any other line a neutral one. Without them the model, which had seen only support
 * messages, read "Would stay again" and plain bad reviews as angry.
 */
export const POLARITY_SETS = ['polarity', ...POLARITY_HELD_OUT_SETS, ...POLARITY_TRAINING_ONLY_SETS].filter(
  (set) => !UNSEEN_SETS.includes(set),
);

export function trainingHash(): string {
  const hash = createHash('sha256');
  for (const set of [...TRAINING_SETS, ...POLARITY_SETS])
    for (const lang of LANGS)
      for (const row of readDataset<Record<string, unknown> & { split?: string }>(set, lang))
        hash.update(`${set}\t${JSON.stringify(row)}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Case and spacing do not make a text new. */
export const normaliseText = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Writers of a new set now and then repeat, word for word, a line an earlier writer wrote (film lines above
 * all: "I'm scared, Tom. What if they don't find her before dark?" came back in four sets). The model learnt
 * those texts, so they are no fresh measure: the rows of `rows` whose text is in `trained` are left out.
 */
export const notTrainedOn = <T extends { text: string }>(rows: T[], trained: ReadonlySet<string>): T[] =>
  rows.filter((row) => !trained.has(normaliseText(row.text)));

let trainedTexts: Set<string> | undefined;
/** Every text (support messages and lines) of the sets the shipped model is trained on, normalised. */
export function textsTrainedOn(): ReadonlySet<string> {
  trainedTexts ??= new Set(
    [...TRAINING_SETS, ...POLARITY_SETS].flatMap((set) =>
      LANGS.flatMap((lang) =>
        readDataset<{ text: string; split?: string }>(set, lang).map((row) => normaliseText(row.text)),
      ),
    ),
  );
  return trainedTexts;
}

/** The rows of a set that measure the model fairly: for the unseen set, those whose text it never learnt. */
export const freshRows = <T extends { text: string }>(set: string, rows: T[]): T[] =>
  UNSEEN_SETS.includes(set) ? notTrainedOn(rows, textsTrainedOn()) : rows;
