#!/usr/bin/env node
// `npx calmdesk-pack <command>` from the repo: runs scripts/pack.ts through the repo's tsx.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
if (!existsSync(tsxCli)) {
  process.stderr.write(
    'calmdesk-pack: tsx is not installed; run "npm install" in the Calmdesk repo first.\n',
  );
  process.exit(2);
}
const result = spawnSync(
  process.execPath,
  [tsxCli, join(root, 'scripts', 'pack.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
if (result.error) {
  process.stderr.write(`calmdesk-pack: ${result.error.message}\n`);
  process.exit(2);
}
process.exit(result.status ?? 1);
