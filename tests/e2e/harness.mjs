// Launches Debian's Chromium with the built extension and the fixture helpdesk server, under the real
// helpdesk hostnames (--host-resolver-rules). Shared by the e2e tests and `npm run demo`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startHelpdeskServer } from '../fixtures/helpdesk/server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Fixed by the manifest `key` of dev/test builds (wxt.config.ts). */
export const EXTENSION_ID = 'kgomdbfplngcojfapkcmaphjodkikmkg';

export function assertBuilt() {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: run `npm run build` first (npm test does it for you).');
  }
  // Checked before the fixture server starts: a failed launch with the server listening kept the test
  // process alive, so a machine without Chromium hung instead of failing.
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH.`,
    );
  }
}

/**
 * @param {{ headless?: boolean, cdp?: boolean, extraArgs?: string[], server?: any, packServerPort?: number }} [options]
 */
export async function launch(options = {}) {
  assertBuilt();
  const server = options.server ?? (await startHelpdeskServer({ https: true }));
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdesk-e2e-'));
  const hostRules = [
    `MAP *.zendesk.com 127.0.0.1:${server.port}`,
    `MAP *.freshdesk.com 127.0.0.1:${server.port}`,
    `MAP support.example.com 127.0.0.1:${server.port}`,
    ...(options.packServerPort ? [`MAP packs.example.com 127.0.0.1:${options.packServerPort}`] : []),
  ];
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${hostRules.join(', ')}`,
    '--ignore-certificate-errors',
    ...(options.cdp ? ['--remote-debugging-port=0'] : []),
    ...(options.extraArgs ?? []),
  ];
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: options.headless ?? true,
      args,
      viewport: { width: 1280, height: 800 },
      ignoreHTTPSErrors: true,
    })
    .catch(async (error) => {
      if (!options.server) await server.close();
      throw error;
    });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  let cdpEndpoint;
  if (options.cdp) {
    const file = path.join(userDataDir, 'DevToolsActivePort');
    for (let i = 0; i < 50 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    cdpEndpoint = `http://127.0.0.1:${fs.readFileSync(file, 'utf8').split('\n')[0]}`;
  }
  return {
    context,
    worker,
    extensionId,
    server,
    cdpEndpoint,
    userDataDir,
    panelUrl: (tabId) => `chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`,
    optionsUrl: () => `chrome-extension://${extensionId}/options.html`,
    async close() {
      await context.close().catch(() => undefined);
      if (!options.server) await server.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs fn(arg) in the extension's service worker. A read in flight there failed twice in some forty CI runs with
 * "Resulting promise was garbage collected" (stops 33 and 34; holding the promise on the worker's global did not
 * prevent it): Playwright reports so when the promise it awaits in the worker is collected, while a worker that
 * was stopped reads "Service worker restarted" instead. Such a read is tried again, up to three times in all.
 */
export async function inWorker(env, fn, arg) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await env.worker.evaluate(fn, arg);
    } catch (error) {
      if (attempt === 3 || !/garbage collected/i.test(String(error?.message))) throw error;
    }
  }
}

/** The Chromium tab id of a page, read by the extension itself (tabs.query by URL). */
export async function tabIdOf(env, page) {
  const url = page.url();
  const id = await inWorker(
    env,
    async (target) => (await chrome.tabs.query({})).find((t) => t.url === target)?.id,
    url,
  );
  if (id === undefined) throw new Error(`no tab with url ${url}`);
  return id;
}

/** Opens a helpdesk page and the side panel pinned to it (as a tab, design.md 3.2). */
export async function openTicketWithPanel(env, url) {
  const page = await env.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(env, page);
  const panel = await env.context.newPage();
  await panel.goto(env.panelUrl(tabId));
  return { page, panel, tabId };
}

/** Opens a helpdesk page, waits for its editor to mount, then opens the panel pinned to its tab. */
export async function openReady(env, url, timeout = 15_000) {
  const page = await env.context.newPage();
  await page.goto(url);
  await page.waitForSelector('html[data-fixture-ready="true"]', { timeout });
  const panel = await env.context.newPage();
  await panel.goto(env.panelUrl(await tabIdOf(env, page)));
  return { page, panel };
}

export async function closeAll(...pages) {
  for (const page of pages) await page?.close().catch(() => undefined);
}

/** What the panel shows, through the design.md 3.2 test ids: for assertions that explain themselves. */
export const panelState = (panel) =>
  panel.evaluate(() => ({
    state: document.querySelector('[data-testid="status"]')?.dataset.state,
    reason: document.querySelector('[data-testid="status"]')?.dataset.reason,
    lang: document.querySelector('[data-testid="language"]')?.dataset.lang,
    type: document.querySelector('[data-testid="customer-type"]')?.dataset.type,
    corrected: document.querySelector('[data-testid="customer-type"]')?.dataset.corrected,
    cues: [...document.querySelectorAll('[data-testid="cue"]')].map((c) => c.dataset.cue),
    stages: [...document.querySelectorAll('[data-testid="stage"]')].map((s) => s.dataset.stage),
    phrases: [...document.querySelectorAll('[data-testid="stage"] [data-testid="suggestion"]')].map(
      (s) => s.dataset.phraseId,
    ),
  }));

/** Waits for the panel to show lang and type (status ready); the failure says what it showed instead. */
export async function expectPanel(panel, lang, type, timeout = 15_000) {
  try {
    await panel.waitForFunction(
      ([lang, type]) =>
        document.querySelector('[data-testid="status"]')?.dataset.state === 'ready' &&
        document.querySelector('[data-testid="language"]')?.dataset.lang === lang &&
        document.querySelector('[data-testid="customer-type"]')?.dataset.type === type,
      [lang, type],
      { timeout },
    );
  } catch {
    assert.fail(`expected ready/${lang}/${type}; the panel shows ${JSON.stringify(await panelState(panel))}`);
  }
}
