import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (lines: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['scripts/suggest.ts', '--jsonl'], {
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 60_000,
  });

const phrase = (id: string, stage: string, lang: string, text: string, extra: object = {}) => ({
  id,
  stage,
  lang,
  text,
  ...extra,
});

const PACK = {
  schemaVersion: 1,
  id: 'test-pack',
  name: 'Test',
  version: '1.0.0',
  publisher: 'Test',
  languages: ['nb', 'en'],
  frames: [{ lang: 'nb', greeting: 'Hei {{customer.firstName}},', signoff: 'Hilsen {{agent.name}}' }],
  phrases: [
    phrase(
      'nb.apologize.wait',
      'apologize',
      'nb',
      'Beklager at du har ventet {{wait.duration}}, {{customer.firstName}}.',
    ),
    phrase('nb.apologize.simple', 'apologize', 'nb', 'Beklager bryet.'),
    phrase('nb.solve.delivery', 'solve', 'nb', 'Jeg har sjekket pakken din: {{cursor}}', {
      tags: ['delivery'],
    }),
    phrase('nb.solve.billing', 'solve', 'nb', 'Jeg har rettet fakturaen.', { tags: ['billing'] }),
    phrase(
      'nb.expectations.time',
      'expectations',
      'nb',
      'Du hører fra {{agent.firstName}} innen {{fill.time}}.',
    ),
    phrase('nb.acknowledge.thanks', 'acknowledge', 'nb', 'Takk for at du skrev til oss.'),
    phrase('en.solve.generic', 'solve', 'en', 'I have looked into it.'),
  ],
};

describe('suggest CLI', () => {
  it('stops quietly when its reader closes the pipe after the first line (`… | head -1`)', async () => {
    const child = spawn('node_modules/.bin/tsx', ['scripts/suggest.ts', '--jsonl']);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const line = JSON.stringify({
      id: 'c1',
      lang: 'en',
      messages: [{ role: 'customer', text: 'Where is my parcel?' }],
    });
    child.stdin.write(`${Array(400).fill(line).join('\n')}\n`);
    child.stdin.end();
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 60_000);
  const dir = mkdtempSync(join(tmpdir(), 'calmdesk-suggest-'));
  const packPath = join(dir, 'pack.json');
  writeFileSync(packPath, JSON.stringify(PACK));
  const signedPath = join(dir, 'signed.json');
  writeFileSync(
    signedPath,
    JSON.stringify({ pack: PACK, signature: { alg: 'Ed25519', keyId: 'k', value: 'AA==' } }),
  );

  const conversation = {
    subject: 'Pakken har ikke kommet',
    customer: { name: 'Kari Nordmann' },
    agent: { name: 'Ola Hansen' },
    now: '2026-11-23T10:00:00Z',
    lang: 'nb',
    replyLang: 'nb',
    messages: [
      { role: 'customer', text: 'Hei, pakken min har ikke kommet. Hvor er den?', at: '2026-11-20T09:14:00Z' },
    ],
  };

  it('writes one line per input, in order, and an error line for a bad one', () => {
    const result = run([
      JSON.stringify({ id: 's1', ...conversation, packs: [packPath] }),
      'this is not json',
      JSON.stringify({ id: 's2', messages: 'nope' }),
      JSON.stringify({ id: 's3', ...conversation, packs: [join(dir, 'missing.json')] }),
      JSON.stringify({ id: 's4', ...conversation, packs: [signedPath] }),
    ]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const out = lines.map((line) => JSON.parse(line));
    expect(out.map((o) => o.id)).toEqual(['s1', null, 's2', 's3', 's4']);
    expect(out[1].error).toBeTruthy();
    expect(out[2].error).toMatch(/messages/);
    expect(out[3].error).toMatch(/missing\.json/);

    const first = out[0];
    expect(Object.keys(first).sort()).toEqual(['customerType', 'id', 'lang', 'suggestions', 'topics']);
    expect(first.lang).toBe('nb');
    expect(first.topics[0]).toBe('delivery');
    expect(first.suggestions[0]).toEqual({
      stage: 'apologize',
      phraseId: 'nb.apologize.wait',
      text: 'Beklager at du har ventet tre dager, Kari.',
      tags: [],
      reason: expect.stringContaining('waited three days'),
    });
    const ids = first.suggestions.map((s: { phraseId: string }) => s.phraseId);
    expect(ids.indexOf('nb.solve.delivery')).toBeGreaterThanOrEqual(0);
    if (ids.includes('nb.solve.billing'))
      expect(ids.indexOf('nb.solve.delivery')).toBeLessThan(ids.indexOf('nb.solve.billing'));
    for (const s of first.suggestions) {
      expect(s.text).not.toContain('{{');
      expect(s.phraseId.startsWith('nb.')).toBe(true);
    }
    // A signed envelope gives the same result as the bare pack.
    expect(out[4].suggestions).toEqual(first.suggestions);
  });

  it('uses the built-in packs by default and prints nothing else', () => {
    const result = run([JSON.stringify({ id: 'b1', ...conversation })]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(out.id).toBe('b1');
    expect(out.lang).toBe('nb');
    expect(out.suggestions.length).toBeGreaterThan(0);
    for (const s of out.suggestions) {
      expect(s.text).not.toContain('{{');
      expect(typeof s.reason).toBe('string');
    }
  });
});
