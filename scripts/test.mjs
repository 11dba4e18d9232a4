// npm test: unit tests (vitest), the Chrome and Firefox builds (+ web-ext lint), then the real-browser
// tests (node:test + playwright-core + Debian's Chromium). Ends with one plain "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = (name) => path.join('node_modules', '.bin', name);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdesk-test-'));
const only = process.argv[2]; // "unit" or "e2e"
let passed = 0;
let failed = 0;
let broken = false;

function run(title, command, args, options = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) console.log(`--- ${title}: exit ${result.status}`);
  return result.status === 0;
}

if (only !== 'e2e') {
  const report = path.join(tmp, 'vitest.json');
  run('unit tests (vitest)', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numFailedTestSuites > 0 && r.numFailedTests === 0) failed += r.numFailedTestSuites;
  } else broken = true;
  if (!run('typecheck (tsc)', bin('tsc'), ['--noEmit'])) broken = true;
}

if (only !== 'unit') {
  if (!run('build chrome-mv3', bin('wxt'), ['build'])) broken = true;
  if (!run('build firefox', bin('wxt'), ['build', '-b', 'firefox'])) broken = true;
  const lintOut = path.join(tmp, 'weblint.json');
  const lint = spawnSync(
    bin('web-ext'),
    ['lint', '-s', '.output/firefox-mv2', '--no-input', '--output', 'json'],
    {
      encoding: 'utf8',
    },
  );
  fs.writeFileSync(lintOut, lint.stdout ?? '');
  try {
    const r = JSON.parse(lint.stdout);
    console.log(
      `\n=== web-ext lint: ${r.count} messages, ${r.summary.errors} errors, ${r.summary.warnings} warnings`,
    );
    for (const e of r.errors) console.log(`  error ${e.code}: ${e.message} (${e.file ?? ''})`);
    if (r.summary.errors > 0) broken = true;
  } catch {
    console.log('web-ext lint gave no report:', lint.stderr);
    broken = true;
  }
  const tap = path.join(tmp, 'e2e.tap');
  console.log('\n=== real-browser tests (Chromium)');
  const e2e = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=tap',
      '--test-reporter-destination=stdout',
      'tests/e2e/',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  process.stdout.write(e2e.stdout ?? '');
  process.stderr.write(e2e.stderr ?? '');
  fs.writeFileSync(tap, e2e.stdout ?? '');
  const count = (key) => Number((e2e.stdout ?? '').match(new RegExp(`^# ${key} (\\d+)`, 'm'))?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail');
  if (count('pass') + count('fail') === 0) broken = true;
}

fs.rmSync(tmp, { recursive: true, force: true });
if (broken && failed === 0) failed = 1; // a build, typecheck or lint failure fails the run
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
