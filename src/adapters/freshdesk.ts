// Freshdesk ticket view: https://<sub>.freshdesk.com/a/tickets/<id> (also on a custom domain).
// Selectors from helpdesk-dom.md section 2, matched by tests/fixtures/helpdesk/freshdesk-render.mjs
// (2026 variant and the older one) and checked in tests/unit/adapter-freshdesk.test.ts.
import { capText, cleanMessageText, firstNameOf } from '../core/clean';
import type { ComposerMode, MessageRole, SnapshotMessage, TicketSnapshot } from '../core/snapshot';
import { displayName, emailIn, isoDate, readableText, sameName, shortText } from './dom-text';
import { type HelpdeskAdapter, MAX_MESSAGE_CHARS } from './types';

const FD = {
  app: 'body.ember-application',
  description: '[data-test-id="ticket-description"]',
  // TODO [2027-06-01]: the data-album form is the pre-2024 thread; drop it when no account shows it.
  descriptionLegacy: '.ticket-details__item[data-album^="ticket_"]',
  descriptionBody: '#ticket_original_request',
  item: 'div[data-test-id="conversation-wrapper"], .ticket-details__item[data-album^="note_"]',
  editorItem: '.rich-editor',
  privateNote: '.ticket-details__privatenote',
  emailedHeader: '.emails-info:not(.notify)',
  requestorMarker: '.ticket-details__requestor',
  author: '.conversation-header .sender-info .user',
  body: '.ticket_note[data-note-id] [data-test-conversation="conversation-text"]',
  bodyFallback: '[data-test-conversation="conversation-text"], .text-content-wrapper',
  time: '.created-time .timeago-units',
  textNoise: [
    'blockquote',
    '.freshdesk_quote',
    '.gmail_quote',
    '.quoted-text',
    'div.signature',
    '.emails-info',
  ],
  loadMore: 'button[data-test-button="load-more"]',
  subjectLegacy: '.ticket-subject-heading',
  contactMfe: 'fw-unified-mfe--contact-info',
  // Inside the contact micro-frontend's open shadow root (medium confidence; its class names vary).
  contactName: '[data-test-id="contact-name"], .contact-name, [data-test-id*="name"] a, h3, h2',
  contactLanguage: '[data-test-id="contact-language"], [data-field="language"]',
  requesterLegacy: '.info-details-widget .info-details-content',
  requesterLegacyName:
    '.info-details-widget .info-details-content a[href*="/contacts/"], .info-details-widget .info-details-content .name',
  editable:
    '.fr-box .fr-wrapper .fr-element.fr-view[contenteditable="true"], .fr-element.fr-view[contenteditable="true"]',
  // Low confidence: which form the open editor is; Freshdesk marks the note form with note classes.
  noteEditor:
    '.rich-editor[data-editor-type="note"], .rich-editor.note-editor, .rich-editor .private-note-editor',
  replyEditor:
    '.rich-editor[data-editor-type="reply"], .rich-editor[data-editor-type="forward"], .rich-editor.reply-editor',
} as const;

const ticketIdFromUrl = (url: string): string | undefined => /\/a\/tickets\/(\d+)(?:[/?#]|$)/.exec(url)?.[1];

const LANGUAGE_NAMES: Record<string, string> = {
  norsk: 'nb',
  'norsk bokmål': 'nb',
  norwegian: 'nb',
  'norwegian bokmål': 'nb',
  bokmål: 'nb',
  nb: 'nb',
  no: 'nb',
  svenska: 'sv',
  swedish: 'sv',
  sv: 'sv',
  suomi: 'fi',
  finnish: 'fi',
  fi: 'fi',
  english: 'en',
  engelsk: 'en',
  en: 'en',
};

/** Subject from `document.title` in the 2026 UI: "[#<id>] <subject> : <helpdesk name>". */
function subjectFromTitle(title: string, id: string | undefined): string | undefined {
  const match = /^\s*\[#(\d+)\]\s*(.+?)(?:\s+:\s+[^:]+)?\s*$/.exec(title);
  if (!match || (id && match[1] !== id)) return undefined;
  return match[2]?.trim() || undefined;
}

interface Requester {
  name?: string;
  email?: string;
  locale?: string;
}

function readRequester(doc: Document): Requester {
  const host = doc.querySelector(FD.contactMfe);
  const root = host?.shadowRoot;
  if (root) {
    const name = displayName(shortText(root.querySelector(FD.contactName)));
    const mail = root.querySelector('a[href^="mailto:"]')?.getAttribute('href')?.slice('mailto:'.length);
    const language = shortText(root.querySelector(FD.contactLanguage))?.toLowerCase();
    const locale = language ? LANGUAGE_NAMES[language] : undefined;
    return { ...(name ? { name } : {}), ...(mail ? { email: mail } : {}), ...(locale ? { locale } : {}) };
  }
  const legacy = doc.querySelector(FD.requesterLegacy);
  if (legacy) {
    const name = displayName(
      shortText(doc.querySelector(FD.requesterLegacyName) ?? legacy.firstElementChild),
    );
    const email = emailIn(legacy.textContent ?? undefined);
    return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
  }
  return {};
}

function itemRole(item: Element, author: string | undefined, requester: Requester): MessageRole {
  // `privatenote` also marks some emailed replies: those carry the To/Cc header and are not notes.
  const isPrivate = item.matches(FD.privateNote) || item.querySelector(FD.privateNote) !== null;
  if (isPrivate && !item.querySelector(FD.emailedHeader)) return 'note';
  if (sameName(author, requester.name)) return 'customer';
  if (item.matches(FD.requestorMarker) || item.querySelector(FD.requestorMarker)) return 'customer';
  return 'agent';
}

function editorItem(doc: Document): Element | null {
  return doc.querySelector(`.ticket-details__item${FD.editorItem}, ${FD.editorItem}`);
}

export const freshdesk: HelpdeskAdapter = {
  id: 'freshdesk',
  matches(url, doc) {
    if (/(^|\.)freshdesk\.com$/i.test(url.hostname) && url.pathname.startsWith('/a/')) return true;
    // A custom domain: the path, the Ember app and the thread together (helpdesk-dom.md section 5).
    return (
      Boolean(ticketIdFromUrl(url.href)) &&
      doc.querySelector(FD.app) !== null &&
      doc.querySelector(`${FD.description}, ${FD.descriptionLegacy}`) !== null
    );
  },
  read(doc) {
    const url = doc.location?.href ?? '';
    const ticketId = ticketIdFromUrl(url);
    if (!ticketId) {
      return {
        unreadable: true,
        helpdesk: 'freshdesk',
        url,
        reason:
          'This Freshdesk page is not a ticket. Open a ticket, or select the customer’s text to analyse it.',
      };
    }
    const description = doc.querySelector(FD.description) ?? doc.querySelector(FD.descriptionLegacy);
    const descriptionBody =
      description?.querySelector(FD.descriptionBody) ?? description?.querySelector(FD.bodyFallback);
    if (!description || !descriptionBody) {
      return {
        unreadable: true,
        helpdesk: 'freshdesk',
        url,
        reason:
          'Calmdesk cannot find the conversation on this Freshdesk ticket: the page layout is not one it knows. ' +
          'Select the customer’s text to analyse it instead.',
      };
    }
    const requester = readRequester(doc);
    const descriptionAuthor = displayName(shortText(description.querySelector(FD.author)));
    if (!requester.name && descriptionAuthor) requester.name = descriptionAuthor;
    let truncated = false;
    const messages: SnapshotMessage[] = [];
    const push = (item: Element, body: Element, role: MessageRole, author: string | undefined) => {
      const capped = capText(cleanMessageText(readableText(body, [...FD.textNoise])), MAX_MESSAGE_CHARS);
      truncated ||= capped.truncated;
      if (capped.text === '') return;
      const timeEl = item.querySelector(FD.time);
      const at = isoDate(timeEl?.getAttribute('datetime') ?? timeEl?.getAttribute('title'));
      messages.push({ role, ...(author ? { author } : {}), ...(at ? { at } : {}), text: capped.text });
    };
    push(description, descriptionBody, 'customer', descriptionAuthor);
    const items = Array.from(doc.querySelectorAll(FD.item)).filter(
      (item) => !item.matches(FD.editorItem) && item !== description && !item.querySelector(FD.editable),
    );
    for (const item of items) {
      const body = item.querySelector(FD.body) ?? item.querySelector(FD.bodyFallback);
      if (!body) continue;
      const author = displayName(shortText(item.querySelector(FD.author)));
      push(item, body, itemRole(item, author, requester), author);
    }
    const subject =
      subjectFromTitle(doc.title ?? '', ticketId) ?? shortText(doc.querySelector(FD.subjectLegacy));
    const agentName = [...messages].reverse().find((m) => m.role === 'agent')?.author;
    const snapshot: TicketSnapshot = {
      helpdesk: 'freshdesk',
      url,
      ticketId,
      ...(subject ? { subject } : {}),
      requester: {
        ...(requester.name ? { name: requester.name, firstName: firstNameOf(requester.name) } : {}),
        ...(requester.email ? { email: requester.email } : {}),
        ...(requester.locale ? { locale: requester.locale } : {}),
      },
      ...(agentName ? { agent: { name: agentName, firstName: firstNameOf(agentName) } } : {}),
      channel: 'email',
      composerMode: this.composerMode(doc),
      messages,
      ...(truncated ? { truncated: true } : {}),
      readAt: new Date().toISOString(),
    };
    return snapshot;
  },
  findEditor(doc) {
    return editorItem(doc)?.querySelector(FD.editable) ?? doc.querySelector(FD.editable);
  },
  composerMode(doc): ComposerMode {
    const item = editorItem(doc);
    if (!item) return 'unknown';
    if (item.matches(FD.noteEditor) || item.querySelector('.private-note-editor')) return 'internal';
    if (item.matches(FD.replyEditor)) return 'public';
    return item.querySelector(FD.editable) ? 'public' : 'unknown';
  },
  observeRoot(doc) {
    return doc.body;
  },
  ticketKey(doc) {
    const id = ticketIdFromUrl(doc.location?.href ?? '');
    return id && doc.querySelector(`${FD.description}, ${FD.descriptionLegacy}`) ? `freshdesk:${id}` : null;
  },
  pending(doc) {
    // Ember renders the new ticket after the URL changes: wait while the thread shown is another one.
    const id = ticketIdFromUrl(doc.location?.href ?? '');
    const description = doc.querySelector(FD.description) ?? doc.querySelector(FD.descriptionLegacy);
    if (!id) return false;
    // No thread yet: still rendering (the caller gives up after a short wait and reports unsupported).
    if (!description) return doc.querySelector(FD.app) !== null;
    const shown = /(\d+)$/.exec(description.getAttribute('data-album') ?? '')?.[1];
    return Boolean(shown && shown !== id);
  },
};
