// Issue 3: a team whose Freshdesk runs on its own domain adds it in the options page; the extension
// registers its content scripts there at runtime and the panel reads the ticket. Removing the domain
// unregisters them. (The dev build already holds the test domain's permission, so Chrome grants the
// request without its prompt: see wxt.config.ts.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, inWorker, launch, openReady, panelState, tabIdOf } from './harness.mjs';
import { freshdeskTicket } from './helpers/tickets.mjs';

const HOST = 'support.example.com';
const TICKET_URL = `https://${HOST}/a/tickets/7601`;
const TEXT =
  'Hei! Dette er tredje gang jeg skriver. Pakken skulle komme mandag, og nå er det fredag. Hvor er den?';

let env;
before(async () => {
  env = await launch();
  env.server.addTicket('freshdesk', freshdeskTicket('7601', 'nb', TEXT, 'Kari Nordmann'));
});
after(async () => {
  await env?.close();
});

/** Whether a content script answers in the tab (a message with no receiver rejects). */
const hasContentScript = (tabId) =>
  inWorker(
    env,
    (tabId) =>
      chrome.tabs.sendMessage(tabId, { type: 'ui/reread' }, { frameId: 0 }).then(
        () => true,
        () => false,
      ),
    tabId,
  );

/** Ids of the content scripts registered for HOST, once they are (or are no longer) there, within 5 s. */
async function scriptsForHost(expectPresent) {
  let ids = [];
  for (let i = 0; i < 50; i++) {
    ids = await inWorker(
      env,
      async (host) =>
        (await chrome.scripting.getRegisteredContentScripts())
          .map((s) => s.id)
          .filter((id) => id.endsWith(host)),
      HOST,
    );
    if (ids.length > 0 === expectPresent) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ids;
}

test('a custom domain added in options gets the content scripts, and the panel reads its tickets', async () => {
  // Before: the page on the team's domain is not read.
  const before = await openReady(env, TICKET_URL);
  assert.equal(await hasContentScript(await tabIdOf(env, before.page)), false, 'not read before it is added');
  await closeAll(before.page, before.panel);

  const options = await env.context.newPage();
  await options.goto(env.optionsUrl());
  await options.fill('[data-testid="domain-input"]', `https://${HOST}/a/tickets`);
  await options.click('[data-testid="domain-add"]');
  await options.waitForSelector(`[data-testid="domain"][data-host="${HOST}"][data-granted="true"]`);
  await options.waitForFunction(() => !document.querySelector('[data-testid="domain-input"]').value);
  assert.ok((await scriptsForHost(true)).length > 0, 'content scripts registered');

  const { page, panel } = await openReady(env, TICKET_URL);
  await panel.waitForFunction(
    () => document.querySelector('[data-testid="status"]')?.dataset.state === 'ready',
    undefined,
    { timeout: 15_000 },
  );
  const state = await panelState(panel);
  assert.equal(state.lang, 'nb');
  assert.ok(state.cues.includes('repeatContact'), `cues: ${state.cues}`);
  assert.ok(state.phrases.length > 0, 'suggestions shown');

  // Removing the domain unregisters the scripts.
  await options.click(`[data-testid="domain"][data-host="${HOST}"] [data-testid="domain-remove"]`);
  assert.deepEqual(await scriptsForHost(false), [], 'content scripts unregistered');
  await closeAll(page, panel, options);
});
