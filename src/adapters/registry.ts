// Picks the adapter for a page, and turns "no adapter" or a failing adapter into a plain sentence.
import type { TicketSnapshot, Unreadable } from '../core/snapshot';
import { freshdesk } from './freshdesk';
import { selectionAdapter } from './selection';
import type { HelpdeskAdapter } from './types';
import { zendeskMessaging } from './zendesk-messaging';
import { zendeskWorkspace } from './zendesk-workspace';

/** Most specific first: a messaging pane is also a workspace page. */
export const ADAPTERS: readonly HelpdeskAdapter[] = [zendeskMessaging, zendeskWorkspace, freshdesk];

export const UNKNOWN_VIEW_REASON =
  'Calmdesk does not know this page, so it cannot read a ticket here. Select the customer’s text to analyse it.';

export function pickAdapter(url: URL, doc: Document): HelpdeskAdapter | undefined {
  for (const adapter of ADAPTERS) {
    try {
      if (adapter.matches(url, doc)) return adapter;
    } catch {
      // A broken matcher must not hide the others.
    }
  }
  return undefined;
}

/** Reads the page with its adapter; never throws. */
export function readPage(
  doc: Document,
  adapter = pickAdapter(new URL(doc.location.href), doc),
): TicketSnapshot | Unreadable {
  const url = doc.location?.href ?? '';
  if (!adapter) return { unreadable: true, url, reason: UNKNOWN_VIEW_REASON };
  try {
    return adapter.read(doc);
  } catch {
    return {
      unreadable: true,
      helpdesk: adapter.id,
      url,
      reason:
        'Calmdesk could not read this ticket: the page layout is not one it knows. Select the customer’s text to analyse it.',
    };
  }
}

export { selectionAdapter };
