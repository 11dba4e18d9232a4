// Browser glue for the side panel (design.md 4 "Which tab the panel shows"): pinned with ?tab=<id>,
// otherwise it follows the active tab of its own window. Reads the tab's current snapshot first, then
// subscribes to changes. Everything it learns goes into the store; it keeps no state of its own but
// the subscriptions.
import { browser } from 'wxt/browser';
import type { BgToUi } from '../../core/messages';
import { isUnreadable, type TicketSnapshot, type Unreadable } from '../../core/snapshot';
import { loadSettings, onSettingsChanged } from '../../platform/settings';
import { onSnapshotChanged, readSnapshot } from '../../platform/snapshots';
import { loadPhraseSource, onPhraseSourceChanged } from '../phrases';
import { usePanel } from '../store';

const HELPDESK_HOSTS = ['.zendesk.com', '.freshdesk.com'];
/** How long to wait for a helpdesk tab's first snapshot before saying the page can't be read. */
const FIRST_SNAPSHOT_TIMEOUT_MS = 6000;

export function isHelpdeskUrl(url: string | undefined, customDomains: readonly string[]): boolean {
  if (!url) return false;
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'https:' && protocol !== 'http:') return false;
    return HELPDESK_HOSTS.some((suffix) => hostname.endsWith(suffix)) || customDomains.includes(hostname);
  } catch {
    return false;
  }
}

/** The background may answer `ui/getSnapshot` with a StoredSnapshot, a bare snapshot or nothing. */
export function snapshotFromAnswer(answer: unknown): TicketSnapshot | Unreadable | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const record = answer as Record<string, unknown>;
  const inner = record.snapshot && typeof record.snapshot === 'object' ? record.snapshot : answer;
  const candidate = inner as TicketSnapshot | Unreadable;
  if (typeof candidate.url !== 'string') return undefined;
  if (isUnreadable(candidate) || Array.isArray((candidate as TicketSnapshot).messages)) return candidate;
  return undefined;
}

export function pinnedTabId(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  const id = value === null ? Number.NaN : Number(value);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

let unsubscribeSnapshot: (() => void) | undefined;
let loadingTimer: ReturnType<typeof setTimeout> | undefined;
let followSeq = 0;

async function showEmptyTab(tabId: number, seq: number): Promise<void> {
  const store = usePanel.getState();
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch {
    url = undefined; // The tab is gone.
  }
  if (seq !== followSeq) return;
  if (!isHelpdeskUrl(url, store.settings.customDomains)) {
    store.setPhase('no-tab');
    return;
  }
  store.setPhase('loading');
  clearTimeout(loadingTimer);
  loadingTimer = setTimeout(() => {
    if (seq === followSeq && usePanel.getState().phase === 'loading')
      usePanel.getState().setPhase('unreadable');
  }, FIRST_SNAPSHOT_TIMEOUT_MS);
}

export async function follow(tabId: number | undefined, pinned = false): Promise<void> {
  followSeq += 1;
  const seq = followSeq;
  unsubscribeSnapshot?.();
  unsubscribeSnapshot = undefined;
  clearTimeout(loadingTimer);
  const store = usePanel.getState();
  store.setTab(tabId, pinned);
  if (tabId === undefined) return;

  unsubscribeSnapshot = onSnapshotChanged(tabId, (stored) => {
    if (seq !== followSeq) return;
    clearTimeout(loadingTimer);
    if (stored) usePanel.getState().setSnapshot(stored.snapshot);
    else void showEmptyTab(tabId, seq);
  });

  try {
    let snapshot = (await readSnapshot(tabId))?.snapshot;
    if (!snapshot) {
      snapshot = snapshotFromAnswer(
        await browser.runtime.sendMessage({ type: 'ui/getSnapshot', tabId }).catch(() => undefined),
      );
    }
    if (seq !== followSeq) return;
    if (snapshot) usePanel.getState().setSnapshot(snapshot);
    else await showEmptyTab(tabId, seq);
  } catch (error) {
    if (seq === followSeq)
      usePanel.getState().setPhase('error', error instanceof Error ? error.message : String(error));
  }
}

/** Asks the page for the selected text (content script first, then the background's injection). */
export async function analyseSelection(): Promise<void> {
  const store = usePanel.getState();
  const tabId = store.tabId;
  if (tabId === undefined) return;
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, { type: 'ui/readSelection' }, { frameId: 0 });
  } catch {
    answer = await browser.runtime.sendMessage({ type: 'ui/analyseSelection', tabId }).catch(() => undefined);
  }
  const snapshot = snapshotFromAnswer(answer);
  if (!snapshot) {
    store.announce('selection.failed');
    return;
  }
  if (isUnreadable(snapshot) || !snapshot.messages.some((m) => m.text.trim())) {
    store.announce('selection.none');
    return;
  }
  usePanel.getState().setSnapshot(snapshot);
}

export function popOut(tabId: number): void {
  // getURL's typed paths don't include query strings.
  const url = (browser.runtime.getURL as (path: string) => string)(`/sidepanel.html?tab=${tabId}`);
  void browser.windows.create({ url, type: 'popup', width: 420, height: 760 });
}

/** Starts the panel: settings, phrases, then the tab. Returns a stop function. */
export async function startPanel(search: string): Promise<() => void> {
  const store = usePanel.getState();
  const stops: (() => void)[] = [];
  try {
    store.setSettings(await loadSettings());
  } catch {
    // Defaults are fine: the agent can still read suggestions.
  }
  stops.push(onSettingsChanged((settings) => usePanel.getState().setSettings(settings)));
  store.setSource(await loadPhraseSource());
  stops.push(onPhraseSourceChanged((source) => usePanel.getState().setSource(source)));

  // The "insert-top" keyboard command: the background forwards it to open panels.
  const onMessage = (raw: unknown) => {
    const message = raw as Partial<BgToUi> | undefined;
    if (message?.type !== 'bg/insertTop') return undefined;
    const state = usePanel.getState();
    if (message.tabId !== undefined && message.tabId !== state.tabId) return undefined;
    const top = state.topOfStage(0);
    if (top) void state.insertSuggestion(top, undefined, `stage:${top.stage}`);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  stops.push(() => browser.runtime.onMessage.removeListener(onMessage));

  const pinned = pinnedTabId(search);
  if (pinned !== undefined) {
    await follow(pinned, true);
  } else {
    const own = await browser.windows.getCurrent();
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    await follow(active?.id);
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === own.id) void follow(info.tabId);
    };
    const onUpdated = (
      tabId: number,
      change: { url?: string; status?: string },
      tab: { windowId?: number; active?: boolean },
    ) => {
      if (tab.windowId !== own.id || !tab.active) return;
      if (tabId !== usePanel.getState().tabId) void follow(tabId);
      else if (change.url || change.status === 'complete') {
        const phase = usePanel.getState().phase;
        if (phase === 'no-tab' || phase === 'loading') void showEmptyTab(tabId, followSeq);
      }
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    stops.push(() => browser.tabs.onActivated.removeListener(onActivated));
    stops.push(() => browser.tabs.onUpdated.removeListener(onUpdated));
  }
  return () => {
    for (const stop of stops) stop();
    unsubscribeSnapshot?.();
    clearTimeout(loadingTimer);
  };
}
