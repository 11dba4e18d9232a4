import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATED_TWICE,
  HELD_OUT_SETS,
  readDataset,
  TRAINING_ONLY_SETS,
  UNSEEN_SETS,
} from '../../scripts/lib/dataset';
import { freshRows, normaliseText, notTrainedOn, textsTrainedOn } from '../../scripts/lib/model-data';
import { CUES, CUSTOMER_TYPES } from '../../src/core/taxonomy';
import common from '../../src/data/lexicon/common.json';

// Format checks for the held-out evaluation sets (tests/data/holdout, holdout2 …), written apart from the
// classifier's word lists so the README can report honest numbers, and for the training-only sets (train1 …)
// written the same way. These check the data, not the classifier.

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const HOLDOUT_LANGS = ['en', 'nb', 'sv', 'fi'] as const;

interface HoldoutRow {
  id: unknown;
  lang: unknown;
  text: unknown;
  type: unknown;
  cues: unknown;
}

function readJsonl(relativePath: string): HoldoutRow[] {
  const rows: HoldoutRow[] = [];
  readFileSync(dataDir + relativePath, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        throw new Error(`${relativePath}:${index + 1} is not valid JSON: ${String(error)}`);
      }
      expect(
        typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed),
        `${relativePath}:${index + 1}`,
      ).toBe(true);
      rows.push(parsed as HoldoutRow);
    });
  return rows;
}

const isIn = (list: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && list.includes(value);

// An acronym the writer of the newest, unseen set used that this list lacks joins common.json only after the
// set's one measurement, so that measurement stays blind (until then, add it here beside the list).
const ACRONYMS = new Set(common.acronyms);
/** Texts shorter than this may match another set's by chance. */
const COINCIDENCE_CHARS = 30;

const normalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Folder, id prefix and size of each set (holdout → ho-, holdout2 → ho2- …, train1 → tr1-), as eval knows them. */
const SETS = [
  ...HELD_OUT_SETS.map((set) => [set, set.replace('holdout', 'ho'), 48] as const),
  ...TRAINING_ONLY_SETS.map((set) => [set, set.replace('train', 'tr'), 96] as const),
];

describe.each(SETS)('%s', (set, prefix, PER_LANG) => {
  const PER_TYPE = PER_LANG / CUSTOMER_TYPES.length;
  describe.each(HOLDOUT_LANGS)(`${set}/%s.jsonl`, (lang) => {
    const rows = readJsonl(`${set}/${lang}.jsonl`);

    it(`has ${PER_LANG} messages with exactly the expected fields`, () => {
      expect(rows).toHaveLength(PER_LANG);
      for (const row of rows) {
        expect(Object.keys(row).sort(), String(row.id)).toEqual(['cues', 'id', 'lang', 'text', 'type']);
        expect(String(row.id)).toMatch(new RegExp(`^${prefix}-${lang}-\\d{2}$`));
        expect(row.lang, String(row.id)).toBe(lang);
        expect(typeof row.text === 'string' && row.text.trim().length > 0, String(row.id)).toBe(true);
      }
    });

    it('has unique ids and texts', () => {
      expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
      expect(new Set(rows.map((row) => normalise(String(row.text)))).size).toBe(rows.length);
    });

    it('uses only taxonomy types and cues, without duplicate cues', () => {
      for (const row of rows) {
        expect(isIn(CUSTOMER_TYPES, row.type), `${String(row.id)} type ${String(row.type)}`).toBe(true);
        expect(Array.isArray(row.cues), String(row.id)).toBe(true);
        const cues = row.cues as unknown[];
        for (const cue of cues) expect(isIn(CUES, cue), `${String(row.id)} cue ${String(cue)}`).toBe(true);
        expect(new Set(cues).size, String(row.id)).toBe(cues.length);
      }
    });

    it(`has ${PER_TYPE} messages of every customer type`, () => {
      const counts = Object.fromEntries(CUSTOMER_TYPES.map((type) => [type, 0]));
      for (const row of rows) counts[String(row.type)] += 1;
      expect(counts).toEqual(Object.fromEntries(CUSTOMER_TYPES.map((type) => [type, PER_TYPE])));
    });

    it('labels shouting consistently with the text (caps words or !!! runs)', () => {
      for (const row of rows) {
        const text = String(row.text);
        const cues = row.cues as string[];
        // A 4+ letter all-caps word or a !!! run is shouting; acronyms (DNS, MVA, DHCP) and codes (12VHPWR) are not required to be.
        const capsWords = text.match(/(?<![\p{L}\d])\p{Lu}{4,}(?![\p{L}\d])/gu) ?? [];
        const loud = /!{3,}/.test(text) || capsWords.some((word) => !ACRONYMS.has(word));
        if (loud) expect(cues, `${String(row.id)} looks shouted`).toContain('shouting');
        if (cues.includes('shouting')) {
          expect(/!{3,}|\p{Lu}{2,}/u.test(text), `${String(row.id)} has shouting but no caps or !!!`).toBe(
            true,
          );
        }
      }
    });
  });

  describe(`${set} as a whole`, () => {
    const allRows = HOLDOUT_LANGS.flatMap((lang) => readJsonl(`${set}/${lang}.jsonl`));

    it(`has ${PER_LANG * HOLDOUT_LANGS.length} messages with globally unique ids`, () => {
      expect(allRows).toHaveLength(PER_LANG * HOLDOUT_LANGS.length);
      expect(new Set(allRows.map((row) => row.id)).size).toBe(allRows.length);
    });

    it('shares no text with the labelled dev/test data', () => {
      const labelled = new Set<string>();
      for (const lang of HOLDOUT_LANGS) {
        const path = `labelled/${lang}.jsonl`;
        if (!existsSync(dataDir + path)) continue;
        for (const row of readJsonl(path)) labelled.add(normalise(String(row.text)));
      }
      // A chat nudge of a few words ("hello?? anyone there") can come up twice by chance; longer text cannot.
      const leaked = allRows
        .filter(
          (row) => String(row.text).length >= COINCIDENCE_CHARS && labelled.has(normalise(String(row.text))),
        )
        .map((row) => row.id);
      expect(leaked).toEqual([]);
    });
  });
});

describe.each(ANNOTATED_TWICE)('%s-second (a second annotation, for scripts/agreement.ts)', (set) => {
  it.each(HOLDOUT_LANGS)(`labels every %s message of ${set} once, with taxonomy ids only`, (lang) => {
    const first = readJsonl(`${set}/${lang}.jsonl`);
    const second = readJsonl(`${set}-second/${lang}.jsonl`);
    expect(second.map((row) => row.id)).toEqual(first.map((row) => row.id));
    for (const row of second) {
      expect(Object.keys(row).sort(), String(row.id)).toEqual(['cues', 'id', 'type']);
      expect(isIn(CUSTOMER_TYPES, row.type), String(row.id)).toBe(true);
      for (const cue of row.cues as unknown[]) expect(isIn(CUES, cue), String(row.id)).toBe(true);
    }
  });
});

describe('the unseen set is measured on texts the model never learnt (scripts/lib/model-data.ts)', () => {
  it('leaves out a text the model was trained on, whatever its case and spacing', () => {
    const trained = new Set([normaliseText("I'm scared, Tom. What if they don't find her?")]);
    const rows = [
      { text: "  i'm scared,   Tom. What if they don't find her? " },
      { text: "I'm scared, Tom. What if they find her?" },
    ];
    expect(notTrainedOn(rows, trained)).toEqual([rows[1]]);
  });

  it.each(UNSEEN_SETS)('keeps no row of %s whose words are in a training set', (set) => {
    const trained = textsTrainedOn();
    for (const lang of HOLDOUT_LANGS) {
      const fresh = freshRows(set, readDataset<{ text: string; split?: string }>(set, lang));
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.filter((row) => trained.has(normaliseText(row.text)))).toEqual([]);
    }
  });
});
