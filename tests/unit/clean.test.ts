import { describe, expect, it } from 'vitest';
import { capText, cleanMessageText, firstNameOf, stripQuoted, stripSignature } from '../../src/core/clean';

describe('cleanMessageText: quoted history', () => {
  it.each([
    [
      'en Gmail',
      'Still broken.\n\nOn Mon, 3 Nov 2025 at 10:00, Support <support@x.com> wrote:\n> Try again.',
      'Still broken.',
    ],
    [
      'en wrapped attribution',
      'Still broken.\nOn Mon, 3 Nov 2025 at 10:00, Support <support@x.com>\nwrote:\n> Try again.',
      'Still broken.',
    ],
    [
      'nb Apple Mail',
      'Fortsatt ingen pakke.\n\nDen 3. nov. 2025 kl. 10:00 skrev Ola Hansen <ola@x.no>:\nHei Kari',
      'Fortsatt ingen pakke.',
    ],
    [
      'nb Gmail',
      'Hvor er pakken?\n\ntir. 4. nov. 2025 kl. 09:12 skrev Ola <ola@x.no>:\n> Hei',
      'Hvor er pakken?',
    ],
    [
      'sv Outlook',
      'Inget svar än.\n\nDen 21 nov. 2026 kl. 14:05 skrev Sven Lindqvist <sven@x.se>:\nNi har fakturerat',
      'Inget svar än.',
    ],
    [
      'fi Gmail',
      'Ei vieläkään rahoja.\n\nti 11.11.2026 klo 9.12 Nordlys (<tuki@x.fi>) kirjoitti:\nTilaus peruttu.',
      'Ei vieläkään rahoja.',
    ],
    [
      'Outlook original message',
      'Please refund.\n-----Original Message-----\nFrom: Support\nSent: Monday',
      'Please refund.',
    ],
    [
      'Outlook nb header block',
      'Takk.\n\nFra: Kundeservice <ks@x.no>\nSendt: mandag 3. november 2025 10:00\nTil: Kari\nEmne: Sv: Pakke',
      'Takk.',
    ],
    [
      'Outlook sv header block',
      'Tack.\n\nFrån: Kundtjänst <kt@x.se>\nSkickat: den 3 november 2025 10:00\nTill: Sven',
      'Tack.',
    ],
    [
      'Outlook fi header block',
      'Kiitos.\n\nLähettäjä: Asiakaspalvelu <ap@x.fi>\nLähetetty: maanantai 3. marraskuuta 2025 10.00\nVastaanottaja: Matti',
      'Kiitos.',
    ],
    [
      'Outlook en header block after rule',
      'Thanks.\n________________________________\nFrom: Support <s@x.com>\nSent: Monday\nTo: Emma',
      'Thanks.',
    ],
    [
      'an attribution over a "> " block: the answer written under it stays',
      'On Mon, 3 Nov 2025 at 10:00, Support <s@x.com> wrote:\n> We will call you.\n> Regards\n\nNobody called.',
      'Nobody called.',
    ],
    [
      'an attribution over unquoted history (Outlook style): the rest goes',
      'Still broken.\n\nDen 3. nov. 2025 kl. 10:00 skrev Kari <kari@x.no>:\nVi ringer deg.\nHilsen Kari',
      'Still broken.',
    ],
    [
      '"> " lines',
      'My answer is below.\n> your question\n> more quote\nAnd one more line.',
      'My answer is below.\nAnd one more line.',
    ],
  ])('%s', (_name, input, expected) => {
    expect(cleanMessageText(input)).toBe(expected);
  });

  it('keeps content that merely mentions writing', () => {
    expect(stripQuoted('On Monday my husband wrote:\nthe order number is wrong')).toBe(
      'On Monday my husband wrote:\nthe order number is wrong',
    );
    expect(stripQuoted('On 2 May you wrote:\n"We will call."\nNobody did.')).toBe(
      'On 2 May you wrote:\n"We will call."\nNobody did.',
    );
    expect(cleanMessageText('Fra: meg selv, egentlig. Jeg vil bare ha svar')).toBe(
      'Fra: meg selv, egentlig. Jeg vil bare ha svar',
    );
  });
});

describe('cleanMessageText: signatures and footers', () => {
  it.each([
    [
      'nb sign-off + name + phone',
      'Jeg vil ha pengene tilbake.\n\nMed vennlig hilsen\nKari Nordmann\ntlf. 912 34 567',
      'Jeg vil ha pengene tilbake.',
    ],
    ['nb Mvh on one line', 'Hallo?? Inget svar.\nMvh Sven', 'Hallo?? Inget svar.'],
    [
      'sv Vänliga hälsningar',
      'Fakturan är fel.\n\nVänliga hälsningar\nSven Lindqvist\nEkonomichef',
      'Fakturan är fel.',
    ],
    [
      'fi Ystävällisin terveisin',
      'Vaadin hyvityksen.\n\nYstävällisin terveisin\nMatti Virtanen',
      'Vaadin hyvityksen.',
    ],
    ['fi Terveisin', 'Voitteko neuvoa?\nTerveisin\nAino', 'Voitteko neuvoa?'],
    ['en Kind regards', 'Please help.\n\nKind regards,\nEmma Clarke\nClarke Design Ltd', 'Please help.'],
    ['en Best regards', 'Any update?\nBest regards\nTom', 'Any update?'],
    ['dash-dash signature', 'Broken again.\n-- \nTom Baker | Engineer\n+44 20 1234 5678', 'Broken again.'],
    ['nb iPhone footer', 'Hvor er pakken?\n\nSendt fra min iPhone', 'Hvor er pakken?'],
    ['sv iPhone footer', 'Hallå?\n\nSkickat från min iPhone', 'Hallå?'],
    ['fi iPhone footer', 'Missä paketti on?\n\nLähetetty iPhonesta', 'Missä paketti on?'],
    ['en iPhone footer', 'Where is it?\n\nSent from my iPhone', 'Where is it?'],
    ['en phone footer', 'Where is it?\nSent from my phone', 'Where is it?'],
    ['Outlook for Android', 'Locked out.\n\nGet Outlook for Android', 'Locked out.'],
    ['Samsung footer nb', 'Takk!\nSendt fra min Samsung Galaxy-smarttelefon.', 'Takk!'],
    [
      'all at once (nb)',
      'TREDJE gang!!!\n\nMed vennlig hilsen\nKari\n\nSendt fra min iPhone\n\nDen 19. nov. 2026 kl. 10:00 skrev Ola <o@x.no>:\n> Hei',
      'TREDJE gang!!!',
    ],
  ])('%s', (_name, input, expected) => {
    expect(cleanMessageText(input)).toBe(expected);
  });

  it('does not cut a sign-off word in the middle of a long message', () => {
    const text =
      'Hilsen til dere alle.\nJeg har ventet i tre uker på en pakke som aldri kom, og ingen svarer meg. Dette er helt uakseptabelt.\nNå vil jeg ha pengene tilbake.';
    expect(stripSignature(text)).toBe(text);
  });

  it('keeps a message that is only a sign-off', () => {
    expect(cleanMessageText('Kind regards')).toBe('Kind regards');
  });

  it('keeps a sign-off followed by more real text', () => {
    const text =
      'Regards the invoice: it is wrong.\nI was charged twice for November and nobody has explained why. Please fix it today.';
    expect(cleanMessageText(text)).toBe(text);
  });
});

describe('helpers', () => {
  it('capText cuts at the limit without splitting a surrogate pair', () => {
    expect(capText('abc', 5)).toEqual({ text: 'abc', truncated: false });
    expect(capText('ab😀', 3)).toEqual({ text: 'ab', truncated: true });
  });
  it('firstNameOf', () => {
    expect(firstNameOf('Kari Nordmann')).toBe('Kari');
    expect(firstNameOf('Nordmann, Kari')).toBe('Kari');
    expect(firstNameOf('Åsa Öberg <asa@x.se>')).toBe('Åsa');
    expect(firstNameOf('kari@example.no')).toBeUndefined();
    expect(firstNameOf(undefined)).toBeUndefined();
  });
});
