// The helpdesk content script's logic (isolated world). Shared by the manifest-registered script for
// *.zendesk.com / *.freshdesk.com and the runtime-registered one for custom domains.
// - reads the page with its adapter and sends `cs/snapshot` only when the ticket changed;
// - follows the agent with ONE MutationObserver on the adapter's root (debounced), the SPA URL change
//   (`wxt:locationchange`) and `visibilitychange`: no polling;
// - answers the panel's `ui/insert`, `ui/reread`, `ui/readSelection`;
// - never throws into the helpdesk page: every callback is guarded, every listener goes through `ctx`.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { editorKind, insertText, SelectionMemory } from '../adapters/insert';
import { pickAdapter, readPage, selectionAdapter } from '../adapters/registry';
import type { HelpdeskAdapter } from '../adapters/types';
import { type InsertResult, parseMessage } from '../core/messages';
import type { TicketSnapshot, Unreadable } from '../core/snapshot';

const DEBOUNCE_MS = 120;
/** How long to wait for a ticket the URL already names before reporting what is there. */
const PENDING_LIMIT_MS = 2500;
const OBSERVED_ATTRIBUTES = [
  'style',
  'class',
  'data-is-active',
  'hidden',
  'aria-hidden',
  'data-entity-is-selected',
];

/** A cheap stable fingerprint of what the panel would show (readAt excluded). */
export function snapshotKey(value: TicketSnapshot | Unreadable): string {
  const { readAt: _readAt, ...rest } = value as TicketSnapshot;
  const text = JSON.stringify(rest);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}

export interface WatcherDeps {
  doc: Document;
  send: (snapshot: TicketSnapshot | Unreadable) => void;
  /** Registers a cleanup with the script's lifetime. */
  onStop: (cleanup: () => void) => void;
}

/**
 * Watches the page and calls `send` with a fresh snapshot whenever what it shows changes. Framework-free
 * so unit tests can drive it with a DOM and a fake `send`.
 */
export class TicketWatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pendingSince: number | undefined;
  private lastKey: string | undefined;
  private observer: MutationObserver | undefined;
  private observed: Node | undefined;
  private adapter: HelpdeskAdapter | undefined;
  private stopped = false;
  lastSnapshot: TicketSnapshot | Unreadable | undefined;

  constructor(private readonly deps: WatcherDeps) {
    deps.onStop(() => this.stop());
  }

  start(): void {
    this.readNow();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.observer?.disconnect();
  }

  /** Debounced re-read (mutations arrive in bursts while a pane renders). */
  schedule(delay = DEBOUNCE_MS): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.readNow();
    }, delay);
  }

  currentAdapter(): HelpdeskAdapter | undefined {
    return this.adapter;
  }

  /** Reads and sends if changed; `force` sends even an unchanged snapshot. Returns what was read. */
  readNow(force = false): TicketSnapshot | Unreadable | undefined {
    if (this.stopped) return undefined;
    try {
      const { doc } = this.deps;
      const adapter = pickAdapter(new URL(doc.location.href), doc);
      this.adapter = adapter;
      this.attachObserver(adapter);
      if (adapter?.pending?.(doc)) {
        this.pendingSince ??= Date.now();
        if (Date.now() - this.pendingSince < PENDING_LIMIT_MS) {
          // The next mutation re-reads; this one timer only ends the wait if none comes.
          this.schedule(PENDING_LIMIT_MS);
          return this.lastSnapshot;
        }
      }
      this.pendingSince = undefined;
      const snapshot = readPage(doc, adapter);
      const key = snapshotKey(snapshot);
      this.lastSnapshot = snapshot;
      if (force || key !== this.lastKey) {
        this.lastKey = key;
        this.deps.send(snapshot);
      }
      return snapshot;
    } catch {
      return this.lastSnapshot;
    }
  }

  private attachObserver(adapter: HelpdeskAdapter | undefined): void {
    const { doc } = this.deps;
    const root = adapter?.observeRoot(doc) ?? doc.body ?? doc.documentElement;
    if (!root || root === this.observed) return;
    this.observer?.disconnect();
    this.observed = root;
    this.observer = new MutationObserver((records) => {
      try {
        if (this.onlyEditorChanged(records)) return;
        this.schedule();
      } catch {
        // never into the page
      }
    });
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: OBSERVED_ATTRIBUTES,
    });
    // The root may be replaced by the SPA (a new main#main_panes): watch the body for that too.
    if (root !== doc.body && doc.body) this.observer.observe(doc.body, { childList: true });
  }

  /** Typing in the reply box changes nothing the panel shows: skip those mutations. */
  private onlyEditorChanged(records: MutationRecord[]): boolean {
    const editor = this.adapter?.findEditor(this.deps.doc);
    const composer =
      editor?.closest('.ck-editor, [data-test-id="ticket-rich-text-editor"], .fr-box, .rich-editor') ??
      editor;
    if (!composer) return false;
    return records.every((record) => composer.contains(record.target));
  }
}

export interface InsertDeps {
  doc: Document;
  watcher: TicketWatcher;
  memory: SelectionMemory;
}

export async function handleInsert(
  deps: InsertDeps,
  text: string,
  cursor: number | undefined,
  allowInternal: boolean | undefined,
): Promise<InsertResult> {
  const { doc, memory } = deps;
  const adapter = pickAdapter(new URL(doc.location.href), doc) ?? selectionAdapter;
  const composerMode = adapter.composerMode(doc);
  if (composerMode === 'internal' && allowInternal !== true) {
    return {
      ok: false,
      composerMode,
      needsConfirm: 'internal-note',
      error: 'The reply box is an internal note: customers will not see this text.',
    };
  }
  const editor = adapter.findEditor(doc) ?? memory.lastEditor() ?? null;
  if (!editor || !editorKind(editor)) {
    return {
      ok: false,
      composerMode,
      error: 'Calmdesk could not find the reply box. Open the reply editor and try again.',
    };
  }
  const result = await insertText(editor, text, cursor, { chat: composerMode === 'chat', memory });
  return { ...result, composerMode };
}

type Ctx = Pick<ContentScriptContext, 'addEventListener' | 'onInvalidated' | 'isInvalid' | 'signal'>;

/** The content script body: call from `main(ctx)` of a WXT content script. */
export function runHelpdeskContentScript(ctx: Ctx, doc: Document = document): TicketWatcher {
  const send = (snapshot: TicketSnapshot | Unreadable) => {
    if (ctx.isInvalid) return;
    try {
      browser.runtime.sendMessage({ type: 'cs/snapshot', snapshot }).catch(() => {
        // The background may be restarting; the next change or a `ui/reread` sends again.
      });
    } catch {
      // Extension context invalidated: the page must not see it.
    }
  };
  const watcher = new TicketWatcher({ doc, send, onStop: (cleanup) => ctx.onInvalidated(cleanup) });
  const memory = new SelectionMemory(doc, ctx.signal);

  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.schedule(0));
  ctx.addEventListener(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'visible') watcher.schedule(0);
  });

  const onMessage = (raw: unknown): Promise<unknown> | undefined => {
    try {
      const message = parseMessage(raw);
      if (!message) return undefined;
      switch (message.type) {
        case 'ui/insert':
          return handleInsert({ doc, watcher, memory }, message.text, message.cursor, message.allowInternal);
        case 'ui/reread':
          return Promise.resolve(watcher.readNow(true) ?? null);
        case 'ui/readSelection':
          return Promise.resolve(selectionAdapter.read(doc));
        default:
          return undefined;
      }
    } catch {
      return undefined;
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // already gone
    }
  });

  watcher.start();
  return watcher;
}
