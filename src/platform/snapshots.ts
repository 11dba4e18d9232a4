// Per-tab ticket snapshots in storage.session (design.md section 4): capped, dropped when the tab
// closes, oldest evicted first when the area is full.
import { browser } from 'wxt/browser';
import type { TicketSnapshot, Unreadable } from '../core/snapshot';

export interface StoredSnapshot {
  snapshot: TicketSnapshot | Unreadable;
  savedAt: number;
}

export const snapshotKey = (tabId: number) => `snapshot:${tabId}`;
export const tabIdOfKey = (key: string): number | undefined =>
  key.startsWith('snapshot:') ? Number(key.slice('snapshot:'.length)) : undefined;

export async function readSnapshot(tabId: number): Promise<StoredSnapshot | undefined> {
  const key = snapshotKey(tabId);
  return (await browser.storage.session.get(key))[key] as StoredSnapshot | undefined;
}

/** Calls `listener` whenever the snapshot of `tabId` changes or disappears. */
export function onSnapshotChanged(
  tabId: number,
  listener: (stored: StoredSnapshot | undefined) => void,
): () => void {
  const key = snapshotKey(tabId);
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key in changes) listener(changes[key].newValue as StoredSnapshot | undefined);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
