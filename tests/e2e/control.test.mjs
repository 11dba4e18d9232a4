// Issue 11: the agent stays in control. Correcting the type re-ranks at once and survives a ticket switch,
// reset returns to the analysis, a dismissed cue loses its chip, a phrase with a fill-in field asks for it
// and the filled text lands in the real CKEditor 5 and Froala, and a customer-facing phrase going into an
// internal note asks for confirmation first.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeAll, expectPanel, launch, openReady, panelState } from './harness.mjs';
import { freshdeskTicket, zendeskTicket } from './helpers/tickets.mjs';

const WAIT = 15_000;

const MESSAGES = {
  // Classifies as angry with anger, frustration, urgency, disappointment and shouting cues.
  enAngry:
    'This is absolutely ridiculous! I have waited three weeks for a dishwasher that arrived broken, and nobody at your company cares. I am so fed up with your terrible service!!!',
  enImpatient:
    'Hi, I need an answer today. When will my parcel arrive? This is really urgent, I cannot wait any longer. Please reply as soon as possible.',
  svIndecisive:
    'Hej, jag är osäker på om jag ska välja den röda eller den blå jackan. Jag vet inte riktigt vad som passar mig bäst. Vilken ska jag välja? Jag är rädd att göra fel val.',
  enNeutral: 'Hi, do you have this jacket in size M in stock?',
};

let env;
before(async () => {
  env = await launch();
  env.server.addTicket('zendesk', zendeskTicket('7301', 'en', MESSAGES.enAngry));
  env.server.addTicket(
    'zendesk',
    zendeskTicket('7302', 'sv', MESSAGES.svIndecisive, { name: 'Sven Lindqvist' }),
  );
  env.server.addTicket('zendesk', zendeskTicket('7303', 'en', MESSAGES.enImpatient));
  env.server.addTicket('zendesk', zendeskTicket('7304', 'en', MESSAGES.enNeutral));
  env.server.addTicket('zendesk', zendeskTicket('7305', 'en', MESSAGES.enNeutral));
  env.server.addTicket('freshdesk', freshdeskTicket('7401', 'en', MESSAGES.enImpatient));
});
after(async () => {
  await env?.close();
});

/** Plain text of the active ticket's reply editor (CKEditor 5 on Zendesk, Froala on Freshdesk). */
function editorText(page) {
  return page.evaluate(() => {
    const f = window.__fixture;
    const element =
      f.kind === 'zendesk'
        ? document.querySelector(
            `main#main_panes > [data-pane-ticket="${f.state.activeId}"] .ck-editor__editable`,
          )
        : f.editor()?.el;
    return (element?.innerText ?? '').replace(/\u00a0/g, ' ');
  });
}

function waitForEditorText(page, needle) {
  return page.waitForFunction(
    (needle) => {
      const f = window.__fixture;
      const element =
        f.kind === 'zendesk'
          ? document.querySelector(
              `main#main_panes > [data-pane-ticket="${f.state.activeId}"] .ck-editor__editable`,
            )
          : f.editor()?.el;
      return (element?.innerText ?? '').replace(/\u00a0/g, ' ').includes(needle);
    },
    needle,
    { timeout: WAIT },
  );
}

async function correctTo(panel, type) {
  await panel.click('[data-testid="type-correct"]');
  await panel.click(`[data-testid="type-option"][data-type="${type}"]`);
}

test('correcting the type changes data-type and the suggestions, survives a ticket switch, and resets', async () => {
  const { page, panel } = await openReady(env, 'https://acme.zendesk.com/agent/tickets/7305');
  try {
    await expectPanel(panel, 'en', 'neutral');
    const analysed = await panelState(panel);
    assert.equal(analysed.corrected, 'false');
    assert.equal(
      await panel.locator('[data-testid="reset-correction"]').count(),
      0,
      'reset shown before a change',
    );

    await correctTo(panel, 'intimidating');
    await expectPanel(panel, 'en', 'intimidating');
    const corrected = await panelState(panel);
    assert.equal(corrected.corrected, 'true');
    // The suggestions re-rank: the seed articles lead an intimidating customer with a boundary (a calm
    // ticket, so no cue pulls another stage up; neutral leads with solve).
    assert.notDeepEqual(corrected.phrases, analysed.phrases, 'the suggestions did not change');
    assert.ok(
      ['boundary', 'escalate'].includes(corrected.stages[0]),
      `first stage after the correction: ${corrected.stages[0]}`,
    );
    assert.notEqual(corrected.stages[0], analysed.stages[0]);

    // Another ticket (its own analysis, no correction), then back: the correction is still there.
    await page.evaluate(() => window.__fixture.open('7302'));
    await expectPanel(panel, 'sv', 'indecisive');
    assert.equal((await panelState(panel)).corrected, 'false', 'the correction leaked into another ticket');
    await page.evaluate(() => window.__fixture.open('7305'));
    await expectPanel(panel, 'en', 'intimidating');
    assert.equal((await panelState(panel)).corrected, 'true');

    await panel.click('[data-testid="reset-correction"]');
    await expectPanel(panel, 'en', 'neutral');
    const reset = await panelState(panel);
    assert.equal(reset.corrected, 'false');
    assert.deepEqual(reset.stages, analysed.stages, 'reset did not restore the stage order');
    assert.deepEqual(reset.phrases, analysed.phrases, 'reset did not restore the suggestions');
  } finally {
    await closeAll(page, panel);
  }
});

test('dismissing a cue removes its chip and keeps the others', async () => {
  const { page, panel } = await openReady(env, 'https://acme.zendesk.com/agent/tickets/7301');
  try {
    await expectPanel(panel, 'en', 'angry');
    const before = (await panelState(panel)).cues;
    assert.ok(before.length >= 2, `expected several cues for an angry, shouting customer: ${before}`);
    const cue = before.includes('shouting') ? 'shouting' : before[0];
    await panel.click(`[data-testid="cue"][data-cue="${cue}"] [data-testid="cue-dismiss"]`);
    await panel.waitForSelector(`[data-testid="cue"][data-cue="${cue}"]`, {
      state: 'detached',
      timeout: WAIT,
    });
    const after = (await panelState(panel)).cues;
    assert.deepEqual(
      after,
      before.filter((c) => c !== cue),
      'other chips changed',
    );
    // The dismissal is a correction: reset brings the chip back.
    await panel.click('[data-testid="reset-correction"]');
    await panel.waitForSelector(`[data-testid="cue"][data-cue="${cue}"]`, { timeout: WAIT });
  } finally {
    await closeAll(page, panel);
  }
});

/** Inserts the first suggestion needing {{fill.time}}, gives the time, and checks the editor. */
async function insertWithTime(page, panel, time) {
  const card = panel
    .locator('[data-testid="stage"] [data-testid="suggestion"]')
    .filter({ hasText: /\[time\]/ })
    .first();
  await card.waitFor({ timeout: WAIT });
  const cardText = ((await card.locator('.suggestion-text').textContent()) ?? '').trim();
  await card.locator('[data-testid="insert"]').click();
  const field = card.locator('[data-testid="fill-field"][data-field="fill.time"]');
  await field.waitFor({ timeout: WAIT });
  // Nothing may land before the agent gave the value.
  assert.equal((await editorText(page)).trim(), '', 'text was inserted before the time was given');
  const fields = card.locator('[data-testid="fill-field"]');
  for (let i = 0; i < (await fields.count()); i++) {
    const name = await fields.nth(i).getAttribute('data-field');
    await fields.nth(i).fill(name === 'fill.time' ? time : name === 'fill.date' ? '24 November' : '€20');
  }
  await card.locator('[data-testid="fill-submit"]').click();
  const expected = cardText.replace('[time]', time);
  await waitForEditorText(page, time);
  const text = (await editorText(page)).replace(/\s+/g, ' ').trim();
  if (!/\[[^\]]+\]/.test(expected)) assert.ok(text.includes(expected), `expected "${expected}" in "${text}"`);
  assert.doesNotMatch(text, /\[time\]|\{\{/, `an unfilled field landed: ${text}`);
  await card.locator('[data-testid="fill-field"]').waitFor({ state: 'detached', timeout: WAIT });
}

test('an impatient customer: a phrase with {{fill.time}} asks for the time, then lands in CKEditor 5', async () => {
  const { page, panel } = await openReady(env, 'https://acme.zendesk.com/agent/tickets/7303');
  try {
    await expectPanel(panel, 'en', 'impatient');
    await insertWithTime(page, panel, '3 pm today');
    const data = await page.evaluate(async () => (await window.__fixture.editor()).getData());
    assert.match(data, /3 pm today/, `CKEditor's model lacks the text: ${data}`);
  } finally {
    await closeAll(page, panel);
  }
});

test('an impatient customer on Freshdesk: the filled phrase lands in the real Froala', async () => {
  const { page, panel } = await openReady(env, 'https://acme.freshdesk.com/a/tickets/7401');
  try {
    await expectPanel(panel, 'en', 'impatient');
    await insertWithTime(page, panel, '4 pm today');
    const html = await page.evaluate(() => window.__fixture.editor().html.get());
    assert.match(html, /4 pm today/, `Froala's content lacks the text: ${html}`);
  } finally {
    await closeAll(page, panel);
  }
});

test('a customer-facing phrase into an internal note asks for confirmation first', async () => {
  const { page, panel } = await openReady(env, 'https://acme.zendesk.com/agent/tickets/7304');
  try {
    await expectPanel(panel, 'en', 'neutral');
    await page.evaluate(() => window.__fixture.setMode('internal'));
    const card = panel
      .locator('[data-testid="stage"] [data-testid="suggestion"]')
      .filter({ hasNotText: /\[[^\]]+\]/ })
      .first();
    const text = ((await card.locator('.suggestion-text').textContent()) ?? '').trim();
    await card.locator('[data-testid="insert"]').click();
    await panel.waitForSelector('[data-testid="confirm-internal"]', { timeout: WAIT });
    assert.equal((await editorText(page)).trim(), '', 'inserted into the internal note without asking');

    // Cancel keeps the note empty.
    await panel.click('[data-testid="confirm-internal-cancel"]');
    await panel.waitForSelector('[data-testid="confirm-internal"]', { state: 'detached', timeout: WAIT });
    assert.equal((await editorText(page)).trim(), '', 'cancel still inserted');

    // Confirm inserts.
    await card.locator('[data-testid="insert"]').click();
    await panel.click('[data-testid="confirm-internal"]');
    await waitForEditorText(page, text.slice(0, 20));
    assert.ok(
      (await editorText(page)).replace(/\s+/g, ' ').includes(text),
      'the confirmed text did not land',
    );

    // Back in public-reply mode, insert goes straight in without asking.
    await page.evaluate(() => window.__fixture.setMode('public'));
    const other = panel
      .locator('[data-testid="stage"] [data-testid="suggestion"]')
      .filter({ hasNotText: /\[[^\]]+\]/ })
      .nth(1);
    const otherText = ((await other.locator('.suggestion-text').textContent()) ?? '').trim();
    await other.locator('[data-testid="insert"]').click();
    await waitForEditorText(page, otherText.slice(0, 20));
    assert.equal(await panel.locator('[data-testid="confirm-internal"]').count(), 0);
  } finally {
    await closeAll(page, panel);
  }
});
