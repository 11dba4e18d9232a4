import { describe, expect, it } from 'vitest';
import { detectTopics, mainTopics } from '../../src/core/suggest/topics';
import type { Topic } from '../../src/core/taxonomy';

const customer = (text: string) => ({ role: 'customer' as const, text });

const CASES: [string, string, string, Topic][] = [
  ['nb', '', 'Pakken min har ikke kommet, og sporingen viser ingenting.', 'delivery'],
  ['nb', 'Dobbelt trekk', 'Jeg er trukket to ganger for samme faktura.', 'billing'],
  ['nb', '', 'Jeg får ikke logget inn, passordet blir avvist.', 'account'],
  ['nb', '', 'Jeg vil si opp abonnementet mitt fra neste måned.', 'cancellation'],
  ['nb', '', 'Appen krasjer hver gang jeg åpner den.', 'technical'],
  ['sv', '', 'Mitt paket har inte kommit fram och spårningen visar ingenting.', 'delivery'],
  ['sv', 'Faktura', 'Jag har blivit dubbeldebiterad på fakturan.', 'billing'],
  ['sv', '', 'Jag kan inte logga in, lösenordet fungerar inte längre.', 'account'],
  ['sv', '', 'Jag vill säga upp min prenumeration.', 'cancellation'],
  ['sv', '', 'Personalen i butiken var otrevlig mot mig.', 'staff'],
  ['fi', '', 'Pakettini ei ole vieläkään saapunut, eikä seuranta näytä mitään.', 'delivery'],
  ['fi', 'Laskutus', 'Minulta on veloitettu kahdesti samasta laskusta.', 'billing'],
  ['fi', '', 'En pysty kirjautumaan, salasana ei kelpaa.', 'account'],
  ['fi', '', 'Haluan irtisanoa sopimukseni.', 'cancellation'],
  ['fi', '', 'Tuote oli rikki, kun se tuli. Takuu on voimassa.', 'product'],
  ['en', '', "My parcel hasn't arrived and the tracking shows nothing.", 'delivery'],
  ['en', 'Charged twice', 'I was charged twice for the same invoice.', 'billing'],
  ['en', '', "I can't log in, my password is rejected.", 'account'],
  ['en', '', 'The app crashes every time I open it.', 'technical'],
  ['en', '', 'I want to cancel my subscription.', 'cancellation'],
];

describe('detectTopics', () => {
  it.each(CASES)('%s: %j %j → %s', (lang, subject, text, topic) => {
    const hits = detectTopics(subject, [customer(text)], lang);
    expect(hits[0].topic).toBe(topic);
    expect(hits[0].evidence.length).toBeGreaterThan(0);
  });

  it('gives general when nothing matches', () => {
    expect(detectTopics('', [customer('Hei, takk for sist!')], 'nb')).toEqual([
      { topic: 'general', score: 0, evidence: [] },
    ]);
    expect(mainTopics(detectTopics('', [customer('Hello there')], 'en'))).toEqual(['general']);
  });

  it('weighs the subject over the body and ignores internal notes', () => {
    const hits = detectTopics('Levering', [customer('Hei, jeg lurer på en faktura.')], 'nb');
    expect(hits[0].topic).toBe('delivery');
    const notes = detectTopics(
      '',
      [{ role: 'note', text: 'faktura faktura faktura' }, customer('Hei!')],
      'nb',
    );
    expect(notes[0].topic).toBe('general');
  });

  it('matches Norwegian compounds inside words and Finnish inflections', () => {
    expect(detectTopics('', [customer('Hvor er hentepakken min?')], 'nb')[0].evidence).toContain(
      'hentepakken',
    );
    expect(detectTopics('', [customer('Toimituksessa kestää.')], 'fi')[0].topic).toBe('delivery');
  });

  it('does not read Norwegian "tilbake" as the Finnish "tili" (account)', () => {
    const topics = detectTopics('', [customer('Jeg vil ha pengene tilbake.')], 'nb').map((hit) => hit.topic);
    expect(topics).toContain('billing');
    expect(topics).not.toContain('account');
  });

  it('keeps topics at least half as strong as the best', () => {
    const hits = detectTopics(
      'Faktura',
      [customer('Pakken har ikke kommet frem, og jeg er trukket for den.')],
      'nb',
    );
    expect(mainTopics(hits)).toEqual(expect.arrayContaining(['billing', 'delivery']));
  });
});
