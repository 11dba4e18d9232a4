// Tickets for the fixture helpdesks, built from plain text, shared by the e2e tests.
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Five minutes ago: no measured wait, so waiting-time phrases don't lead unless a test wants them. */
const recent = () => new Date(Date.now() - 5 * 60_000).toISOString();

/**
 * A Zendesk ticket. `messages` is the customer's text, or [role, text] pairs (customer, note, agent).
 * @param {string} id @param {string} lang @param {string | [string, string][]} messages
 * @param {{ kind?: 'ticket' | 'messaging', name?: string }} [options]
 */
export function zendeskTicket(id, lang, messages, { kind = 'ticket', name = 'Emma Clarke' } = {}) {
  const chat = kind === 'messaging';
  const pairs = typeof messages === 'string' ? [['customer', messages]] : messages;
  return {
    id,
    kind,
    lang,
    subject: `Test ticket ${id}`,
    requester: { id: `9${id}`, name, email: `c${id}@example.com` },
    agent: { id: '77', name: 'James Miller' },
    mode: 'public',
    messages: pairs.map(([role, text]) => ({
      role,
      author: role === 'customer' ? name : 'James Miller',
      at: recent(),
      ...(role === 'note' ? {} : { via: chat ? 'via messaging' : 'via email' }),
      ...(role === 'customer' && !chat ? { originatedFrom: 'EmailInteraction' } : {}),
      html: chat ? escapeHtml(text) : `<p>${escapeHtml(text)}</p>`,
    })),
  };
}

/** A Freshdesk ticket whose description is the customer's text. */
export function freshdeskTicket(id, lang, text, name = 'Emma Clarke') {
  return {
    id,
    lang,
    subject: `Test ticket ${id}`,
    helpdeskName: 'Nordlys Support',
    requester: { id: `9${id}`, name, email: `c${id}@example.com` },
    agent: { name: 'Sarah Jones' },
    mode: 'reply',
    description: { at: recent(), html: `<div>${escapeHtml(text)}</div>` },
    items: [],
  };
}
