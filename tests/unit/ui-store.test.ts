import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationAnalysis } from '../../src/core/analysis';
import { analysisRunCount, clearMemos, suggestRunCount } from '../../src/ui/derive';
import { resetPanel, setPorts, statusOf, usePanel } from '../../src/ui/store';
import { type FakePorts, fakeAnalysis, fakePorts, flush, snapshot } from './ui-fixtures';

// The store's logic is under test, not the classifier: it returns what each test sets.
const classifier = vi.hoisted(() => ({ next: undefined as ConversationAnalysis | undefined }));
vi.mock('../../src/core/classify', () => ({
  analyzeConversation: () => classifier.next,
}));

let ports: FakePorts;
const state = () => usePanel.getState();

beforeEach(() => {
  clearMemos();
  resetPanel();
  ports = fakePorts();
  setPorts(ports);
  classifier.next = fakeAnalysis();
  state().setUiLang('en');
  state().setTab(7);
});

describe('panel store: derivation', () => {
  it('analyses a snapshot and groups suggestions by stage, leading stages first', () => {
    state().setSnapshot(snapshot());
    expect(statusOf(state()).state).toBe('ready');
    expect(state().view?.customerType).toBe('impatient');
    const result = state().result;
    expect(result).toBeDefined();
    expect(state().stages.length).toBeGreaterThan(2);
    expect(state().stages[0]).toBe(result?.leading[0].stage);
    for (const suggestion of result?.suggestions ?? []) expect(suggestion.lang).toBe('nb');
  });

  it('recomputes only when the snapshot, corrections or reply language change', () => {
    state().setSnapshot(snapshot());
    const analyses = analysisRunCount();
    const suggests = suggestRunCount();
    const first = state().result;
    state().setSnapshot(snapshot()); // same content, new object
    state().showCue('urgency'); // UI-only change
    expect(analysisRunCount()).toBe(analyses);
    expect(suggestRunCount()).toBe(suggests);
    expect(state().result).toBe(first);
    state().setReplyLang('sv');
    expect(suggestRunCount()).toBe(suggests + 1);
    expect(analysisRunCount()).toBe(analyses);
    expect(state().result?.suggestions.every((s) => s.lang === 'sv')).toBe(true);
  });

  it('correcting the type re-ranks at once and persists only ids under correction:<tab>:<ticket>', async () => {
    state().setSnapshot(snapshot());
    const before = state().stages.slice(0, 3);
    state().correctType('intimidating');
    expect(state().view?.customerType).toBe('intimidating');
    const after = state().stages.slice(0, 3);
    expect(after).not.toEqual(before);
    expect(after).toEqual(expect.arrayContaining(['boundary']));
    await flush();
    expect(ports.corrections.get('correction:7:123')).toEqual({ type: 'intimidating', dismissedCues: [] });
    state().resetCorrections();
    expect(state().view?.customerType).toBe('impatient');
    expect(state().stages.slice(0, 3)).toEqual(before);
    await flush();
    expect(ports.corrections.get('correction:7:123')).toBeUndefined();
  });

  it('dismissing a cue hides it and passes it to the engine', () => {
    state().setSnapshot(snapshot());
    const suggestsBefore = suggestRunCount();
    state().dismissCue('urgency');
    expect(state().view?.cues.map((c) => c.cue)).toEqual(['shouting']);
    expect(suggestRunCount()).toBe(suggestsBefore + 1);
    expect(state().corrections.dismissedCues).toEqual(['urgency']);
  });

  it('restores a stored correction for the same tab and ticket, and drops it on another ticket', async () => {
    ports.corrections.set('correction:7:123', { type: 'angry', dismissedCues: ['shouting'] });
    state().setSnapshot(snapshot());
    await flush();
    expect(state().view?.customerType).toBe('angry');
    state().setSnapshot(snapshot({ ticketId: '999', url: 'https://acme.zendesk.com/agent/tickets/999' }));
    expect(state().view?.customerType).toBe('impatient');
  });

  it('reports an unsupported language with its name and no type', () => {
    classifier.next = fakeAnalysis({ lang: 'da', supported: false, customerType: null, cues: [] });
    state().setSnapshot(snapshot());
    const status = statusOf(state());
    expect(status).toMatchObject({ state: 'unsupported', reason: 'language' });
    expect(status.sentence).toContain('Danish');
    expect(state().result).toBeUndefined();
    state().setReplyLang('nb');
    expect(state().result?.suggestions.length).toBeGreaterThan(0);
  });

  it('tells the truth about tabs without a ticket', () => {
    state().setTab(undefined);
    expect(statusOf(state())).toMatchObject({ state: 'no-ticket', reason: 'no-tab' });
    state().setTab(8);
    expect(statusOf(state()).state).toBe('loading');
    state().setSnapshot({ unreadable: true, url: 'https://x.zendesk.com/', reason: 'No ticket view' });
    expect(statusOf(state())).toMatchObject({ state: 'unsupported', reason: 'unreadable' });
    state().setSnapshot(snapshot({ messages: [{ role: 'agent', text: 'Hei!' }] }));
    expect(statusOf(state())).toMatchObject({ state: 'no-ticket', reason: 'empty' });
    state().setPhase('error', 'Storage is full.');
    expect(statusOf(state())).toMatchObject({ state: 'error' });
    expect(statusOf(state()).sentence).toContain('Storage is full.');
  });

  it('follows the fixed reply-language rule from the options', () => {
    state().setSettings({ ...state().settings, replyLanguageRule: 'fixed', fixedReplyLanguage: 'en' });
    state().setSnapshot(snapshot());
    expect(state().replyLang).toBe('en');
  });
});

describe('panel store: insert and copy', () => {
  it('inserts, announces and records the phrase as recently used', async () => {
    state().setSnapshot(snapshot());
    const top = state().topOfStage(0);
    expect(top).toBeDefined();
    if (!top) return;
    const plain = { ...top, needs: [] };
    await state().insertSuggestion(plain);
    expect(ports.inserts).toHaveLength(1);
    expect(ports.inserts[0]).toMatchObject({ tabId: 7, text: top.text });
    expect(state().live.text).toBe('Inserted');
    expect(state().settings.recent[0]).toBe(top.phraseId);
    expect(ports.saved.at(-1)).toEqual({ recent: [top.phraseId] });
  });

  it('asks before inserting into an internal note and resends with allowInternal', async () => {
    state().setSnapshot(snapshot());
    ports.answers.push({ ok: false, needsConfirm: 'internal-note', composerMode: 'internal' });
    await state().insertText('Hei Kari', undefined, ['x']);
    expect(state().pendingConfirm?.text).toBe('Hei Kari');
    expect(state().closeDialogs()).toBe(true);
    expect(state().pendingConfirm).toBeUndefined();
    ports.answers.push({ ok: false, needsConfirm: 'internal-note' });
    await state().insertText('Hei Kari', undefined, ['x']);
    await state().confirmInternal(true);
    expect(ports.inserts.at(-1)).toMatchObject({ text: 'Hei Kari', allowInternal: true });
    expect(state().live.text).toBe('Inserted');
  });

  it('falls back to the clipboard with the error sentence when the insert fails', async () => {
    state().setSnapshot(snapshot());
    ports.answers.push({ ok: false, error: 'The reply box is closed.' });
    await state().insertText('Takk!', undefined, []);
    expect(ports.copies).toEqual(['Takk!']);
    expect(state().live.text).toBe('The reply box is closed. Copied to clipboard instead.');
    ports.copyFails = true;
    ports.answers.push({ ok: false });
    await state().insertText('Takk!', undefined, []);
    expect(state().live.text).toContain('Copying failed too');
  });

  it('asks for fill-in values first, then inserts the filled text', async () => {
    state().setSnapshot(snapshot());
    const phrase = state().source.phrases.find((p) => p.lang === 'nb' && p.text.includes('{{fill.time}}'));
    expect(phrase).toBeDefined();
    if (!phrase) return;
    const suggestion = state().phraseAsSuggestion(phrase);
    expect(suggestion.needs).toContain('fill.time');
    await state().insertSuggestion(suggestion, undefined, 'search');
    expect(ports.inserts).toHaveLength(0);
    expect(state().pendingFill).toMatchObject({ action: 'insert', origin: 'search' });
    expect(state().pendingFill?.fields).toContain('fill.time');
    const values = Object.fromEntries(
      (state().pendingFill?.fields ?? []).map((f) => [f, f === 'fill.time' ? '14:30' : '5']),
    );
    await state().insertSuggestion(suggestion, values, 'search');
    expect(state().pendingFill).toBeUndefined();
    expect(ports.inserts[0].text).toContain('14:30');
    expect(ports.inserts[0].text).not.toContain('{{');
    expect(ports.inserts[0].text).not.toContain('[');
  });

  it('keeps favourites as phrase ids in settings', () => {
    state().toggleFavourite('nb.close.x');
    expect(state().settings.favourites).toEqual(['nb.close.x']);
    expect(ports.saved.at(-1)).toEqual({ favourites: ['nb.close.x'] });
    state().toggleFavourite('nb.close.x');
    expect(state().settings.favourites).toEqual([]);
  });
});
