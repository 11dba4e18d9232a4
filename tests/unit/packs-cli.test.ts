import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const fixtures = join(root, 'tests/fixtures/packs');
const work = mkdtempSync(join(tmpdir(), 'calmdesk-pack-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: string[];
}
/** Runs the CLI as team leads do (tsx scripts/pack.ts). Async so independent runs overlap on a busy machine. */
function pack(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(root, 'scripts/pack.ts'), ...args], { cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, lines: stdout.split('\n').filter(Boolean) }));
  });
}
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
const fixture = (name: string) => join(fixtures, name);

describe('pack CLI', { timeout: 240_000 }, () => {
  it('validate: exit 0 and nothing on stdout for a valid pack; exit 1 with one line per problem', async () => {
    const [good, bad] = await Promise.all([
      pack('validate', fixture('valid-v1.json')),
      pack('validate', fixture('invalid-many.json')),
    ]);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('');
    expect(good.stderr).toContain('valid (acme-support 1.2.0, 3 phrases)');
    expect(bad.code).toBe(1);
    expect(bad.lines).toHaveLength(13);
    expect(bad.lines).toContain(
      'phrases[1] (id nb.apologize.x) .stage: unknown stage "apologise" (did you mean "apologize"?) (line 10)',
    );
    expect(bad.lines[0]).toMatch(/^id: pack id "Bad Pack" /);
    noStack(bad.stdout + bad.stderr);
  });

  it('validate: user mistakes give a sentence, never a stack trace', async () => {
    writeFileSync(join(work, 'bad.json'), '{\n  "schemaVersion": 1,\n  "id": "x"\n  "name": "y"\n}\n');
    const [bad, missing, folder, future] = await Promise.all([
      pack('validate', join(work, 'bad.json')),
      pack('validate', join(work, 'nope.json')),
      pack('validate', work),
      pack('validate', fixture('future-v2.json')),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe(
      'Not valid JSON at line 4, column 3: expected "," or "}" after the value of "id" but found """.\n',
    );
    // A file that cannot be read is a problem with the input (design.md 3.4: exit 1), not a usage error.
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
    expect(folder.code).toBe(1);
    expect(future.code).toBe(1);
    expect(future.stdout).toContain('made for a newer Calmdesk');
    for (const result of [bad, missing, folder, future]) noStack(result.stdout + result.stderr);
  });

  it('usage errors exit 2; help exits 0', async () => {
    const [none, unknown, typo, noFile, badOption, oneFile, help] = await Promise.all([
      pack(),
      pack('frobnicate'),
      pack('valdiate', 'x.json'),
      pack('validate'),
      pack('validate', '--bogus', 'x.json'),
      pack('diff', fixture('valid-v1.json')),
      pack('help'),
    ]);
    for (const result of [none, unknown, typo, noFile, badOption, oneFile]) {
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      noStack(result.stderr);
    }
    expect(typo.stderr).toContain('did you mean "validate"');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
    for (const command of ['validate', 'lint', 'keygen', 'sign', 'verify', 'preview', 'diff'])
      expect(help.stdout).toContain(command);
  });

  it('lint: warnings exit 0, or 1 with --strict; errors exit 1', async () => {
    const [plain, strict, invalid] = await Promise.all([
      pack('lint', fixture('valid-v1.json')),
      pack('lint', '--strict', fixture('valid-v1.json')),
      pack('lint', fixture('invalid-many.json')),
    ]);
    expect(plain.code).toBe(0);
    expect(plain.lines.some((l) => l.startsWith('warning: ') && l.includes('no sv translation'))).toBe(true);
    expect(strict.code).toBe(1);
    expect(invalid.code).toBe(1);
  });

  it('keygen, sign, verify round trip; verify exits 1 on a tampered pack or a wrong key', async () => {
    const keyFile = join(work, 'team.key');
    const [keygen, other] = await Promise.all([
      pack('keygen', keyFile),
      pack('keygen', join(work, 'other.key')),
    ]);
    expect(keygen.code).toBe(0);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const publicKey =
      keygen.lines.find((l) => l.startsWith('publicKey: '))?.slice('publicKey: '.length) ?? '';
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(keygen.lines.find((l) => l.startsWith('keyId: '))).toMatch(/^keyId: [0-9a-f]{16}$/);
    const otherKey = other.lines[0].slice('publicKey: '.length);

    const signedFile = join(work, 'signed.json');
    const [sign, overwrite, missingKey, invalidPack] = await Promise.all([
      pack('sign', fixture('valid-v1.json'), '--key', keyFile, '-o', signedFile),
      pack('keygen', keyFile),
      pack('sign', fixture('valid-v1.json'), '--key', join(work, 'missing.key')),
      pack('sign', fixture('invalid-many.json'), '--key', keyFile),
    ]);
    expect(sign.code).toBe(0);
    expect(sign.stdout).toBe('');
    expect(overwrite.code).toBe(1); // never overwrites a key silently
    expect(missingKey.code).toBe(1);
    expect(invalidPack.code).toBe(1);
    const envelope = JSON.parse(readFileSync(signedFile, 'utf8'));
    expect(envelope.signature).toMatchObject({ alg: 'Ed25519' });

    envelope.pack.phrases[0].text = 'Tampered';
    writeFileSync(join(work, 'tampered.json'), JSON.stringify(envelope));
    writeFileSync(join(work, 'pub.txt'), `${publicKey}\n`);
    const [verify, validate, tampered, foreign, unsigned, wrongKey, fromFile] = await Promise.all([
      pack('verify', signedFile, '--pub', publicKey),
      pack('validate', signedFile),
      pack('verify', join(work, 'tampered.json'), '--pub', publicKey),
      pack('verify', signedFile, '--pub', otherKey),
      pack('verify', fixture('valid-v1.json'), '--pub', publicKey),
      pack('verify', signedFile, '--pub', 'not-a-key'),
      pack('verify', signedFile, '--pub', join(work, 'pub.txt')),
    ]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('signature valid');
    expect(validate.code).toBe(0);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('NOT valid');
    expect(foreign.code).toBe(1);
    expect(unsigned.code).toBe(1);
    expect(wrongKey.code).toBe(2);
    noStack(wrongKey.stderr);
    expect(fromFile.code).toBe(0);
  });

  it('preview writes an escaped HTML page; diff lists changes and checks the version', async () => {
    const changed = JSON.parse(readFileSync(fixture('valid-v1.json'), 'utf8'));
    changed.phrases[0].text = 'Beklager så mye.';
    writeFileSync(join(work, 'same-version.json'), JSON.stringify(changed));
    changed.version = '1.2.1';
    changed.phrases.push({ id: 'nb.close.bye', stage: 'close', lang: 'nb', text: 'Ha det!' });
    writeFileSync(join(work, 'raised.json'), JSON.stringify(changed));
    const out = join(work, 'preview.html');
    const [preview, notRaised, raised] = await Promise.all([
      pack('preview', fixture('valid-v1.json'), '-o', out),
      pack('diff', fixture('valid-v1.json'), join(work, 'same-version.json')),
      pack('diff', fixture('valid-v1.json'), join(work, 'raised.json')),
    ]);
    expect(preview.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Acme support phrases 1.2.0');
    expect(html).not.toContain('<script');
    expect(notRaised.code).toBe(1);
    expect(notRaised.lines).toContain('~ nb.apologize.simple: text changed');
    expect(notRaised.stdout).toContain('version problem');
    expect(raised.code).toBe(0);
    expect(raised.lines).toContain('+ nb.close.bye (close, nb) "Ha det!"');
    expect(raised.stdout).toContain('1 added, 0 removed, 1 changed');
  });

  it('migrate converts a legacy file and validate accepts it with a warning', async () => {
    const out = join(work, 'migrated.json');
    const [migrated, legacy] = await Promise.all([
      pack('migrate', fixture('legacy-v0.json'), '-o', out),
      pack('validate', fixture('legacy-v0.json')),
    ]);
    expect(migrated.code).toBe(0);
    expect(migrated.stderr).toContain('step "apologise" → "apologize"');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(
      JSON.parse(readFileSync(fixture('legacy-v0.expected.json'), 'utf8')),
    );
    expect(legacy.code).toBe(0);
    expect(legacy.lines).toEqual([expect.stringContaining('warning: (pack): legacy pack format')]);
  });

  it('the npx bin shim runs the same CLI', () => {
    const result = spawnSync(
      process.execPath,
      [join(root, 'scripts/pack-bin.mjs'), 'validate', fixture('invalid-many.json')],
      {
        cwd: work,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(13);
  });
});
