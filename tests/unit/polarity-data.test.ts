import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Format checks for the review- and subtitle-style lines (tests/data/polarity), labelled negative yes/no
// and anger yes/no for `npm run eval -- --set polarity`. These check the data, not the classifier.

const dataDir = fileURLToPath(new URL('../data/polarity/', import.meta.url));
const LANGS = ['en', 'nb', 'sv', 'fi'] as const;

describe.each(LANGS)('polarity/%s.jsonl', (lang) => {
  const rows = readFileSync(`${dataDir}${lang}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`polarity/${lang}.jsonl:${index + 1} is not valid JSON: ${String(error)}`);
      }
    });

  it('has at least 60 lines with exactly the expected fields', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const row of rows) {
      const id = String(row.id);
      expect(Object.keys(row).sort(), id).toEqual(['anger', 'id', 'lang', 'negative', 'split', 'text']);
      expect(id).toMatch(new RegExp(`^pol-${lang}-\\d{2,3}$`));
      expect(row.lang, id).toBe(lang);
      expect(typeof row.text === 'string' && row.text.trim().length > 0, id).toBe(true);
      expect(typeof row.negative, id).toBe('boolean');
      expect(typeof row.anger, id).toBe('boolean');
      expect(['dev', 'test'], id).toContain(row.split);
    }
  });

  it('has unique ids and texts, and anger only on negative lines', () => {
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(new Set(rows.map((row) => String(row.text).toLowerCase().trim())).size).toBe(rows.length);
    for (const row of rows) if (row.anger) expect(row.negative, String(row.id)).toBe(true);
  });

  it('mixes negative and other lines, with a held-out test split', () => {
    const share = (pick: (row: Record<string, unknown>) => boolean) => rows.filter(pick).length / rows.length;
    expect(share((row) => row.negative === true)).toBeGreaterThan(0.3);
    expect(share((row) => row.negative === false)).toBeGreaterThan(0.3);
    expect(share((row) => row.anger === true)).toBeGreaterThan(0.1);
    expect(share((row) => row.split === 'test')).toBeGreaterThan(0.3);
  });
});
