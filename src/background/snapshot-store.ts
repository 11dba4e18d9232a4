// Keeps each tab's latest snapshot in storage.session (design.md section 4: capped, evicted oldest first,
// removed with the tab). The side panel reads and subscribes to these keys.
import { browser } from 'wxt/browser';
import type { TicketSnapshot, Unreadable } from '../core/snapshot';
import { type StoredSnapshot, snapshotKey, tabIdOfKey } from '../platform/snapshots';

/** Per-tab cap: a ticket bigger than this keeps its newest messages and is flagged `truncated`. */
export const SNAPSHOT_CAP_BYTES = 256 * 1024;

/** Cuts the oldest messages (never the newest customer words) until the snapshot fits the cap. */
export function capSnapshot<T extends TicketSnapshot | Unreadable>(
  snapshot: T,
  capBytes = SNAPSHOT_CAP_BYTES,
): T {
  if ('unreadable' in snapshot) return snapshot;
  const size = (value: unknown) => JSON.stringify(value).length * 2;
  if (size(snapshot) <= capBytes) return snapshot;
  const messages = [...snapshot.messages];
  while (messages.length > 1 && size({ ...snapshot, messages }) > capBytes) messages.shift();
  const capped = { ...snapshot, messages, truncated: true };
  if (size(capped) > capBytes && messages.length === 1) {
    const only = messages[0];
    messages[0] = { ...only, text: only.text.slice(0, Math.floor(capBytes / 4)) };
  }
  return capped as T;
}

export async function saveSnapshot(tabId: number, snapshot: TicketSnapshot | Unreadable): Promise<void> {
  const value: StoredSnapshot = { snapshot: capSnapshot(snapshot), savedAt: Date.now() };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await browser.storage.session.set({ [snapshotKey(tabId)]: value });
      return;
    } catch (error) {
      // Quota: drop the oldest other tab's snapshot and try again.
      if (!(await evictOldest(tabId))) {
        throw new Error(`Calmdesk could not keep this ticket in memory (${String(error)}).`);
      }
    }
  }
}

async function evictOldest(keepTabId: number): Promise<boolean> {
  const all = await browser.storage.session.get(null);
  const candidates = Object.entries(all)
    .filter(([key]) => tabIdOfKey(key) !== undefined && tabIdOfKey(key) !== keepTabId)
    .sort(([, a], [, b]) => ((a as StoredSnapshot).savedAt ?? 0) - ((b as StoredSnapshot).savedAt ?? 0));
  if (!candidates.length) return false;
  await browser.storage.session.remove(candidates[0][0]);
  return true;
}

/** Removes everything kept for a closed tab: its snapshot and its type corrections. */
export async function forgetTab(tabId: number): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter(
    (key) => key === snapshotKey(tabId) || key.startsWith(`correction:${tabId}:`),
  );
  if (keys.length) await browser.storage.session.remove(keys);
}
