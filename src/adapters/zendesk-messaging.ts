// Zendesk messaging / live chat conversations inside Agent Workspace (also /agent/tickets/<id>).
// Told apart from email tickets by the plain-text composer, where Enter sends the message. The log
// and header selectors are the workspace's (ZD in zendesk-workspace.ts); only the composer differs.
import type { HelpdeskAdapter } from './types';
import {
  activePane,
  composerEditable,
  isChatPane,
  isZendeskAgentUrl,
  readZendeskPane,
  switcherMode,
  ticketIdFromUrl,
  ZD,
  zendeskPending,
} from './zendesk-workspace';

export const zendeskMessaging: HelpdeskAdapter = {
  id: 'zendesk-messaging',
  matches(url, doc) {
    if (!isZendeskAgentUrl(url) || !ticketIdFromUrl(url.href)) return false;
    const pane = activePane(doc);
    return Boolean(pane && isChatPane(pane));
  },
  read(doc) {
    const url = doc.location?.href ?? '';
    const pane = activePane(doc);
    if (!pane) {
      return {
        unreadable: true,
        helpdesk: 'zendesk-messaging',
        url,
        reason:
          'Calmdesk cannot find the open conversation on this Zendesk page. Select the customer’s text to analyse it.',
      };
    }
    return readZendeskPane(doc, pane, {
      helpdesk: 'zendesk-messaging',
      defaultChannel: 'messaging',
      composerMode: this.composerMode(doc),
    });
  },
  findEditor(doc) {
    const pane = activePane(doc);
    if (!pane) return null;
    return composerEditable(pane, ZD.plainEditor) ?? composerEditable(pane, ZD.richEditor);
  },
  composerMode(doc) {
    const pane = activePane(doc);
    if (!pane) return 'unknown';
    // An internal note on a messaging ticket goes to agents only; Enter still matters less there.
    return switcherMode(pane) === 'internal' ? 'internal' : 'chat';
  },
  observeRoot(doc) {
    return doc.querySelector(ZD.panes);
  },
  ticketKey(doc) {
    const pane = activePane(doc);
    const id = ticketIdFromUrl(doc.location?.href ?? '');
    return pane && id ? `zendesk:${id}` : null;
  },
  pending: zendeskPending,
};
