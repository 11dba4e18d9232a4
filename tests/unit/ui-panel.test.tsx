// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationAnalysis } from '../../src/core/analysis';
import { clearMemos } from '../../src/ui/derive';
import { App } from '../../src/ui/panel/App';
import { resetPanel, setPorts, usePanel } from '../../src/ui/store';
import { CUSTOMER_TEXT, type FakePorts, fakeAnalysis, fakePorts, flush, snapshot } from './ui-fixtures';

const classifier = vi.hoisted(() => ({ next: undefined as ConversationAnalysis | undefined }));
vi.mock('../../src/core/classify', () => ({
  analyzeConversation: () => classifier.next,
}));

let root: HTMLElement;
let ports: FakePorts;
const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const state = () => usePanel.getState();

async function mount(setup: () => void) {
  await act(() => {
    setup();
    render(<App />, root);
  });
}

async function click(element: HTMLElement | null) {
  expect(element).not.toBeNull();
  await act(async () => {
    element?.click();
    await flush();
  });
}

async function key(keyName: string, target: EventTarget = document.body) {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true }));
    await flush();
  });
}

beforeEach(() => {
  clearMemos();
  resetPanel();
  ports = fakePorts();
  setPorts(ports);
  classifier.next = fakeAnalysis();
  root = document.createElement('div');
  document.body.append(root);
  state().setUiLang('en');
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('side panel states', () => {
  it('says when no helpdesk tab is open', async () => {
    await mount(() => state().setTab(undefined));
    expect($('[data-testid="status"]')?.dataset.state).toBe('no-ticket');
    expect($('[data-testid="status"]')?.textContent).toContain('Open a ticket in Zendesk or Freshdesk');
    expect($('[data-testid="customer-type"]')).toBeNull();
  });

  it('shows loading, then an unreadable page with the selection fallback', async () => {
    await mount(() => state().setTab(3));
    expect($('[data-testid="status"]')?.dataset.state).toBe('loading');
    await act(() =>
      state().setSnapshot({ unreadable: true, url: 'https://a.zendesk.com/', reason: 'No ticket' }),
    );
    expect($('[data-testid="status"]')?.dataset.state).toBe('unsupported');
    expect($('[data-testid="status"]')?.dataset.reason).toBe('unreadable');
    expect($('[data-testid="analyse-selection"]')?.textContent).toBe('Analyse selected text');
  });

  it('says when the customer has not written yet, and shows errors in a plain sentence', async () => {
    await mount(() => {
      state().setTab(3);
      state().setSnapshot(snapshot({ messages: [] }));
    });
    expect($('[data-testid="status"]')?.dataset.state).toBe('no-ticket');
    expect($('[data-testid="status"]')?.textContent).toContain('no message from the customer');
    await act(() => state().setPhase('error', 'Storage is full.'));
    expect($('[data-testid="status"]')?.dataset.state).toBe('error');
    expect($('[data-testid="status"]')?.textContent).toContain('Storage is full.');
  });

  it('names an unsupported language and never shows a type', async () => {
    classifier.next = fakeAnalysis({ lang: 'da', supported: false, customerType: null, cues: [] });
    await mount(() => {
      state().setTab(3);
      state().setSnapshot(snapshot());
    });
    expect($('[data-testid="status"]')?.dataset.state).toBe('unsupported');
    expect($('[data-testid="status"]')?.textContent).toContain('Danish');
    expect($('[data-testid="language"]')?.dataset.lang).toBe('da');
    expect($('[data-testid="customer-type"]')).toBeNull();
    expect($$('[data-testid="cue"]')).toHaveLength(0);
    expect($$('[data-testid="suggestion"]')).toHaveLength(0);
  });

  it('notes nynorsk', async () => {
    classifier.next = fakeAnalysis({ variant: 'nn' });
    await mount(() => {
      state().setTab(3);
      state().setSnapshot(snapshot());
    });
    expect($('[data-testid="nynorsk-note"]')?.textContent).toBe('Written in nynorsk — suggestions in bokmål');
  });
});

describe('side panel with a ticket', () => {
  beforeEach(async () => {
    await mount(() => {
      state().setTab(5);
      state().setSnapshot(snapshot());
    });
  });

  it('leads with the need, the cues and suggestions carrying the contract test ids', () => {
    expect($('[data-testid="status"]')?.dataset.state).toBe('ready');
    expect($('[data-testid="language"]')?.dataset.lang).toBe('nb');
    const type = $('[data-testid="customer-type"]');
    expect(type?.dataset.type).toBe('impatient');
    expect(type?.textContent).toContain('In a hurry: give a concrete time');
    expect(type?.textContent).toContain('80% sure');
    expect($('[data-testid="type-evidence"]')?.textContent).toBe(
      `Words that point to this: ${CUSTOMER_TEXT.slice(60, 70)}`,
    );
    expect($$('[data-testid="cue"]').map((c) => c.dataset.cue)).toEqual(['urgency', 'shouting']);
    const suggestions = $$('[data-testid="suggestion"]');
    expect(suggestions.length).toBeGreaterThan(3);
    for (const s of suggestions) {
      expect(s.dataset.stage).toBeTruthy();
      expect(s.dataset.lang).toBe('nb');
      expect(s.dataset.phraseId).toMatch(/^nb\./);
      expect(s.querySelector('[data-testid="insert"]')).not.toBeNull();
      expect(s.querySelector('[data-testid="copy"]')).not.toBeNull();
    }
    const label = $('[data-testid="trajectory"]')?.getAttribute('aria-label') ?? '';
    expect(label).toContain('One message so far');
    expect(label).toContain('heated');
  });

  it('shows the customer’s own words for a cue, highlighted', async () => {
    await click($('[data-cue="shouting"] [data-testid="cue-show"]'));
    const evidence = $('[data-testid="evidence"]');
    expect(evidence?.dataset.cue).toBe('shouting');
    expect(evidence?.querySelector('mark')?.textContent).toBe('TRE');
    expect(evidence?.textContent).toContain(CUSTOMER_TEXT.slice(0, 16));
    await key('Escape');
    expect($('[data-testid="evidence"]')).toBeNull();
  });

  it('corrects the type with one click, re-ranks, and resets', async () => {
    const firstStages = $$('[data-testid="stage"]').map((s) => s.dataset.stage);
    await click($('[data-testid="type-correct"]'));
    expect($('[role="menu"]')).not.toBeNull();
    await click($('[data-testid="type-option"][data-type="intimidating"]'));
    expect($('[data-testid="customer-type"]')?.dataset.type).toBe('intimidating');
    expect($('[data-testid="customer-type"]')?.textContent).toContain('Crossing a line');
    // The words were reasons for the classifier's type, not for the agent's correction.
    expect($('[data-testid="type-evidence"]')).toBeNull();
    const corrected = $$('[data-testid="stage"]').map((s) => s.dataset.stage);
    expect(corrected).not.toEqual(firstStages);
    expect(corrected.slice(0, 3)).toContain('boundary');
    await click($('[data-testid="reset-correction"]'));
    expect($('[data-testid="customer-type"]')?.dataset.type).toBe('impatient');
    expect($('[data-testid="reset-correction"]')).toBeNull();
  });

  it('dismisses a cue with its ×', async () => {
    await click($('[data-cue="urgency"] [data-testid="cue-dismiss"]'));
    expect($$('[data-testid="cue"]').map((c) => c.dataset.cue)).toEqual(['shouting']);
    expect($('[data-testid="reset-correction"]')).not.toBeNull();
  });

  it('inserts with a click and with keys 1–9, and reports in the live region', async () => {
    const first = $('[data-testid="suggestion"]');
    await click(first?.querySelector('[data-testid="insert"]') ?? null);
    const fields = $$('[data-testid="fill-field"]');
    if (fields.length) {
      // This phrase needs a time or date: the inline form is focused and Enter confirms.
      expect(document.activeElement).toBe(fields[0]);
      await act(async () => {
        for (const field of fields) {
          (field as HTMLInputElement).value = '14:00';
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }
        await flush();
      });
      await click($('[data-testid="fill-submit"]'));
    }
    expect(ports.inserts).toHaveLength(1);
    expect($('[data-testid="live"]')?.textContent).toBe('Inserted');

    const secondStage = $$('[data-testid="stage"]')[1];
    const top = secondStage.querySelector<HTMLElement>('[data-testid="suggestion"]');
    await key('2');
    const needsFill = $$('[data-testid="fill-field"]').length > 0;
    if (!needsFill)
      expect(ports.inserts.at(-1)?.text).toBe(top?.querySelector('.suggestion-text')?.textContent);
    else expect($('[data-testid="fill-form"]')).not.toBeNull();
  });

  it('ignores number keys while typing in a field', async () => {
    const search = $('[data-testid="phrase-search"]') as HTMLInputElement;
    await key('1', search);
    expect(ports.inserts).toHaveLength(0);
  });

  it('opens compose with c, composes with greeting, and closes with Esc', async () => {
    await key('c');
    const dialog = $('[data-testid="compose-dialog"]');
    expect(dialog?.getAttribute('role')).toBe('dialog');
    const text = ($('[data-testid="compose-text"]') as HTMLTextAreaElement).value;
    expect(text.startsWith('Hei Kari')).toBe(true);
    await key('Escape', dialog ?? document.body);
    expect($('[data-testid="compose-dialog"]')).toBeNull();
  });

  it('focuses phrase search with / and filters the reply language by text', async () => {
    await key('/');
    const search = $('[data-testid="phrase-search"]') as HTMLInputElement;
    expect(document.activeElement).toBe(search);
    await act(async () => {
      search.value = 'beklager';
      search.dispatchEvent(new Event('input', { bubbles: true }));
      await flush();
    });
    const results = $$('[data-testid="phrase-result"]');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.dataset.lang).toBe('nb');
      expect(r.textContent?.toLowerCase()).toContain('beklager');
    }
  });

  it('switches the reply language for this ticket', async () => {
    const select = $('[data-testid="reply-language"]') as HTMLSelectElement;
    await act(async () => {
      select.value = 'fi';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await flush();
    });
    const langs = $$('[data-testid="suggestion"]').map((s) => s.dataset.lang);
    expect(langs.length).toBeGreaterThan(0);
    expect(new Set(langs)).toEqual(new Set(['fi']));
  });

  it('stars a favourite', async () => {
    const star = $('[data-testid="suggestion"] [data-testid="favourite"]');
    const id = star?.closest<HTMLElement>('[data-testid="suggestion"]')?.dataset.phraseId;
    await click(star);
    expect(state().settings.favourites).toEqual([id]);
    expect($('[data-testid="suggestion"] [data-testid="favourite"]')?.getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('asks before inserting into an internal note', async () => {
    ports.answers.push({ ok: false, needsConfirm: 'internal-note' });
    await act(async () => {
      await state().insertText('Hei Kari', undefined, []);
    });
    expect($('[data-testid="confirm-internal-dialog"]')?.textContent).toContain(
      'This goes into an internal note. Insert anyway?',
    );
    await click($('[data-testid="confirm-internal"]'));
    expect(ports.inserts.at(-1)).toMatchObject({ allowInternal: true });
    expect($('[data-testid="confirm-internal-dialog"]')).toBeNull();
  });

  it('shows the first name it will use and lets the agent change it', async () => {
    expect($('[data-testid="first-name-value"]')?.dataset.name).toBe('Kari');
    await click($('[data-testid="first-name-edit"]'));
    const input = $('[data-testid="first-name"]') as HTMLInputElement;
    await act(async () => {
      input.value = 'Kari Anne';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await flush();
    });
    await act(async () => {
      input.closest('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await flush();
    });
    expect($('[data-testid="first-name-value"]')?.dataset.name).toBe('Kari Anne');
  });

  it('renders in the UI language', async () => {
    await act(() => state().setUiLang('fi'));
    expect($('[data-testid="customer-type"]')?.textContent).toContain('Kiireinen: kerro tarkka aika');
    expect($('[data-testid="suggestion"] [data-testid="insert"]')?.textContent).toBe('Lisää');
  });
});
