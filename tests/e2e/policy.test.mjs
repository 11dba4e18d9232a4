// Issue 6: a team lead pushes approved packs by enterprise policy. A real policy file under
// /etc/chromium/policies/managed/ pushes an inline signed pack, a signed pack URL (served locally under
// packs.example.com), the trusted key and lockPacks; the panel shows the team's phrases, the options page
// shows them as managed and locked, and a tampered pack at the URL never replaces the good copy.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { makeCertificate } from '../fixtures/helpdesk/server.mjs';
import { EXTENSION_ID, inWorker, launch, openTicketWithPanel, ROOT } from './harness.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'calmdesk-e2e-policy.json');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdesk-policy-'));
const pack = (...args) =>
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/pack.ts'), ...args],
    {
      cwd: work,
      encoding: 'utf8',
    },
  );

let env;
let packServer;
let served = ''; // what https://packs.example.com/team.json answers
let requests = 0;

/** The team's pack: the built-in Norwegian phrases, each marked as the team's approved wording. */
function teamPack(version, marker) {
  const builtin = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/data/packs/builtin-nb.json'), 'utf8'));
  return {
    ...builtin,
    id: 'acme-team-nb',
    name: 'Acme kundeservice – norsk',
    version,
    publisher: 'Acme AS',
    approvedBy: 'Teamleder Ida',
    approvedAt: '2026-11-20',
    phrases: builtin.phrases.map((p) => ({ ...p, text: `${marker} ${p.text}` })),
  };
}

before(async () => {
  assert.equal(
    process.getuid?.(),
    0,
    'the policy test writes /etc/chromium/policies and must run as root (CI does)',
  );
  pack('keygen', 'team.key');
  const trustedKey = pack('pubkey', '--key', 'team.key').match(/trustedKey: (\S+)/)[1];
  fs.writeFileSync(path.join(work, 'url-pack.json'), JSON.stringify(teamPack('1.0.0', '[Acme]')));
  pack('sign', 'url-pack.json', '--key', 'team.key', '-o', 'url-pack.signed.json');
  served = fs.readFileSync(path.join(work, 'url-pack.signed.json'), 'utf8');
  const inline = {
    schemaVersion: 1,
    id: 'acme-inline-en',
    name: 'Acme inline',
    version: '1.0.0',
    publisher: 'Acme AS',
    languages: ['en'],
    phrases: [
      {
        id: 'en.close.acme-inline',
        stage: 'close',
        lang: 'en',
        text: 'Thanks for choosing Acme. Inline policy phrase.',
      },
    ],
  };
  fs.writeFileSync(path.join(work, 'inline.json'), JSON.stringify(inline));
  pack('sign', 'inline.json', '--key', 'team.key', '-o', 'inline.signed.json');

  packServer = https.createServer(makeCertificate(), (req, res) => {
    requests++;
    const etag = `"${served.length}-${Buffer.from(served).reduce((a, b) => (a * 31 + b) >>> 0, 7)}"`;
    // The headers the team-lead guide asks a pack host for (ETag must be exposed to a cross-origin fetch).
    const headers = {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'ETag',
      'content-type': 'application/json',
      etag,
      'cache-control': 'no-cache',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    res.end(served);
  });
  await new Promise((done) => packServer.listen(0, '127.0.0.1', done));

  fs.mkdirSync(POLICY_DIR, { recursive: true });
  fs.writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      '3rdparty': {
        extensions: {
          [EXTENSION_ID]: {
            packs: [fs.readFileSync(path.join(work, 'inline.signed.json'), 'utf8')],
            packUrls: ['https://packs.example.com/team.json'],
            trustedKeys: [trustedKey],
            lockPacks: true,
            teamName: 'Acme kundeservice',
          },
        },
      },
    }),
  );
  env = await launch({ packServerPort: packServer.address().port });
});

after(async () => {
  await env?.close();
  fs.rmSync(POLICY_FILE, { force: true });
  packServer?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function poll(fn, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
}

const packState = () => inWorker(env, async () => (await chrome.storage.local.get('packStore')).packStore);

test('policy values reach the extension and the policy packs load, signed and verified', async () => {
  await poll(
    () => inWorker(env, async () => (await chrome.storage.managed.get()).lockPacks === true),
    'managed storage',
  );
  const state = await poll(async () => {
    const s = await packState();
    const policy = s?.entries.filter((e) => e.kind === 'policy') ?? [];
    return policy.length === 2 && policy.every((e) => e.status === 'ok') ? s : undefined;
  }, 'both policy packs loaded');
  const url = state.entries.find((e) => e.url === 'https://packs.example.com/team.json');
  assert.equal(url.lastGood.version, '1.0.0');
  assert.ok(url.signedBy, 'the URL pack was verified against the pinned key');
  assert.ok(url.etag, 'the ETag is kept for conditional requests');
});

test('the side panel shows the team’s approved phrases, not the built-in ones', async () => {
  const { page, panel } = await openTicketWithPanel(env, 'https://acme.zendesk.com/agent/tickets/1001');
  await panel.waitForSelector('[data-testid="status"][data-state="ready"]', { timeout: 15_000 });
  const texts = await panel.locator('[data-testid="suggestion"][data-lang="nb"]').allTextContents();
  assert.ok(texts.length > 0);
  for (const text of texts)
    assert.match(text, /\[Acme\]/, `a suggestion did not come from the team pack: ${text.slice(0, 80)}`);
  await page.close();
  await panel.close();
});

test('the options page shows the packs as managed and locked', async () => {
  const options = await env.context.newPage();
  await options.goto(env.optionsUrl());
  await options.waitForSelector('[data-testid="pack-source"][data-kind="policy"]', { timeout: 15_000 });
  assert.equal(await options.locator('[data-testid="pack-source"][data-kind="policy"]').count(), 2);
  assert.ok(await options.locator('[data-testid="packs-locked"]').isVisible());
  assert.ok(
    await options.locator('[data-testid="pack-url-add"]').isDisabled(),
    'agents cannot add packs under lockPacks',
  );
  await options.close();
});

test('a tampered pack at the URL never replaces the last good copy, and the agent is told', async () => {
  const before = requests;
  const tampered = JSON.parse(served);
  tampered.pack.phrases[0].text = 'Tampered text nobody approved';
  tampered.pack.version = '1.0.1';
  served = JSON.stringify(tampered);
  const options = await env.context.newPage();
  await options.goto(env.optionsUrl());
  await options.click('[data-testid="pack-refresh"]');
  const entry = await poll(async () => {
    const s = await packState();
    const e = s?.entries.find((x) => x.url === 'https://packs.example.com/team.json');
    return e?.status === 'error' ? e : undefined;
  }, 'the refresh to fail on the bad signature');
  assert.ok(requests > before, 'the pack URL was fetched again');
  assert.equal(entry.lastGood.version, '1.0.0', 'the approved copy stays');
  assert.match(entry.error, /signature|signed|key/i);
  assert.ok(!JSON.stringify(entry.lastGood).includes('Tampered'));
  // The options page says what happened, and that the approved copy is still in use.
  await options.waitForSelector('[data-testid="pack-source"][data-status="error"]', { timeout: 10_000 });
  await options.close();
});
