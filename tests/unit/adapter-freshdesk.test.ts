// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { freshdesk } from '../../src/adapters/freshdesk';
import { pickAdapter, readPage } from '../../src/adapters/registry';
import { isUnreadable, type TicketSnapshot } from '../../src/core/snapshot';
import { loadFixture, newStore } from './helpers/helpdesk-fixture';

function readTicket(href: string, store = newStore()): TicketSnapshot {
  const doc = loadFixture(href, store);
  const result = readPage(doc);
  if (isUnreadable(result)) throw new Error(`unreadable: ${result.reason}`);
  return result;
}

describe('Freshdesk adapter (2026 UI)', () => {
  it('reads ticket 5001 (sv): subject from the title, contact from the shadow root', () => {
    const snap = readTicket('https://acme.freshdesk.com/a/tickets/5001');
    expect(snap.helpdesk).toBe('freshdesk');
    expect(snap.ticketId).toBe('5001');
    // Not the view name in [data-test-title="main-title"] ("All tickets").
    expect(snap.subject).toBe('Trasig diskmaskin – tredje kontakten');
    expect(snap.requester).toEqual({
      name: 'Karin Sjöberg',
      firstName: 'Karin',
      email: 'karin.sjoberg@example.se',
      locale: 'sv',
    });
    expect(snap.channel).toBe('email');
    expect(snap.composerMode).toBe('public');
  });

  it('gives each item its role: description, private note, the privatenote caveat, customer reply, agent reply', () => {
    const snap = readTicket('https://acme.freshdesk.com/a/tickets/5001');
    expect(snap.messages.map((m) => [m.role, m.author])).toEqual([
      ['customer', 'Karin Sjöberg'],
      ['note', 'Erik Nilsson'],
      // privatenote class but emailed (.emails-info): a reply, not a note.
      ['agent', 'Erik Nilsson'],
      ['customer', 'Karin Sjöberg'],
      ['agent', 'Erik Nilsson'],
    ]);
    expect(snap.messages[0]!.text).toBe(
      'Hej,\n\nDiskmaskinen ni installerade förra veckan läcker vatten. Jag har redan ringt två gånger.',
    );
    expect(snap.messages[2]!.text).not.toContain('Med vänliga hälsningar');
    expect(snap.messages[3]!.text).toBe(
      'Ingen har hört av sig. Det här är tredje gången jag kontaktar er och golvet är förstört. Jag vill prata med en chef.',
    );
    expect(snap.messages[3]!.at).toBe('2026-11-19T07:10:00.000Z');
    expect(snap.agent).toEqual({ name: 'Erik Nilsson', firstName: 'Erik' });
  });

  it('never reads the internal note as the customer', () => {
    const snap = readTicket('https://acme.freshdesk.com/a/tickets/5001');
    const customerText = snap.messages
      .filter((m) => m.role === 'customer')
      .map((m) => m.text)
      .join(' ');
    expect(customerText).not.toContain('Kunden verkar arg');
  });

  it.each([
    ['5002', 'Aino', 'fi', 'internal'],
    ['5003', 'Tom', 'en', 'public'],
  ])('reads ticket %s', (id, firstName, locale, mode) => {
    const store = newStore();
    const snap = readTicket(`https://acme.freshdesk.com/a/tickets/${id}`, store);
    expect(snap.requester?.firstName).toBe(firstName);
    expect(snap.requester?.locale).toBe(locale);
    expect(snap.composerMode).toBe(mode);
    expect(snap.messages.filter((m) => m.role === 'customer').at(-1)?.text).toBe(
      store.freshdesk[id].expect.lastCustomerText,
    );
  });

  it('a note that notifies agents (.emails-info.notify) is still a note', () => {
    const snap = readTicket('https://acme.freshdesk.com/a/tickets/5002');
    expect(snap.messages.map((m) => m.role)).toEqual(['customer', 'note']);
  });

  it('finds the Froala editable inside the rich-editor item', () => {
    const doc = loadFixture('https://acme.freshdesk.com/a/tickets/5001');
    // Froala builds this structure when it mounts (it does not run in happy-dom).
    doc.querySelector('.rich-editor .froala-target')!.innerHTML =
      '<div class="fr-box fr-basic"><div class="fr-wrapper"><div class="fr-element fr-view" contenteditable="true"><p><br></p></div></div></div>';
    expect(freshdesk.findEditor(doc)?.className).toBe('fr-element fr-view');
    expect(freshdesk.ticketKey(doc)).toBe('freshdesk:5001');
  });
});

describe('Freshdesk adapter (older UI)', () => {
  it('reads ticket 5004 (nb): .ticket-subject-heading and .info-details-widget', () => {
    const store = newStore();
    const snap = readTicket('https://acme.freshdesk.com/a/tickets/5004', store);
    expect(snap.subject).toBe('Spørsmål om levering');
    expect(snap.requester).toEqual({ name: 'Per Olsen', firstName: 'Per', email: 'per.olsen@example.no' });
    expect(snap.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'customer']);
    expect(snap.messages.at(-1)?.text).toBe('Så bra, tusen takk for hjelpen!');
    expect(snap.messages[0]!.text).toMatch(
      /^Hei! Håper dere har hatt en fin helg.*når pakken min kommer\?$/s,
    );
  });

  it('the 2026 ticket rendered as the older variant reads the same thread', () => {
    const a = readTicket('https://acme.freshdesk.com/a/tickets/5001');
    const b = readTicket('https://acme.freshdesk.com/a/tickets/5001?variant=legacy');
    expect(b.messages.map((m) => [m.role, m.text])).toEqual(a.messages.map((m) => [m.role, m.text]));
    expect(b.subject).toBe(a.subject);
  });
});

describe('Freshdesk: custom domain and unknown views', () => {
  it('recognises Freshdesk on a custom domain by path + Ember app + thread', () => {
    const doc = loadFixture('https://support.example.com/a/tickets/5003');
    expect(pickAdapter(new URL(doc.location.href), doc)?.id).toBe('freshdesk');
    expect((readPage(doc) as TicketSnapshot).ticketId).toBe('5003');
  });

  it('a ticket list is unreadable with a sentence', () => {
    const doc = loadFixture('https://acme.freshdesk.com/a/tickets');
    const result = readPage(doc);
    expect(isUnreadable(result)).toBe(true);
    if (isUnreadable(result)) expect(result.reason).toMatch(/not a ticket/);
  });

  it('a ticket whose thread markup changed is unreadable, not misread', () => {
    const doc = loadFixture('https://acme.freshdesk.com/a/tickets/5001');
    for (const el of Array.from(doc.querySelectorAll('[data-test-id="ticket-description"]'))) {
      el.setAttribute('data-test-id', 'ticket-description-v2');
      el.removeAttribute('data-album');
    }
    const result = readPage(doc);
    expect(isUnreadable(result)).toBe(true);
    expect(freshdesk.pending?.(doc)).toBe(true);
  });

  it('an unknown host without the Freshdesk markers has no adapter', () => {
    const doc = loadFixture('https://support.example.com/a/tickets');
    expect(pickAdapter(new URL(doc.location.href), doc)).toBeUndefined();
    const result = readPage(doc);
    expect(isUnreadable(result) && result.reason).toMatch(/does not know this page/);
  });
});
