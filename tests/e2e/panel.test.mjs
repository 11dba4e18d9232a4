// Issue 7: the panel tells the truth in every state, works from the keyboard, and looks right in each
// language, light and dark. Screenshots (panel, and panel beside the ticket) go to test-results/screenshots/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, openTicketWithPanel, ROOT } from './harness.mjs';

const SHOTS = path.join(ROOT, 'test-results/screenshots');
let env;
before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  env = await launch();
});
after(async () => {
  await env?.close();
});

const state = (panel) => panel.getAttribute('[data-testid="status"]', 'data-state');
const settled = (panel) =>
  panel.waitForSelector('[data-testid="status"]:not([data-state="loading"])', { timeout: 15_000 });

test('no helpdesk tab: a plain sentence and what to do', async () => {
  const panel = await env.context.newPage();
  await panel.goto(`chrome-extension://${env.extensionId}/sidepanel.html`);
  await settled(panel);
  assert.equal(await state(panel), 'no-ticket');
  assert.match(await panel.textContent('[data-testid="status"]'), /Zendesk|Freshdesk/);
  assert.equal(await panel.locator('[data-testid="customer-type"]').count(), 0);
  await panel.close();
});

test('a helpdesk view Calmdesk cannot read: unsupported, with the selection fallback', async () => {
  const { page, panel } = await openTicketWithPanel(env, 'https://acme.zendesk.com/agent/dashboard');
  await panel.waitForSelector('[data-testid="status"][data-state="unsupported"]', { timeout: 15_000 });
  assert.ok(await panel.locator('[data-testid="analyse-selection"]').isVisible());
  assert.equal(await panel.locator('[data-testid="suggestion"]').count(), 0, 'never a wrong analysis');
  await page.close();
  await panel.close();
});

test('a language Calmdesk does not support (Danish): said plainly, no type', async () => {
  env.server.addTicket('zendesk', {
    id: '7301',
    kind: 'ticket',
    lang: 'da',
    subject: 'Min pakke er ikke kommet',
    requester: { id: '901', name: 'Mette Jensen', email: 'mette@example.dk' },
    agent: { id: '80', name: 'Ola Hansen' },
    mode: 'public',
    messages: [
      {
        role: 'customer',
        author: 'Mette Jensen',
        at: '2026-11-22T10:00:00Z',
        html: '<p>Hej, jeg har stadig ikke modtaget min pakke, og jeg har ventet i over to uger. Hvad sker der?</p>',
      },
    ],
  });
  const { page, panel } = await openTicketWithPanel(env, 'https://acme.zendesk.com/agent/tickets/7301');
  await panel.waitForSelector('[data-testid="status"][data-state="unsupported"]', { timeout: 15_000 });
  assert.equal(await panel.getAttribute('[data-testid="language"]', 'data-lang'), 'da');
  assert.match(await panel.textContent('[data-testid="status"]'), /Danish/);
  assert.equal(await panel.locator('[data-testid="customer-type"]').count(), 0);
  await page.close();
  await panel.close();
});

test('a ticket with no customer message yet says so', async () => {
  env.server.addTicket('zendesk', {
    id: '7302',
    kind: 'ticket',
    lang: 'en',
    subject: 'Outbound: your invoice',
    requester: { id: '902', name: 'Sam Lee', email: 'sam@example.com' },
    agent: { id: '80', name: 'James Miller' },
    mode: 'public',
    messages: [
      {
        role: 'agent',
        author: 'James Miller',
        at: '2026-11-22T10:00:00Z',
        html: '<p>Hi Sam, your invoice is attached.</p>',
      },
    ],
  });
  const { page, panel } = await openTicketWithPanel(env, 'https://acme.zendesk.com/agent/tickets/7302');
  await panel.waitForSelector('[data-testid="status"][data-reason="empty"]', { timeout: 15_000 });
  assert.equal(await state(panel), 'no-ticket');
  await page.close();
  await panel.close();
});

test('keyboard: 1 inserts the top suggestion of the first stage, c composes, Esc closes', async () => {
  // A ticket whose top suggestion has no fill-in field (one with a field asks for it first: control.test.mjs).
  const { page, panel } = await openTicketWithPanel(env, 'https://acme.zendesk.com/agent/tickets/1001');
  await panel.waitForSelector('[data-testid="status"][data-state="ready"]', { timeout: 15_000 });
  await page.waitForSelector('html[data-fixture-ready="true"]', { timeout: 15_000 });
  const first = panel.locator('[data-testid="suggestion"]').first();
  const topText = (await first.locator('.suggestion-text').textContent()).trim();
  assert.doesNotMatch(topText, /\[/, 'the top suggestion needs no fill-in field');
  const expected = topText.slice(0, 25);
  await panel.locator('body').press('1');
  await page.waitForFunction(
    (start) =>
      document.querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]')?.textContent.includes(start),
    expected,
    { timeout: 10_000 },
  );
  await panel.locator('body').press('c');
  await panel.waitForSelector('[data-testid="compose-dialog"]', { state: 'visible', timeout: 5_000 });
  await panel.keyboard.press('Escape');
  await panel.waitForSelector('[data-testid="compose-dialog"]', { state: 'detached', timeout: 5_000 });
  // Every action is a real button: reachable with Tab, named for screen readers.
  const unnamed = await panel.$$eval(
    'button',
    (buttons) => buttons.filter((b) => !(b.textContent?.trim() || b.getAttribute('aria-label'))).length,
  );
  assert.equal(unnamed, 0, 'every button has a name');
  await panel.keyboard.press('Tab');
  const focused = await panel.evaluate(() => document.activeElement?.tagName);
  assert.ok(['BUTTON', 'SELECT', 'INPUT', 'A'].includes(focused), `Tab reaches a control, got ${focused}`);
  await page.close();
  await panel.close();
});

for (const [lang, url] of [
  ['nb', 'https://acme.zendesk.com/agent/tickets/1001'],
  ['sv', 'https://acme.zendesk.com/agent/tickets/1002'],
  ['fi', 'https://acme.zendesk.com/agent/tickets/1003'],
  ['en', 'https://acme.freshdesk.com/a/tickets/5003'],
]) {
  test(`screenshots in ${lang}, light and dark, UI in the same language`, async () => {
    const { page, panel } = await openTicketWithPanel(env, url);
    // The agent's UI language follows the options override: set it to the ticket's language.
    await panel.evaluate(async (uiLanguage) => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, uiLanguage } });
    }, lang);
    await panel.reload();
    await panel.waitForSelector('[data-testid="status"][data-state="ready"]', { timeout: 15_000 });
    assert.equal(await panel.evaluate(() => document.documentElement.lang), lang);
    await page.waitForSelector('html[data-fixture-ready="true"]', { timeout: 15_000 }).catch(() => undefined);
    await panel.setViewportSize({ width: 420, height: 900 });
    for (const scheme of ['light', 'dark']) {
      await panel.emulateMedia({ colorScheme: scheme });
      const bg = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const panelPng = path.join(SHOTS, `panel-${lang}-${scheme}.png`);
      await panel.screenshot({ path: panelPng });
      const ticketPng = path.join(SHOTS, `ticket-${lang}.png`);
      await page.screenshot({ path: ticketPng });
      await sideBySide(ticketPng, panelPng, path.join(SHOTS, `beside-${lang}-${scheme}.png`));
      if (scheme === 'dark') assert.notEqual(bg, 'rgb(255, 255, 255)', 'dark theme follows the system');
    }
    await panel.evaluate(async () => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...settings, uiLanguage: 'auto' } });
    });
    await page.close();
    await panel.close();
  });
}

async function sideBySide(ticketPng, panelPng, outPng) {
  const data = (file) => `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 1700, height: 900 });
  await page.setContent(
    `<body style="margin:0;display:flex;background:#ccc"><img src="${data(ticketPng)}" style="width:1280px;height:800px;object-fit:cover;object-position:top left"><img src="${data(panelPng)}" style="width:420px;height:900px"></body>`,
  );
  await page.screenshot({ path: outPng });
  await page.close();
}
