// The one interface every helpdesk UI adapter implements (design.md section 1). An adapter only reads
// the DOM and names the reply editor; insertion itself is src/adapters/insert.ts, shared by all.
import type { ComposerMode, HelpdeskId, TicketSnapshot, Unreadable } from '../core/snapshot';

export interface HelpdeskAdapter {
  id: HelpdeskId;
  /** Cheap test: is this page (URL + a glance at the DOM) this adapter's UI? */
  matches(url: URL, doc: Document): boolean;
  /** The active ticket as a snapshot, or a plain sentence saying why it cannot be read. Never throws. */
  read(doc: Document): TicketSnapshot | Unreadable;
  /** The reply editor of the active ticket (the editable element itself), or null. */
  findEditor(doc: Document): Element | null;
  composerMode(doc: Document): ComposerMode;
  /** The node to watch with one MutationObserver (the SPA's pane container), or null for `body`. */
  observeRoot(doc: Document): Node | null;
  /** Changes when the agent switches to another ticket; null when no ticket is shown. */
  ticketKey(doc: Document): string | null;
  /**
   * True while the URL already names a ticket whose DOM has not rendered yet (SPA switch in flight):
   * the caller waits for the next mutation instead of reporting the old ticket or "unsupported".
   */
  pending?(doc: Document): boolean;
}

/** Messages longer than this are cut (the snapshot is flagged `truncated`). */
export const MAX_MESSAGE_CHARS = 50_000;
