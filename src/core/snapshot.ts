// The plain, serialisable description of one open ticket that the content script sends to the
// background. It crosses the extension's message boundary, so it is validated there (see messages.ts).

export type MessageRole = 'customer' | 'agent' | 'note' | 'system';
export type Channel = 'email' | 'web' | 'chat' | 'messaging' | 'phone' | 'unknown';
export type ComposerMode = 'public' | 'internal' | 'chat' | 'unknown';
export type HelpdeskId = 'zendesk' | 'zendesk-messaging' | 'freshdesk' | 'selection';

export interface SnapshotMessage {
  role: MessageRole;
  author?: string;
  /** ISO 8601 when the page shows a machine-readable time. */
  at?: string;
  /** Text to classify: quoted history, signatures and mobile footers already stripped. */
  text: string;
}

export interface TicketSnapshot {
  helpdesk: HelpdeskId;
  url: string;
  ticketId?: string;
  subject?: string;
  requester?: { name?: string; firstName?: string; email?: string; locale?: string };
  agent?: { name?: string; firstName?: string };
  channel: Channel;
  composerMode: ComposerMode;
  messages: SnapshotMessage[];
  /** Set when the snapshot was cut to fit the per-tab cap. */
  truncated?: boolean;
  readAt: string;
}

export interface Unreadable {
  unreadable: true;
  helpdesk?: HelpdeskId;
  url: string;
  /** A plain sentence for the side panel: what could not be read. */
  reason: string;
}

export const isUnreadable = (value: TicketSnapshot | Unreadable): value is Unreadable =>
  'unreadable' in value && value.unreadable === true;
