// The fallback for any page Calmdesk cannot read: analyse the text the agent selected.
import { capText, cleanMessageText } from '../core/clean';
import type { TicketSnapshot, Unreadable } from '../core/snapshot';
import { type HelpdeskAdapter, MAX_MESSAGE_CHARS } from './types';

/** The selected text, including a selection inside a textarea or text input (not in getSelection). */
export function selectedText(doc: Document): string {
  const active = doc.activeElement as HTMLTextAreaElement | HTMLInputElement | null;
  if (active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT')) {
    const { selectionStart, selectionEnd, value } = active;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) {
      return value.slice(selectionStart, selectionEnd);
    }
  }
  return doc.getSelection?.()?.toString() ?? '';
}

export const selectionAdapter: HelpdeskAdapter = {
  id: 'selection',
  matches: () => true,
  read(doc): TicketSnapshot | Unreadable {
    const url = doc.location?.href ?? '';
    const raw = selectedText(doc);
    const capped = capText(cleanMessageText(raw, { keepSignature: true }), MAX_MESSAGE_CHARS);
    if (capped.text === '') {
      return {
        unreadable: true,
        helpdesk: 'selection',
        url,
        reason: 'No text is selected. Select the customer’s message on the page, then try again.',
      };
    }
    return {
      helpdesk: 'selection',
      url,
      channel: 'unknown',
      composerMode: 'unknown',
      messages: [{ role: 'customer', text: capped.text }],
      ...(capped.truncated ? { truncated: true } : {}),
      readAt: new Date().toISOString(),
    };
  },
  findEditor(doc) {
    const active = doc.activeElement;
    return active?.matches('textarea, [contenteditable="true"], [contenteditable=""]') ? active : null;
  },
  composerMode: () => 'unknown',
  observeRoot: () => null,
  ticketKey: () => null,
};
