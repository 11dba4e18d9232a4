import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedSchema, generatedSchema } from '../../scripts/gen-schema';
import { loadPackText } from '../../src/core/packs/load';
import { PackSchema, PLACEHOLDERS } from '../../src/core/packs/schema';
import { formatProblem } from '../../src/core/packs/validate';
import { CUES, CUSTOMER_TYPES, LANGS, STAGES } from '../../src/core/taxonomy';

const root = new URL('../../', import.meta.url);

interface SchemaNode {
  $id?: string;
  anyOf?: { const: string }[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  maxLength?: number;
  maxItems?: number;
}

describe('pack JSON Schema', () => {
  it('the committed schema/pack.schema.json equals the generated one (run: npx tsx scripts/gen-schema.ts)', () => {
    // Compared as JSON (key order included): Biome may lay the file out differently from JSON.stringify.
    expect(JSON.stringify(committedSchema())).toBe(JSON.stringify(generatedSchema()));
  });

  it('publishes the taxonomy ids and limits', () => {
    const schema = generatedSchema() as SchemaNode;
    const prop = (node: SchemaNode | undefined, name: string): SchemaNode => node?.properties?.[name] ?? {};
    const phrase = prop(schema, 'phrases').items;
    const values = (union: SchemaNode | undefined) => union?.anyOf?.map((item) => item.const);
    expect(values(prop(phrase, 'stage'))).toEqual([...STAGES]);
    expect(values(prop(phrase, 'lang'))).toEqual([...LANGS]);
    expect(values(prop(phrase, 'types').items)).toEqual([...CUSTOMER_TYPES]);
    expect(values(prop(phrase, 'cues').items)).toEqual([...CUES]);
    expect(prop(phrase, 'text').maxLength).toBe(1000);
    expect(prop(schema, 'phrases').maxItems).toBe(2000);
    expect(schema.required).toEqual([
      'schemaVersion',
      'id',
      'name',
      'version',
      'publisher',
      'languages',
      'phrases',
    ]);
    expect(phrase?.additionalProperties).toBe(false);
    expect(PackSchema.$id).toBe(schema.$id);
    expect(PLACEHOLDERS).toContain('cursor');
  });
});

describe('built-in packs', () => {
  const dir = new URL('src/data/packs/', root);
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => /^builtin-.*\.json$/.test(f));
  } catch {
    files = [];
  }
  it('exist for the supported languages', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`${file} is a valid pack`, () => {
      const loaded = loadPackText(readFileSync(new URL(file, dir), 'utf8'));
      expect(loaded.problems.map(formatProblem)).toEqual([]);
      expect(loaded.ok).toBe(true);
    });
  }
});
