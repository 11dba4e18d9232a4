import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  capSnapshot,
  forgetTab,
  SNAPSHOT_CAP_BYTES,
  saveSnapshot,
} from '../../src/background/snapshot-store';
import type { TicketSnapshot } from '../../src/core/snapshot';
import { readSnapshot } from '../../src/platform/snapshots';

const snapshot = (texts: string[]): TicketSnapshot => ({
  helpdesk: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/1',
  channel: 'email',
  composerMode: 'public',
  messages: texts.map((text, i) => ({ role: i % 2 ? 'agent' : 'customer', text })),
  readAt: '2026-11-24T10:00:00Z',
});

afterEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('per-tab snapshots', () => {
  it('a huge ticket keeps its newest messages under the cap and says it was cut', () => {
    const big = snapshot(Array.from({ length: 40 }, (_, i) => `${i} ${'x'.repeat(20_000)}`));
    const capped = capSnapshot(big);
    expect(JSON.stringify(capped).length * 2).toBeLessThanOrEqual(SNAPSHOT_CAP_BYTES);
    expect(capped.truncated).toBe(true);
    expect(capped.messages.at(-1)?.text.startsWith('39 ')).toBe(true);
  });

  it('a small ticket is kept as it is', () => {
    const small = snapshot(['Hei', 'Hei, takk']);
    expect(capSnapshot(small)).toBe(small);
  });

  it('when storage is full, the oldest other tab is evicted and the new snapshot is saved', async () => {
    await saveSnapshot(1, snapshot(['old tab']));
    await saveSnapshot(2, snapshot(['newer tab']));
    const set = browser.storage.session.set.bind(browser.storage.session);
    let failures = 1;
    vi.spyOn(browser.storage.session, 'set').mockImplementation(async (items) => {
      if (failures-- > 0) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    await saveSnapshot(3, snapshot(['current tab']));
    expect(await readSnapshot(1)).toBeUndefined();
    expect((await readSnapshot(2))?.snapshot).toBeDefined();
    expect((await readSnapshot(3))?.snapshot).toMatchObject({ messages: [{ text: 'current tab' }] });
  });

  it('says so in a plain sentence when nothing can be evicted', async () => {
    vi.spyOn(browser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(saveSnapshot(5, snapshot(['x']))).rejects.toThrow(/could not keep this ticket/);
  });

  it('a closed tab leaves nothing behind, corrections included', async () => {
    await saveSnapshot(7, snapshot(['hei']));
    await browser.storage.session.set({
      'correction:7:1001': { type: 'angry' },
      'correction:8:1': { type: 'neutral' },
    });
    await forgetTab(7);
    const left = Object.keys(await browser.storage.session.get(null));
    expect(left).toEqual(['correction:8:1']);
  });
});
