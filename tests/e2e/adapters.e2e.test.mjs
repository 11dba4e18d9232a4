// Real-browser check of the adapters and the insert chain against the fixture pages with the REAL
// editors (CKEditor 5 and Froala from npm), without the extension: the adapters, insert chain and
// CKEditor bridge are bundled with esbuild and injected into each page.
//   node --test tests/e2e/adapters.e2e.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startHelpdeskServer } from '../fixtures/helpdesk/server.mjs';

const ENTRY = fileURLToPath(new URL('./helpers/adapters-entry.ts', import.meta.url));
let server;
let browser;
let bundle;

before(async () => {
  const out = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
  });
  bundle = out.outputFiles[0].text;
  server = await startHelpdeskServer({ https: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      `--host-resolver-rules=${server.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(host, path, { bridge = true } = {}) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url(host, path));
  if (await page.locator('#fixture-data').count()) {
    await page.waitForSelector('html[data-fixture-ready="true"]', { timeout: 15_000 });
  }
  await page.addScriptTag({ content: bundle });
  if (bridge) await page.evaluate(() => window.__calmdesk.installBridge());
  return { page, errors };
}

const ckData = (page) =>
  page.evaluate(() =>
    document
      .querySelector('main#main_panes > :not([style*="none"]) .ck-editor__editable')
      .ckeditorInstance.getData(),
  );

describe('Zendesk workspace with a real CKEditor 5', () => {
  it('mounts CKEditor on the composer and reads the active ticket', async () => {
    const { page, errors } = await open('acme.zendesk.com', '/agent/tickets/1001');
    const mounted = await page.evaluate(() => {
      const el = document.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]');
      return Boolean(el?.ckeditorInstance) && el.classList.contains('ck-editor__editable');
    });
    assert.equal(mounted, true);
    const snap = await page.evaluate(() => window.__calmdesk.readPage());
    assert.equal(snap.ticketId, '1001');
    assert.equal(snap.requester.firstName, 'Kari');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('inserts through the model at the remembered caret after focus left; one undo removes it', async () => {
    const { page } = await open('acme.zendesk.com', '/agent/tickets/1001');
    const editable = page.locator('[data-test-id="omnicomposer-rich-text-ckeditor"]').first();
    await editable.click();
    await page.keyboard.type('Start ');
    // The agent clicks elsewhere (as when the side panel takes the focus).
    await page.locator('input[data-test-id="omni-header-subject"]').first().click();
    const result = await page.evaluate(() =>
      window.__calmdesk.insert('Hei Kari,\n\nTakk for tålmodigheten.\nMvh Ola', 4),
    );
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.via, 'ckeditor-model');
    assert.equal(await ckData(page), '<p>Start Hei Kari,</p><p>Takk for tålmodigheten.<br>Mvh Ola</p>');
    // The caret sits at the cursor offset (after "Hei ").
    await page.keyboard.type('X');
    assert.match(await ckData(page), /Start Hei XKari,/);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    assert.equal(await ckData(page), '<p>Start&nbsp;</p>');
    await page.close();
  });

  it('falls back to a synthetic paste when the MAIN-world bridge is absent', async () => {
    const { page } = await open('acme.zendesk.com', '/agent/tickets/1002', { bridge: false });
    const result = await page.evaluate(() =>
      window.__calmdesk.insert('Hej Sven,\n\nVi skickar fakturan idag.', undefined, { bridgeTimeoutMs: 50 }),
    );
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.via, 'paste');
    assert.equal(await ckData(page), '<p>Hej Sven,</p><p>Vi skickar fakturan idag.</p>');
    await page.keyboard.press('Control+z');
    assert.equal(await ckData(page), '');
    await page.close();
  });

  it('follows SPA switches, new messages and lazy older messages', async () => {
    const { page } = await open('acme.zendesk.com', '/agent/tickets/1001');
    await page.evaluate(() => window.__fixture.open('1004'));
    let snap = await page.evaluate(() => window.__calmdesk.readPage());
    assert.equal(snap.ticketId, '1004');
    assert.equal(snap.requester.firstName, 'Emma');
    await page.evaluate(() => window.__fixture.addCustomerMessage('Is anyone there? This is urgent.'));
    snap = await page.evaluate(() => window.__calmdesk.readPage());
    assert.equal(snap.messages.at(-1).text, 'Is anyone there? This is urgent.');
    await page.evaluate(() => window.__fixture.open('1001'));
    const before = (await page.evaluate(() => window.__calmdesk.readPage())).messages.length;
    await page
      .locator('main#main_panes > :not([style*="none"]) [data-test-id="convolog-show-more-button"]')
      .click();
    await page.waitForTimeout(300);
    const afterMore = (await page.evaluate(() => window.__calmdesk.readPage())).messages.length;
    assert.ok(afterMore > before, `${afterMore} > ${before}`);
    await page.close();
  });

  it('reports the internal-note mode after the channel switcher is clicked', async () => {
    const { page } = await open('acme.zendesk.com', '/agent/tickets/1001');
    assert.equal(await page.evaluate(() => window.__calmdesk.composerMode()), 'public');
    await page
      .locator('main#main_panes > :not([style*="none"]) [data-test-id="omnichannel-channel-switcher-button"]')
      .click();
    assert.equal(await page.evaluate(() => window.__calmdesk.composerMode()), 'internal');
    await page.close();
  });
});

describe('Zendesk messaging: Enter sends', () => {
  it('multi-line text becomes soft breaks and is not sent early', async () => {
    const { page } = await open('acme.zendesk.com', '/agent/tickets/2001');
    assert.equal(await page.evaluate(() => window.__calmdesk.adapterId()), 'zendesk-messaging');
    const result = await page.evaluate(() =>
      window.__calmdesk.insert('Hei Nora!\n\nJeg ser på saken nå.\nTo minutter.'),
    );
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(await page.evaluate(() => window.__fixture.sent.length), 0);
    const data = await ckData(page);
    assert.equal(data, '<p>Hei Nora!<br><br>Jeg ser på saken nå.<br>To minutter.</p>');
    await page.keyboard.press('Enter');
    const sent = await page.evaluate(() => window.__fixture.sent);
    assert.equal(sent.length, 1);
    assert.match(sent[0].text, /Hei Nora![\s\S]*To minutter\./);
    await page.close();
  });
});

describe('Freshdesk with a real Froala editor', () => {
  it('mounts Froala and reads the 2026 page (shadow-root contact, title subject)', async () => {
    const { page } = await open('acme.freshdesk.com', '/a/tickets/5001', { bridge: false });
    assert.equal(
      await page
        .locator('.rich-editor .fr-box .fr-wrapper .fr-element.fr-view[contenteditable="true"]')
        .count(),
      1,
    );
    const snap = await page.evaluate(() => window.__calmdesk.readPage());
    assert.equal(snap.subject, 'Trasig diskmaskin – tredje kontakten');
    assert.equal(snap.requester.name, 'Karin Sjöberg');
    assert.deepEqual(
      snap.messages.map((m) => m.role),
      ['customer', 'note', 'agent', 'customer', 'agent'],
    );
    await page.close();
  });

  it('inserts at the remembered caret with line breaks and the cursor; Froala undo removes it', async () => {
    const { page } = await open('acme.freshdesk.com', '/a/tickets/5001', { bridge: false });
    const html = () =>
      page.evaluate(() =>
        window.__fixture
          .editor()
          .html.get()
          .replace(/<p data-f-id="pbf"[\s\S]*$/, ''),
      );
    const editor = page.locator('.fr-element.fr-view');
    await editor.click();
    await page.keyboard.type('Hej ');
    await page.waitForTimeout(300);
    // The agent clicks elsewhere (as when the side panel takes the focus).
    await page.locator('h1[data-test-title="main-title"]').click();
    const result = await page.evaluate(() =>
      window.__calmdesk.insert('Karin,\n\nVi <ringer> dig.\nMvh Erik', 6),
    );
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.via, 'paste');
    assert.match(await html(), /^<p>Hej&nbsp;Karin,<br[^>]*><br>Vi &lt;ringer&gt; dig\.<br>Mvh Erik<\/p>$/);
    assert.equal(
      await page.evaluate(() => document.querySelectorAll('.fr-element img, .fr-element script').length),
      0,
    );
    // The caret sits at the cursor offset (after "Karin,").
    await page.keyboard.type('Q');
    assert.match(await html(), /Karin,Q<br/);
    // Froala's own undo (its toolbar button; Ctrl+Z is not bound in this unlicensed build, measured).
    // Undo until the inserted text is gone (the typed "Q" may be its own step): "Hej " must remain.
    for (let i = 0; i < 2 && /Karin/.test(await html()); i++) {
      await page.evaluate(() => window.__fixture.editor().undo.run());
    }
    assert.equal(await html(), '<p>Hej&nbsp;</p>');
    await page.close();
  });

  it('follows an Ember-style ticket switch', async () => {
    const { page } = await open('acme.freshdesk.com', '/a/tickets/5001', { bridge: false });
    await page.evaluate(() => window.__fixture.open('5002'));
    const snap = await page.evaluate(() => window.__calmdesk.readPage());
    assert.equal(snap.ticketId, '5002');
    assert.equal(snap.requester.firstName, 'Aino');
    assert.equal(snap.composerMode, 'internal');
    await page.close();
  });
});

describe('unknown views', () => {
  it('a Zendesk dashboard is unsupported with a sentence', async () => {
    const { page, errors } = await open('acme.zendesk.com', '/agent/dashboard', { bridge: false });
    const result = await page.evaluate(() => window.__calmdesk.readPage());
    assert.equal(result.unreadable, true);
    assert.match(result.reason, /not a ticket/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
