import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ConversationAnalysis } from '../../src/core/analysis';
import { clearMemos } from '../../src/ui/derive';
import { follow, isHelpdeskUrl, pinnedTabId, snapshotFromAnswer } from '../../src/ui/panel/connect';
import { browserPorts } from '../../src/ui/ports';
import { resetPanel, setPorts, usePanel } from '../../src/ui/store';
import { fakeAnalysis, flush, snapshot } from './ui-fixtures';

const classifier = vi.hoisted(() => ({ next: undefined as ConversationAnalysis | undefined }));
vi.mock('../../src/core/classify', () => ({
  analyzeConversation: () => classifier.next,
}));

const state = () => usePanel.getState();

beforeEach(() => {
  fakeBrowser.reset();
  clearMemos();
  resetPanel();
  setPorts(browserPorts);
  classifier.next = fakeAnalysis();
});

describe('panel connection helpers', () => {
  it('reads ?tab=<id> and ignores anything else', () => {
    expect(pinnedTabId('?tab=42')).toBe(42);
    expect(pinnedTabId('?tab=abc')).toBeUndefined();
    expect(pinnedTabId('')).toBeUndefined();
  });

  it('recognises helpdesk tabs, including custom domains', () => {
    expect(isHelpdeskUrl('https://acme.zendesk.com/agent/tickets/1', [])).toBe(true);
    expect(isHelpdeskUrl('https://acme.freshdesk.com/a/tickets/7', [])).toBe(true);
    expect(isHelpdeskUrl('https://support.example.com/x', ['support.example.com'])).toBe(true);
    expect(isHelpdeskUrl('https://zendesk.com.evil.test/', [])).toBe(false);
    expect(isHelpdeskUrl('chrome-extension://abc/sidepanel.html', [])).toBe(false);
  });

  it('accepts the background answer as a stored snapshot, a bare one or nothing', () => {
    const snap = snapshot();
    expect(snapshotFromAnswer({ snapshot: snap, savedAt: 1 })).toEqual(snap);
    expect(snapshotFromAnswer(snap)).toEqual(snap);
    expect(snapshotFromAnswer(null)).toBeUndefined();
    expect(snapshotFromAnswer({ ok: true })).toBeUndefined();
  });
});

describe('following a tab', () => {
  it('reads the stored snapshot first, then follows changes to it', async () => {
    await browser.storage.session.set({ 'snapshot:9': { snapshot: snapshot(), savedAt: 1 } });
    await follow(9, true);
    expect(state().tabId).toBe(9);
    expect(state().pinned).toBe(true);
    expect(state().view?.customerType).toBe('impatient');

    classifier.next = fakeAnalysis({ customerType: 'angry' });
    const next = snapshot({ messages: [...snapshot().messages, { role: 'customer', text: 'Hallo?!' }] });
    await browser.storage.session.set({ 'snapshot:9': { snapshot: next, savedAt: 2 } });
    await flush();
    expect(state().view?.customerType).toBe('angry');
  });

  it('keeps a correction in storage.session under correction:<tab>:<ticket>, ids only', async () => {
    await browser.storage.session.set({ 'snapshot:9': { snapshot: snapshot(), savedAt: 1 } });
    await follow(9, true);
    state().correctType('demanding');
    state().dismissCue('urgency');
    await flush();
    const stored = await browser.storage.session.get('correction:9:123');
    expect(stored['correction:9:123']).toEqual({ type: 'demanding', dismissedCues: ['urgency'] });
    expect(JSON.stringify(stored)).not.toContain('ventet');
    // A panel opened again for the same tab and ticket picks the correction up.
    resetPanel();
    await follow(9, true);
    await flush();
    expect(state().view?.customerType).toBe('demanding');
  });
});
