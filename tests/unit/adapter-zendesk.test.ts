// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pickAdapter, readPage } from '../../src/adapters/registry';
import { zendeskMessaging } from '../../src/adapters/zendesk-messaging';
import { zendeskWorkspace } from '../../src/adapters/zendesk-workspace';
import { isUnreadable, type TicketSnapshot } from '../../src/core/snapshot';
// @ts-expect-error plain JS fixture module
import { renderLog } from '../fixtures/helpdesk/zendesk-render.mjs';
import { loadFixture, newStore } from './helpers/helpdesk-fixture';

const url = (path: string) => `https://acme.zendesk.com${path}`;

function readTicket(path: string, store = newStore()): TicketSnapshot {
  const doc = loadFixture(url(path), store);
  const result = readPage(doc);
  if (isUnreadable(result)) throw new Error(`unreadable: ${result.reason}`);
  return result;
}

describe('Zendesk Agent Workspace adapter', () => {
  it('picks the workspace adapter for an email ticket', () => {
    const doc = loadFixture(url('/agent/tickets/1001'));
    expect(pickAdapter(new URL(doc.location.href), doc)?.id).toBe('zendesk');
  });

  it('reads ticket 1001 (nb): header, requester, agent, channel, roles, cleaned text', () => {
    const snap = readTicket('/agent/tickets/1001');
    expect(snap.helpdesk).toBe('zendesk');
    expect(snap.ticketId).toBe('1001');
    expect(snap.subject).toBe('Pakken har ikke kommet – tredje gang jeg skriver');
    expect(snap.requester).toEqual({ name: 'Kari Nordmann', firstName: 'Kari' });
    expect(snap.agent).toEqual({ name: 'Ola Hansen', firstName: 'Ola' });
    expect(snap.channel).toBe('email');
    expect(snap.composerMode).toBe('public');
    // Lazy log: only the last four messages are rendered at first.
    expect(snap.messages.map((m) => m.role)).toEqual(['note', 'customer', 'agent', 'customer']);
    const last = snap.messages.at(-1)!;
    expect(last.author).toBe('Kari Nordmann');
    expect(last.at).toBe('2026-11-20T09:14:00.000Z');
    expect(last.text).toBe(
      'Dette er TREDJE gang jeg skriver til dere!!! Jeg har betalt for en jakke jeg aldri har fått, og ingen gidder å svare ordentlig. Jeg vil ha pengene tilbake nå, ellers går jeg til Forbrukerrådet.',
    );
    // The screen-reader duplicate of the last message is not read twice.
    expect(snap.messages.filter((m) => m.text.startsWith('Dette er TREDJE')).length).toBe(1);
    // Quoted history, signature and footer are gone from the earlier customer message too.
    expect(snap.messages[1]!.text).toBe('Fredag har kommet og gått. Hvor er pakken min?');
    // Agent signature (div.signature) is not part of the agent's text.
    expect(snap.messages[2]!.text).not.toContain('Med vennlig hilsen');
  });

  it('never treats the internal note as the customer', () => {
    const snap = readTicket('/agent/tickets/1001');
    const note = snap.messages.find((m) => m.text.includes('kjempesint'))!;
    expect(note.role).toBe('note');
    expect(
      snap.messages.filter((m) => m.role === 'customer').every((m) => !m.text.includes('kjempesint')),
    ).toBe(true);
  });

  it('ignores the inactive panes (other tickets in other languages)', () => {
    const doc = loadFixture(url('/agent/tickets/1001'));
    expect(doc.querySelectorAll('main#main_panes > *').length).toBe(3);
    expect(doc.querySelectorAll('article[data-test-id="omni-log-comment-item"]').length).toBeGreaterThan(5);
    const snap = readPage(doc) as TicketSnapshot;
    expect(snap.messages.some((m) => /Fakturan|fakturerat|Hallå/.test(m.text))).toBe(false);
    expect(zendeskWorkspace.ticketKey(doc)).toBe('zendesk:1001');
  });

  it('reads the older messages once "show more" has rendered them', () => {
    const store = newStore();
    const doc = loadFixture(url('/agent/tickets/1001'), store);
    const conversation = doc.querySelector(
      'main#main_panes > [data-pane-ticket="1001"] .conversation-polaris',
    )!;
    conversation.innerHTML = renderLog(store.zendesk['1001'], { visible: 99 });
    const snap = readPage(doc) as TicketSnapshot;
    expect(snap.messages.map((m) => m.role)).toEqual([
      'customer',
      'agent',
      'note',
      'customer',
      'agent',
      'customer',
    ]);
    expect(snap.messages[0]!.text).toBe(
      'Hei,\n\nJeg bestilte en vinterjakke 2. november (ordre 55120). Sporingen har stått stille i en uke.',
    );
  });

  it.each([
    ['1002', 'sv', 'Sven', 'web'],
    ['1003', 'fi', 'Matti', 'email'],
    ['1004', 'en', 'Emma', 'email'],
  ])('reads ticket %s (%s)', (id, _lang, firstName, channel) => {
    const store = newStore();
    const snap = readTicket(`/agent/tickets/${id}`, store);
    const expected = store.zendesk[id].expect.lastCustomerText;
    expect(snap.ticketId).toBe(id);
    expect(snap.requester?.firstName).toBe(firstName);
    expect(snap.channel).toBe(channel);
    expect(snap.messages.filter((m) => m.role === 'customer').at(-1)?.text).toBe(expected);
  });

  it('reports an internal-note composer (ticket 1003)', () => {
    const doc = loadFixture(url('/agent/tickets/1003'));
    expect(zendeskWorkspace.composerMode(doc)).toBe('internal');
    expect((readPage(doc) as TicketSnapshot).composerMode).toBe('internal');
  });

  it('reads a bot message as system (ticket 1004)', () => {
    const snap = readTicket('/agent/tickets/1004');
    expect(snap.messages.map((m) => m.role)).toEqual(['customer', 'system']);
  });

  it('finds the composer editable of the active pane only', () => {
    const doc = loadFixture(url('/agent/tickets/1002'));
    const editor = zendeskWorkspace.findEditor(doc)!;
    expect(editor.getAttribute('data-test-id')).toBe('omnicomposer-rich-text-ckeditor');
    expect(editor.closest('[data-pane-ticket]')?.getAttribute('data-pane-ticket')).toBe('1002');
  });

  it('waits (pending) while the URL names a ticket whose pane is not shown yet', () => {
    const doc = loadFixture(url('/agent/tickets/1001'));
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      url('/agent/tickets/1003'),
    );
    expect(zendeskWorkspace.pending?.(doc)).toBe(true);
    // The SPA renders: switch the visible pane.
    for (const pane of Array.from(
      doc.querySelectorAll<HTMLElement>('main#main_panes > [data-pane-ticket]'),
    )) {
      const active = pane.dataset.paneTicket === '1003';
      pane.style.display = active ? '' : 'none';
      pane.querySelector('.ticket-panes-grid-layout')!.setAttribute('data-is-active', String(active));
    }
    expect(zendeskWorkspace.pending?.(doc)).toBe(false);
    expect((readPage(doc) as TicketSnapshot).ticketId).toBe('1003');
    expect(zendeskWorkspace.ticketKey(doc)).toBe('zendesk:1003');
  });

  it('unknown view (dashboard) → unreadable with a sentence, no exception', () => {
    const doc = loadFixture(url('/agent/dashboard'));
    const result = readPage(doc);
    expect(isUnreadable(result)).toBe(true);
    if (isUnreadable(result)) expect(result.reason).toMatch(/not a ticket/);
  });

  it('changed markup → unreadable, never a wrong analysis', () => {
    const doc = loadFixture(url('/agent/tickets/1001?markup=changed'));
    const result = readPage(doc);
    expect(isUnreadable(result)).toBe(true);
    if (isUnreadable(result)) {
      expect(result.reason).toMatch(/layout is not one it knows/);
      expect(result.reason).toMatch(/Select the customer/);
    }
  });

  it('a ticket page without the panes container → unreadable', () => {
    const doc = loadFixture(url('/agent/tickets/1001'));
    doc.querySelector('main#main_panes')!.id = 'main_panes_v2';
    const result = readPage(doc);
    expect(isUnreadable(result)).toBe(true);
  });

  it('caps a huge message and flags the snapshot as truncated', () => {
    const store = newStore();
    store.zendesk['1004'].messages[0].html = `<p>${'a'.repeat(60_000)}</p>`;
    const snap = readTicket('/agent/tickets/1004', store);
    expect(snap.truncated).toBe(true);
    expect(snap.messages[0]!.text.length).toBe(50_000);
  });
});

describe('Zendesk messaging adapter', () => {
  it('picks the messaging adapter for a conversation with the plain-text composer', () => {
    const doc = loadFixture(url('/agent/tickets/2001'));
    expect(pickAdapter(new URL(doc.location.href), doc)?.id).toBe('zendesk-messaging');
    expect(zendeskMessaging.composerMode(doc)).toBe('chat');
    expect(zendeskMessaging.findEditor(doc)?.getAttribute('data-test-id')).toBe(
      'omnicomposer-plain-text-ckeditor',
    );
  });

  it('reads the chat (nb): bot is system, channel messaging, delivery marks stripped', () => {
    const snap = readTicket('/agent/tickets/2001');
    expect(snap.helpdesk).toBe('zendesk-messaging');
    expect(snap.channel).toBe('messaging');
    expect(snap.composerMode).toBe('chat');
    expect(snap.messages.map((m) => m.role)).toEqual(['system', 'customer', 'customer']);
    expect(snap.messages.at(-1)?.text).toBe('hallo?? er det noen der');
    expect(snap.requester?.firstName).toBe('Nora');
  });

  it('reads the sv conversation and keeps agent chat text without delivery marks', () => {
    const snap = readTicket('/agent/tickets/2002');
    expect(snap.messages.map((m) => m.role)).toEqual(['customer', 'agent']);
    expect(snap.messages[1]!.text).toBe('Hej Elin! Hur ofta tänker du använda tjänsten?');
  });

  it('an email ticket is not the messaging adapter', () => {
    const doc = loadFixture(url('/agent/tickets/1001'));
    expect(zendeskMessaging.matches(new URL(doc.location.href), doc)).toBe(false);
  });
});

describe('hostile HTML in a message', () => {
  it('is read as plain text: no markup, no script reaches the snapshot', () => {
    const store = newStore();
    store.zendesk['9901'] = {
      ...store.zendesk['1004'],
      id: '9901',
      messages: [
        {
          role: 'customer',
          author: 'Emma Clarke',
          at: '2026-11-22T16:10:00Z',
          html: '<p>Hi <img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>there, my order &lt;b&gt;123&lt;/b&gt; is late.</p>',
        },
      ],
    };
    const snap = readTicket('/agent/tickets/9901', store);
    const text = snap.messages.find((m) => m.role === 'customer')?.text ?? '';
    expect(text).toContain('my order <b>123</b> is late');
    expect(text).not.toMatch(/onerror|<img|<script|__pwned/);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
