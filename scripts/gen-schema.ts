// Writes schema/pack.schema.json from the TypeBox definition (src/core/packs/schema.ts), the single source
// of the pack format, then lets Biome format it like every other file in the repo.
// `tsx scripts/gen-schema.ts --check` exits 1 when the committed file says something else.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packJsonSchema } from '../src/core/packs/schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = join(root, 'schema', 'pack.schema.json');

export const generatedSchema = (): unknown => JSON.parse(JSON.stringify(packJsonSchema()));

/** The committed schema, parsed; undefined when missing or unreadable. */
export function committedSchema(): unknown {
  try {
    return JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
  } catch {
    return undefined;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    if (JSON.stringify(committedSchema()) !== JSON.stringify(generatedSchema())) {
      process.stderr.write('schema/pack.schema.json is out of date: run "npx tsx scripts/gen-schema.ts"\n');
      process.exit(1);
    }
    process.stderr.write('schema/pack.schema.json is up to date\n');
  } else {
    writeFileSync(SCHEMA_PATH, `${JSON.stringify(generatedSchema(), null, 2)}\n`);
    const biome = join(root, 'node_modules', '.bin', 'biome');
    if (existsSync(biome)) spawnSync(biome, ['format', '--write', SCHEMA_PATH], { stdio: 'ignore' });
    process.stderr.write(`wrote ${SCHEMA_PATH}\n`);
  }
}
