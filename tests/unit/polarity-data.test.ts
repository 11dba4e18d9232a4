import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POLARITY_HELD_OUT_SETS, POLARITY_TRAINING_ONLY_SETS } from '../../scripts/lib/dataset';

// Format checks for the review- and subtitle-style lines labelled negative yes/no and anger yes/no:
// tests/data/polarity (dev/test split, tuned on) and tests/data/polarity-holdout (written apart from the
// lexicons, never tuned on), for `npm run eval -- --set polarity[-holdout]`. These check the data only.

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const LANGS = ['en', 'nb', 'sv', 'fi'] as const;
/** Folder, id prefix, whether rows carry a dev/test split, and the least number of lines. */
const SETS = [
  { set: 'polarity', prefix: 'pol', split: true, least: 60 },
  // The second held-out set's lines are polarity-holdout (pol2-…); later ones carry their number.
  ...POLARITY_HELD_OUT_SETS.map((set) => ({
    set,
    prefix: set === 'polarity-holdout' ? 'pol2' : set.replace('polarity-holdout', 'pol'),
    split: false,
    least: 40,
  })),
  ...POLARITY_TRAINING_ONLY_SETS.map((set) => ({
    set,
    prefix: set.replace('polarity-train', 'ptr'),
    split: false,
    least: 40,
  })),
];

describe.each(SETS)('$set', ({ set, prefix, split, least }) => {
  describe.each(LANGS)(`${set}/%s.jsonl`, (lang) => {
    const rows = readFileSync(`${dataDir}${set}/${lang}.jsonl`, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line, index) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch (error) {
          throw new Error(`${set}/${lang}.jsonl:${index + 1} is not valid JSON: ${String(error)}`);
        }
      });

    it(`has at least ${least} lines with exactly the expected fields`, () => {
      expect(rows.length).toBeGreaterThanOrEqual(least);
      for (const row of rows) {
        const id = String(row.id);
        const fields = ['anger', 'id', 'lang', 'negative', ...(split ? ['split'] : []), 'text'];
        expect(Object.keys(row).sort(), id).toEqual(fields);
        expect(id).toMatch(new RegExp(`^${prefix}-${lang}-\\d{2,3}$`));
        expect(row.lang, id).toBe(lang);
        expect(typeof row.text === 'string' && row.text.trim().length > 0, id).toBe(true);
        expect(typeof row.negative, id).toBe('boolean');
        expect(typeof row.anger, id).toBe('boolean');
        if (split) expect(['dev', 'test'], id).toContain(row.split);
      }
    });

    it('has unique ids and texts, and anger only on negative lines', () => {
      expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
      expect(new Set(rows.map((row) => String(row.text).toLowerCase().trim())).size).toBe(rows.length);
      for (const row of rows) if (row.anger) expect(row.negative, String(row.id)).toBe(true);
    });

    it('mixes negative and other lines', () => {
      const share = (pick: (row: Record<string, unknown>) => boolean) =>
        rows.filter(pick).length / rows.length;
      expect(share((row) => row.negative === true)).toBeGreaterThan(0.3);
      expect(share((row) => row.negative === false)).toBeGreaterThan(0.3);
      expect(share((row) => row.anger === true)).toBeGreaterThan(0.1);
      if (split) expect(share((row) => row.split === 'test')).toBeGreaterThan(0.3);
    });
  });
});
