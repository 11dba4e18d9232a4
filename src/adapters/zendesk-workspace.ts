// Zendesk Agent Workspace, ticket view (email / web form conversation log).
// https://<sub>.zendesk.com/agent/tickets/<id>. Selectors from helpdesk-dom.md section 1; each is matched
// by tests/fixtures/helpdesk/zendesk-render.mjs and checked in tests/unit/adapter-zendesk.test.ts.
// Zendesk keeps every open ticket tab mounted: every query below is scoped to the active pane.
import { capText, cleanMessageText, firstNameOf } from '../core/clean';
import type {
  Channel,
  ComposerMode,
  MessageRole,
  SnapshotMessage,
  TicketSnapshot,
  Unreadable,
} from '../core/snapshot';
import { displayName, isHidden, isoDate, readableText, sameName, shortText } from './dom-text';
import { type HelpdeskAdapter, MAX_MESSAGE_CHARS } from './types';

/** Shared with zendesk-messaging.ts (same workspace, another conversation kind). */
export const ZD = {
  panes: 'main#main_panes',
  activeLayout: '.ticket-panes-grid-layout[data-is-active="true"]',
  layout: '.ticket-panes-grid-layout',
  conversationFor: (id: string) =>
    `[data-side-conversations-anchor-id="${id}"], .conversation-polaris[data-ticket-id="${id}"]`,
  conversation: '[data-side-conversations-anchor-id], .conversation-polaris[data-ticket-id]',
  log: '[data-test-id="omni-log-container"]',
  article: 'article[data-test-id="omni-log-comment-item"]',
  message: '[data-test-id="omni-log-item-message"]:not([aria-hidden="true"])',
  noteTag: '[data-test-id="omni-log-internal-note-tag"]',
  agentBadge:
    'svg[data-test-id="omni-log-avatar-badge-AgentBadge"], [data-test-id="omni-log-avatar-badge-AgentBadge"]',
  content: '[data-test-id="omni-log-message-content"]',
  comment: '.zd-comment',
  sender: '[data-test-id="omni-log-item-sender"]',
  senderName: '[data-test-id="omni-log-item-sender"] a[href*="/users/"] strong',
  time: 'time[data-test-id^="timestamp-"][datetime]',
  via: '[data-test-id="omni-log-item-via"]',
  showMore: 'button[data-test-id="convolog-show-more-button"]',
  /** Removed from the text before reading: quoted history, signatures, chat delivery marks. */
  textNoise: [
    'blockquote',
    'div.signature',
    '.gmail_quote',
    '[data-test-id="convo-log-item-read-indicator"]',
    '[data-test-id="convo-log-item-delivered-indicator"]',
    '[data-test-id^="convo-log-item-"][data-test-id$="-indicator"]',
  ],
  subject: 'input[data-test-id="omni-header-subject"]',
  // TODO [2027-06-01]: drop the pre-2024 header once no account shows it.
  subjectLegacy: '[data-test-id="ticket-pane-subject"]',
  requester: '[data-test-id="ticket-system-field-requester-select"]',
  // Low confidence (one source): the assignee field names the agent working the ticket.
  assignee: '[data-test-id="assignee-field-autocomplete-trigger"]',
  richEditor: '[data-test-id="omnicomposer-rich-text-ckeditor"]',
  plainEditor: '[data-test-id="omnicomposer-plain-text-ckeditor"]',
  editable: '.ck-editor__editable[contenteditable="true"]',
  toolbar: '[data-test-id="omnichannel-composer-toolbar"]',
  ticketAppIcons: 'ul[data-test-id="ticket-editor-app-icon-view"]',
  channelSwitcher: 'button[data-test-id="omnichannel-channel-switcher-button"]',
  tab: '[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"]',
} as const;

export const ticketIdFromUrl = (url: string): string | undefined =>
  /\/agent\/tickets\/(\d+)(?:[/?#]|$)/.exec(url)?.[1];

/** The pane's own ticket id, from its layout test id or its conversation anchor. */
function paneTicketId(pane: Element): string | undefined {
  const layout = pane.matches(ZD.layout) ? pane : pane.querySelector(ZD.layout);
  const fromLayout = /^ticket-(\d+)-/.exec(layout?.getAttribute('data-test-id') ?? '')?.[1];
  if (fromLayout) return fromLayout;
  const anchor = pane.querySelector(ZD.conversation);
  return (
    anchor?.getAttribute('data-side-conversations-anchor-id') ??
    anchor?.getAttribute('data-ticket-id') ??
    undefined
  );
}

/**
 * The active ticket pane: a visible child of `main#main_panes` whose layout is marked active (or,
 * failing that, the only visible one). Null when none is, or when the visible one is another ticket
 * than the URL names (mid-switch).
 */
export function activePane(doc: Document): Element | null {
  const panes = doc.querySelector(ZD.panes);
  if (!panes) return null;
  const visible = Array.from(panes.children).filter((child) => !isHidden(child));
  const urlId = ticketIdFromUrl(doc.location?.href ?? '');
  const active = visible.filter(
    (pane) => pane.matches(ZD.activeLayout) || pane.querySelector(ZD.activeLayout),
  );
  const candidates = active.length > 0 ? active : visible;
  if (urlId) return candidates.find((pane) => paneTicketId(pane) === urlId) ?? null;
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/** True when the URL names a ticket but the visible pane is not (yet) that ticket. */
export function zendeskPending(doc: Document): boolean {
  const urlId = ticketIdFromUrl(doc.location?.href ?? '');
  if (!urlId || !doc.querySelector(ZD.panes)) return false;
  return activePane(doc) === null;
}

/** The message's role, and whether the page said it outright (marker or attribute) rather than a guess. */
function roleOf(
  article: Element,
  message: Element | null,
  requesterName?: string,
  author?: string,
): [MessageRole, boolean] {
  if (article.querySelector(ZD.noteTag)) return ['note', true];
  const type = message?.getAttribute('type')?.toLowerCase();
  if (type === 'internal') return ['note', true];
  if (type === 'end-user' || type === 'end_user' || type === 'requester') return ['customer', true];
  if (type === 'agent' || type === 'admin') return ['agent', true];
  if (type === 'bot' || type === 'system' || type === 'trigger') return ['system', true];
  if (article.querySelector(ZD.agentBadge)) return ['agent', true];
  if (sameName(author, requesterName)) return ['customer', false];
  return ['system', false];
}

export function channelFromVia(via: string | undefined, originatedFrom: string | undefined): Channel {
  const origin = originatedFrom?.toLowerCase() ?? '';
  if (origin.startsWith('email')) return 'email';
  if (origin.startsWith('web')) return 'web';
  if (origin.includes('chat')) return 'chat';
  if (origin.includes('messaging') || origin.includes('sunco')) return 'messaging';
  const text = via?.toLowerCase() ?? '';
  if (/messaging|melding|meddelande|viesti/.test(text)) return 'messaging';
  if (/chat/.test(text)) return 'chat';
  if (/mail|e-post|sähköposti/.test(text)) return 'email';
  if (/web|form|skjema|formulär|lomake/.test(text)) return 'web';
  if (/phone|telefon|puhelin|voice|talk/.test(text)) return 'phone';
  return 'unknown';
}

export interface ZendeskReadOptions {
  helpdesk: 'zendesk' | 'zendesk-messaging';
  defaultChannel: Channel;
  composerMode: ComposerMode;
}

/** Reads the active pane's conversation log; shared by both Zendesk adapters. */
export function readZendeskPane(
  doc: Document,
  pane: Element,
  options: ZendeskReadOptions,
): TicketSnapshot | Unreadable {
  const url = doc.location?.href ?? '';
  const ticketId = paneTicketId(pane) ?? ticketIdFromUrl(url);
  const log = pane.querySelector(ZD.log);
  const articles = log ? Array.from(log.querySelectorAll(ZD.article)) : [];
  if (!log || articles.length === 0) {
    return {
      unreadable: true,
      helpdesk: options.helpdesk,
      url,
      reason:
        'Calmdesk cannot find the conversation on this Zendesk ticket: the page layout is not one it knows. ' +
        'Select the customer’s text to analyse it instead.',
    };
  }
  const requesterRaw = shortText(pane.querySelector(ZD.requester));
  const requesterName = displayName(requesterRaw);
  let truncated = false;
  let channel: Channel = 'unknown';
  const messages: SnapshotMessage[] = [];
  let guessedRoles = 0;
  for (const article of articles) {
    const message = article.querySelector(ZD.message);
    const author =
      shortText(article.querySelector(ZD.senderName)) ??
      displayName(shortText(article.querySelector(ZD.sender)));
    const [role, explicit] = roleOf(article, message, requesterName, author);
    if (!explicit) guessedRoles++;
    const content = (message ?? article).querySelector(ZD.content);
    if (!content) continue;
    const body = content.querySelector(ZD.comment) ?? content;
    const capped = capText(cleanMessageText(readableText(body, [...ZD.textNoise])), MAX_MESSAGE_CHARS);
    truncated ||= capped.truncated;
    const at = isoDate(article.querySelector(ZD.time)?.getAttribute('datetime'));
    if (role === 'customer' && channel === 'unknown') {
      channel = channelFromVia(
        shortText(article.querySelector(ZD.via)),
        content.getAttribute('data-originated-from') ?? undefined,
      );
    }
    if (capped.text === '') continue;
    messages.push({ role, ...(author ? { author } : {}), ...(at ? { at } : {}), text: capped.text });
  }
  // No customer message is fine when the page marked every role (an outbound ticket, a note-only draft);
  // when roles had to be guessed, the markup may have changed, and a wrong reading is worse than none.
  if (!messages.some((m) => m.role === 'customer') && (guessedRoles > 0 || messages.length === 0)) {
    return {
      unreadable: true,
      helpdesk: options.helpdesk,
      url,
      reason:
        'Calmdesk cannot tell which messages on this Zendesk ticket are the customer’s. ' +
        'Select the customer’s text to analyse it instead.',
    };
  }
  const subjectInput = pane.querySelector(ZD.subject) as HTMLInputElement | null;
  const subject = subjectInput?.value?.trim() || shortText(pane.querySelector(ZD.subjectLegacy));
  const agentName =
    displayName(shortText(pane.querySelector(ZD.assignee))) ??
    [...messages].reverse().find((m) => m.role === 'agent')?.author;
  const email = requesterRaw?.match(/[^\s<>()]+@[^\s<>()]+/)?.[0];
  return {
    helpdesk: options.helpdesk,
    url,
    ...(ticketId ? { ticketId } : {}),
    ...(subject ? { subject } : {}),
    requester: {
      ...(requesterName ? { name: requesterName, firstName: firstNameOf(requesterName) } : {}),
      ...(email ? { email } : {}),
    },
    ...(agentName ? { agent: { name: agentName, firstName: firstNameOf(agentName) } } : {}),
    channel: channel === 'unknown' ? options.defaultChannel : channel,
    composerMode: options.composerMode,
    messages,
    ...(truncated ? { truncated: true } : {}),
    readAt: new Date().toISOString(),
  };
}

/** The editable of the composer carrying `testId` (on the editable itself or on a wrapper). */
export function composerEditable(pane: Element, selector: string): Element | null {
  const marked = pane.querySelector(selector);
  if (!marked) return null;
  if (marked.matches('[contenteditable], textarea')) return marked;
  // The composer may not be mounted yet (CKEditor attaches to this element): still the reply box.
  return (
    marked.querySelector(ZD.editable) ?? marked.querySelector('[contenteditable="true"], textarea') ?? marked
  );
}

/** Public reply or internal note, from the channel switcher. */
export function switcherMode(pane: Element): ComposerMode | undefined {
  const switcher = pane.querySelector(ZD.channelSwitcher);
  if (!switcher) return undefined;
  const label = `${switcher.getAttribute('data-channel') ?? ''} ${switcher.getAttribute('aria-label') ?? ''}`;
  if (/internal|note|notat|anteckning|muistiinpano|sisäinen|intern/i.test(label)) return 'internal';
  return 'public';
}

/** A chat pane: the plain-text composer, or a toolbar without the ticket app icons. */
export function isChatPane(pane: Element): boolean {
  if (pane.querySelector(ZD.plainEditor)) return true;
  const toolbar = pane.querySelector(ZD.toolbar);
  return Boolean(toolbar && !toolbar.querySelector(ZD.ticketAppIcons) && !pane.querySelector(ZD.richEditor));
}

export const isZendeskAgentUrl = (url: URL): boolean =>
  /(^|\.)zendesk\.com$/i.test(url.hostname) && url.pathname.startsWith('/agent');

export const zendeskWorkspace: HelpdeskAdapter = {
  id: 'zendesk',
  matches(url, doc) {
    if (!isZendeskAgentUrl(url)) return false;
    const pane = activePane(doc);
    return !pane || !isChatPane(pane);
  },
  read(doc) {
    const url = doc.location?.href ?? '';
    if (!ticketIdFromUrl(url)) {
      return {
        unreadable: true,
        helpdesk: 'zendesk',
        url,
        reason:
          'This Zendesk page is not a ticket. Open a ticket, or select the customer’s text to analyse it.',
      };
    }
    const pane = activePane(doc);
    if (!pane) {
      return {
        unreadable: true,
        helpdesk: 'zendesk',
        url,
        reason:
          'Calmdesk cannot find the open ticket on this Zendesk page: the layout is not one it knows. ' +
          'Select the customer’s text to analyse it instead.',
      };
    }
    return readZendeskPane(doc, pane, {
      helpdesk: 'zendesk',
      defaultChannel: 'unknown',
      composerMode: this.composerMode(doc),
    });
  },
  findEditor(doc) {
    const pane = activePane(doc);
    return pane ? composerEditable(pane, ZD.richEditor) : null;
  },
  composerMode(doc) {
    const pane = activePane(doc);
    if (!pane) return 'unknown';
    if (isChatPane(pane)) return switcherMode(pane) === 'internal' ? 'internal' : 'chat';
    return switcherMode(pane) ?? (pane.querySelector(ZD.richEditor) ? 'public' : 'unknown');
  },
  observeRoot(doc) {
    return doc.querySelector(ZD.panes);
  },
  ticketKey(doc) {
    const pane = activePane(doc);
    const id = pane ? paneTicketId(pane) : undefined;
    return id ? `zendesk:${id}` : null;
  },
  pending: zendeskPending,
};
