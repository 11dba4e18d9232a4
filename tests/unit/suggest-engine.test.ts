import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConversationAnalysis, ConversationMessage, CueHit, Register } from '../../src/core/analysis';
import { compose, planReplyFrame, type SuggestInput, suggest } from '../../src/core/suggest/index';
import type { Frame, Phrase } from '../../src/core/suggestion';
import { CUSTOMER_TYPES, type Cue, type CustomerType, type Lang, type Stage } from '../../src/core/taxonomy';

type L = Lang;
const LANGS: L[] = ['nb', 'sv', 'fi', 'en'];

function analysisOf(
  lang: string,
  customerType: CustomerType | null,
  cues: Cue[] = [],
  register?: Register,
): ConversationAnalysis {
  const scores = Object.fromEntries(
    CUSTOMER_TYPES.map((t) => [t, t === customerType ? 0.8 : 0.05]),
  ) as Record<CustomerType, number>;
  const cueHits: CueHit[] = cues.map((cue) => ({ cue, score: 0.9, evidence: [] }));
  const analysis: ConversationAnalysis = {
    lang,
    supported: true,
    langConfidence: 0.9,
    customerType,
    confidence: 0.8,
    scores,
    cues: cueHits,
    trajectory: 'steady',
    temperatures: [],
  };
  if (register) analysis.register = register;
  return analysis;
}

// Small hand-written phrase lists: the same stages in all four languages.
type Row = { key: string; stage: Stage; types?: CustomerType[]; cues?: Cue[]; tags?: string[] };
const ROWS: Row[] = [
  { key: 'apologize.simple', stage: 'apologize', types: ['angry'] },
  { key: 'apologize.wait', stage: 'apologize' },
  { key: 'acknowledge.thanks', stage: 'acknowledge' },
  { key: 'acknowledge.repeat', stage: 'acknowledge', cues: ['repeatContact'] },
  { key: 'acknowledge.hurry', stage: 'acknowledge', types: ['impatient'], cues: ['urgency'] },
  { key: 'solve.generic', stage: 'solve' },
  { key: 'solve.delivery', stage: 'solve', tags: ['delivery'] },
  { key: 'solve.billing', stage: 'solve', tags: ['billing'] },
  { key: 'expectations.time', stage: 'expectations', types: ['impatient'] },
  { key: 'restate.generic', stage: 'restate' },
  { key: 'followUp.generic', stage: 'followUp' },
];

const TEXTS: Record<L, Record<string, string>> = {
  nb: {
    'apologize.simple': 'Beklager så mye for bryderiet dette har skapt.',
    'apologize.wait': 'Beklager at du har ventet {{wait.duration}} på svar.',
    'acknowledge.thanks': 'Takk for at du tok kontakt med oss.',
    'acknowledge.repeat': 'Jeg ser at du har skrevet til oss flere ganger om dette.',
    'acknowledge.hurry': 'Jeg ser at dette haster, og jeg prioriterer saken din nå.',
    'solve.generic': 'Jeg har sett på saken din, og dette er løsningen: {{cursor}}',
    'solve.delivery': 'Jeg har sporet pakken din, og den er nå på vei til deg.',
    'solve.billing': 'Jeg har refundert det doble trekket til kortet ditt.',
    'expectations.time': 'Du hører fra oss innen {{fill.time}}.',
    'restate.generic': 'Slik jeg forstår det, gjelder saken {{cursor}}',
    'followUp.generic': 'Jeg følger opp saken i morgen og gir deg beskjed.',
  },
  sv: {
    'apologize.simple': 'Jag ber verkligen om ursäkt för besväret.',
    'apologize.wait': 'Förlåt att du har fått vänta {{wait.duration}} på svar.',
    'acknowledge.thanks': 'Tack för att du hörde av dig till oss.',
    'acknowledge.repeat': 'Jag ser att du har skrivit till oss flera gånger om det här.',
    'acknowledge.hurry': 'Jag förstår att det är bråttom, och jag prioriterar ditt ärende nu.',
    'solve.generic': 'Jag har tittat på ditt ärende och lösningen är: {{cursor}}',
    'solve.delivery': 'Jag har spårat ditt paket och det är nu på väg till dig.',
    'solve.billing': 'Jag har återbetalat den dubbla debiteringen till ditt kort.',
    'expectations.time': 'Du hör från oss inom {{fill.time}}.',
    'restate.generic': 'Som jag förstår det gäller ärendet {{cursor}}',
    'followUp.generic': 'Jag följer upp ärendet i morgon.',
  },
  fi: {
    'apologize.simple': 'Pahoittelen todella harmia, jota asia on sinulle aiheuttanut.',
    'apologize.wait': 'Pahoittelen, että vastausta on jouduttu odottamaan {{wait.duration}}.',
    'acknowledge.thanks': 'Kiitos, että otit meihin yhteyttä.',
    'acknowledge.repeat': 'Näen, että olet kirjoittanut meille tästä jo useamman kerran.',
    'acknowledge.hurry': 'Ymmärrän, että asialla on kiire, ja hoidan sen heti.',
    'solve.generic': 'Olen käynyt asian läpi, ja ratkaisu on: {{cursor}}',
    'solve.delivery': 'Jäljitin pakettisi, ja se on nyt matkalla sinulle.',
    'solve.billing': 'Olen hyvittänyt kaksinkertaisen veloituksen kortillesi.',
    'expectations.time': 'Saat meiltä vastauksen {{fill.time}} mennessä.',
    'restate.generic': 'Jos ymmärrän oikein, asia koskee {{cursor}}',
    'followUp.generic': 'Palaan asiaan huomenna.',
  },
  en: {
    'apologize.simple': "I'm really sorry for the trouble this has caused.",
    'apologize.wait': "I'm sorry you have waited {{wait.duration}} for an answer.",
    'acknowledge.thanks': 'Thank you for getting in touch with us.',
    'acknowledge.repeat': 'I can see you have written to us several times about this.',
    'acknowledge.hurry': "I can see this is urgent, so I'm handling it right now.",
    'solve.generic': 'I have looked into your case, and here is the solution: {{cursor}}',
    'solve.delivery': 'I have traced your parcel and it is now on its way to you.',
    'solve.billing': 'I have refunded the double charge to your card.',
    'expectations.time': 'You will hear from us within {{fill.time}}.',
    'restate.generic': 'If I understand correctly, this is about {{cursor}}',
    'followUp.generic': "I'll follow up on this tomorrow.",
  },
};

// Finnish te-form twins of the sinä-form phrases above (the sinä ones get register informal).
const FI_FORMAL: Record<string, string> = {
  'apologize.simple': 'Pahoittelen todella harmia, jota asia on teille aiheuttanut.',
  'acknowledge.thanks': 'Kiitos, että otitte meihin yhteyttä.',
  'acknowledge.repeat': 'Näen, että olette kirjoittaneet meille tästä jo useamman kerran.',
  'solve.delivery': 'Jäljitin pakettinne, ja se on nyt matkalla teille.',
  'solve.billing': 'Olen hyvittänyt kaksinkertaisen veloituksen kortillenne.',
  'expectations.time': 'Saatte meiltä vastauksen {{fill.time}} mennessä.',
};

function phrasesFor(lang: L): Phrase[] {
  const out: Phrase[] = [];
  for (const row of ROWS) {
    const base: Phrase = { id: `${lang}.${row.key}`, stage: row.stage, lang, text: TEXTS[lang][row.key] };
    if (row.types) base.types = row.types;
    if (row.cues) base.cues = row.cues;
    if (row.tags) base.tags = row.tags;
    if (lang === 'fi' && FI_FORMAL[row.key]) {
      out.push({ ...base, id: `${base.id}.sina`, register: 'informal' });
      out.push({ ...base, id: `${base.id}.te`, register: 'formal', text: FI_FORMAL[row.key] });
    } else out.push(base);
  }
  return out;
}
const ALL_PHRASES = LANGS.flatMap(phrasesFor);
/** Id of a fixture phrase as the engine sees it (Finnish sinä/te twins get a suffix). */
const pid = (lang: L, key: string, register: Register = 'informal') =>
  lang === 'fi' && FI_FORMAL[key] ? `fi.${key}.${register === 'formal' ? 'te' : 'sina'}` : `${lang}.${key}`;

const FRAMES: Frame[] = [
  { lang: 'nb', greeting: 'Hei {{customer.firstName}},', signoff: 'Med vennlig hilsen\n{{agent.name}}' },
  { lang: 'sv', greeting: 'Hej {{customer.firstName}}!', signoff: 'Vänliga hälsningar\n{{agent.name}}' },
  { lang: 'fi', greeting: 'Hei {{customer.firstName}},', signoff: 'Ystävällisin terveisin\n{{agent.name}}' },
  {
    lang: 'fi',
    register: 'formal',
    greeting: 'Hyvä {{customer.name}},',
    signoff: 'Ystävällisin terveisin\n{{agent.name}}',
  },
  { lang: 'en', greeting: 'Hi {{customer.firstName}},', signoff: 'Kind regards,\n{{agent.name}}' },
];

const MSG: Record<
  L,
  { plain: string; delivery: string; billing: string; agentApology: string; angry: string }
> = {
  nb: {
    plain: 'Hei, jeg har et spørsmål om bestillingen min.',
    delivery: 'Pakken min har ikke kommet, og sporingen viser ingenting.',
    billing: 'Jeg er trukket to ganger for samme faktura.',
    agentApology: 'Hei! Beklager forsinkelsen, vi ser på det.',
    angry: 'Dette er helt uakseptabelt!',
  },
  sv: {
    plain: 'Hej, jag har en fråga om min beställning.',
    delivery: 'Mitt paket har inte kommit fram och spårningen visar ingenting.',
    billing: 'Jag har blivit dubbeldebiterad på fakturan.',
    agentApology: 'Hej! Vi beklagar förseningen och tittar på det.',
    angry: 'Det här är helt oacceptabelt!',
  },
  fi: {
    plain: 'Hei, minulla on kysymys tilauksesta.',
    delivery: 'Pakettini ei ole vieläkään saapunut, eikä seuranta näytä mitään.',
    billing: 'Minulta on veloitettu kahdesti samasta laskusta.',
    agentApology: 'Hei! Pahoittelen viivettä, selvitämme asiaa.',
    angry: 'Tämä on täysin kestämätöntä!',
  },
  en: {
    plain: 'Hi, I have a question about my order.',
    delivery: "My parcel hasn't arrived and the tracking shows nothing.",
    billing: 'I was charged twice for the same invoice.',
    agentApology: "Hi! Sorry for the delay, we're looking into it.",
    angry: 'This is completely unacceptable!',
  },
};

const WAIT_WORDS: Record<L, string> = {
  nb: 'tre dager',
  sv: 'tre dagar',
  fi: 'kolme päivää',
  en: 'three days',
};

const customer = (text: string, at?: string): ConversationMessage =>
  at ? { role: 'customer', text, at } : { role: 'customer', text };
const agent = (text: string, at?: string): ConversationMessage =>
  at ? { role: 'agent', text, at } : { role: 'agent', text };

function input(
  lang: L,
  partial: Partial<SuggestInput> & Pick<SuggestInput, 'analysis' | 'messages'>,
): SuggestInput {
  return {
    phrases: ALL_PHRASES,
    frames: FRAMES,
    fill: { customer: { name: 'Kari Nordmann' }, agent: { name: 'Ola Hansen' } },
    ...partial,
    analysis: { ...partial.analysis, lang: partial.analysis.lang ?? lang },
  };
}

const ids = (list: { phraseId: string }[] | undefined) => (list ?? []).map((s) => s.phraseId);

describe.each(LANGS)('suggest (%s)', (lang) => {
  it('answers in the conversation language with at least one suggestion per leading stage', () => {
    const result = suggest(
      input(lang, { analysis: analysisOf(lang, 'angry'), messages: [customer(MSG[lang].angry)] }),
    );
    expect(result.lang).toBe(lang);
    expect(result.customerType).toBe('angry');
    expect(result.leading[0].stage).toBe('apologize');
    for (const lead of result.leading)
      expect(result.suggestions.some((s) => s.stage === lead.stage)).toBe(true);
    for (const s of result.suggestions) {
      expect(s.lang).toBe(lang);
      expect(s.text).not.toContain('{{');
      expect(s.reason).toMatch(/^because: /);
    }
    expect(result.suggestions[0].phraseId).toBe(pid(lang, 'apologize.simple'));
    expect(result.suggestions[0].reason).toContain('type angry');
  });

  it('steps back an apology the agent already gave', () => {
    const before = suggest(
      input(lang, { analysis: analysisOf(lang, 'angry'), messages: [customer(MSG[lang].angry)] }),
    );
    const after = suggest(
      input(lang, {
        analysis: analysisOf(lang, 'angry'),
        messages: [customer(MSG[lang].plain), agent(MSG[lang].agentApology), customer(MSG[lang].angry)],
      }),
    );
    expect(after.agentCovered).toContain('apologize');
    expect(after.leading[0].stage).not.toBe('apologize');
    const weight = (r: typeof before, stage: Stage) => r.leading.find((l) => l.stage === stage)?.weight ?? 0;
    expect(weight(after, 'apologize')).toBeLessThan(weight(before, 'apologize'));
    const apology = after.byStage.apologize?.[0];
    expect(apology?.reasons).toContainEqual({ kind: 'covered', id: 'apologize' });
  });

  it('never offers a phrase already sent in this ticket', () => {
    const thanks = TEXTS[lang]['acknowledge.thanks'];
    const solved = TEXTS[lang]['solve.generic'].replace('{{cursor}}', 'X-42.');
    const base = suggest(
      input(lang, { analysis: analysisOf(lang, 'neutral'), messages: [customer(MSG[lang].plain)] }),
    );
    expect(ids(base.byStage.acknowledge)).toContain(pid(lang, 'acknowledge.thanks'));
    expect(ids(base.byStage.solve)).toContain(pid(lang, 'solve.generic'));
    const result = suggest(
      input(lang, {
        analysis: analysisOf(lang, 'neutral'),
        messages: [
          customer(MSG[lang].plain),
          agent(`Hei Kari,\n\n${thanks.toUpperCase()}\n\n${solved}`),
          customer('?'),
        ],
      }),
    );
    const offered = Object.values(result.byStage).flatMap((list) => ids(list));
    expect(offered).not.toContain(pid(lang, 'acknowledge.thanks'));
    expect(offered).not.toContain(pid(lang, 'solve.generic'));
  });

  it('apologises for a measured wait and names the duration', () => {
    const result = suggest(
      input(lang, {
        analysis: analysisOf(lang, 'neutral'),
        messages: [customer(MSG[lang].plain, '2026-11-20T10:00:00Z')],
        now: '2026-11-23T10:00:00Z',
      }),
    );
    expect(result.wait).toMatchObject({ hours: 72, inRow: 1, duration: WAIT_WORDS[lang], active: true });
    expect(result.leading[0].stage).toBe('apologize');
    expect(result.suggestions[0].phraseId).toBe(pid(lang, 'apologize.wait'));
    expect(result.suggestions[0].text).toContain(WAIT_WORDS[lang]);
    expect(result.suggestions[0].reason).toContain('waited three days');
  });

  it('does not apologise for a short wait, but does for several messages in a row', () => {
    const short = suggest(
      input(lang, {
        analysis: analysisOf(lang, 'neutral'),
        messages: [customer(MSG[lang].plain, '2026-11-23T09:00:00Z')],
        now: '2026-11-23T10:00:00Z',
      }),
    );
    expect(short.wait?.active).toBe(false);
    expect(ids(short.suggestions)).not.toContain(pid(lang, 'apologize.wait'));
    const inRow = suggest(
      input(lang, {
        analysis: analysisOf(lang, 'neutral'),
        messages: [customer(MSG[lang].plain), customer(MSG[lang].plain), customer('??')],
      }),
    );
    expect(inRow.wait).toMatchObject({ inRow: 3, active: true });
    expect(inRow.leading[0].stage).toBe('apologize');
    // Without message times there is no duration to name, so the wait phrase is not offered.
    expect(ids(inRow.byStage.apologize)).not.toContain(pid(lang, 'apologize.wait'));
  });

  it('leads a repeat contact with acknowledging it', () => {
    const messages = [customer(MSG[lang].plain), agent(MSG[lang].agentApology), customer(MSG[lang].angry)];
    const result = suggest(
      input(lang, { analysis: analysisOf(lang, 'angry', ['repeatContact', 'anger']), messages }),
    );
    expect(result.leading[0].stage).toBe('acknowledge');
    expect(result.suggestions[0].phraseId).toBe(pid(lang, 'acknowledge.repeat'));
    expect(result.suggestions[0].reason).toContain('repeat contact');
    const without = suggest(input(lang, { analysis: analysisOf(lang, 'angry', ['anger']), messages }));
    expect(ids(without.byStage.acknowledge)).not.toContain(pid(lang, 'acknowledge.repeat'));
  });

  it('ranks the solution for the ticket topic first', () => {
    const delivery = suggest(
      input(lang, { analysis: analysisOf(lang, 'neutral'), messages: [customer(MSG[lang].delivery)] }),
    );
    expect(delivery.topics[0]).toBe('delivery');
    expect(delivery.byStage.solve?.[0].phraseId).toBe(pid(lang, 'solve.delivery'));
    expect(delivery.byStage.solve?.[0].reason).toContain('topic delivery');
    expect(ids(delivery.byStage.solve)).toContain(pid(lang, 'solve.generic'));
    const billing = suggest(
      input(lang, { analysis: analysisOf(lang, 'neutral'), messages: [customer(MSG[lang].billing)] }),
    );
    expect(billing.topics[0]).toBe('billing');
    expect(billing.byStage.solve?.[0].phraseId).toBe(pid(lang, 'solve.billing'));
  });

  it('re-ranks at once when the agent corrects the type or dismisses a cue', () => {
    const messages = [customer(MSG[lang].angry)];
    const analysis = analysisOf(lang, 'angry', ['repeatContact']);
    const original = suggest(input(lang, { analysis, messages }));
    expect(original.suggestions[0].phraseId).toBe(pid(lang, 'acknowledge.repeat'));
    const dismissed = suggest(
      input(lang, { analysis, messages, corrections: { dismissedCues: ['repeatContact'] } }),
    );
    expect(dismissed.leading[0].stage).toBe('apologize');
    expect(Object.values(dismissed.byStage).flatMap((l) => ids(l))).not.toContain(
      pid(lang, 'acknowledge.repeat'),
    );
    const corrected = suggest(
      input(lang, {
        analysis,
        messages,
        corrections: { type: 'impatient', dismissedCues: ['repeatContact'] },
      }),
    );
    expect(corrected.customerType).toBe('impatient');
    expect(corrected.leading.map((l) => l.stage).slice(0, 2)).toEqual(['acknowledge', 'expectations']);
    expect(corrected.suggestions[0].phraseId).toBe(pid(lang, 'acknowledge.hurry'));
  });

  it('switches the reply language when the agent asks', () => {
    const other: L = lang === 'en' ? 'nb' : 'en';
    const result = suggest(
      input(lang, {
        analysis: analysisOf(lang, 'angry'),
        messages: [customer(MSG[lang].angry)],
        replyLang: other,
      }),
    );
    expect(result.lang).toBe(other);
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const s of result.suggestions) expect(s.phraseId.startsWith(`${other}.`)).toBe(true);
    expect(result.frame?.lang).toBe(other);
  });

  it('is deterministic whatever the phrase order', () => {
    const base = input(lang, {
      analysis: analysisOf(lang, 'angry', ['urgency']),
      messages: [customer(MSG[lang].delivery, '2026-11-22T10:00:00Z')],
      now: '2026-11-23T10:00:00Z',
    });
    const first = suggest(base);
    expect(suggest(base)).toEqual(first);
    const reversed = suggest({ ...base, phrases: [...base.phrases].reverse() });
    expect(ids(reversed.suggestions)).toEqual(ids(first.suggestions));
  });

  it('composes greeting, parts in stage order and sign-off with one cursor', () => {
    const result = suggest(
      input(lang, { analysis: analysisOf(lang, 'angry'), messages: [customer(MSG[lang].delivery)] }),
    );
    const solve = result.byStage.solve?.find((s) => s.phraseId === pid(lang, 'solve.generic'));
    const apology = result.byStage.apologize?.[0];
    expect(solve && apology).toBeTruthy();
    if (!solve || !apology) return;
    const reply = compose([solve, apology], result.frame, result.fill);
    const paragraphs = reply.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/Kari|Kari Nordmann/);
    expect(paragraphs[1]).toBe(apology.text);
    expect(paragraphs[2].startsWith(solve.text.trim())).toBe(true);
    expect(reply.text.endsWith('Ola Hansen')).toBe(true);
    expect(reply.cursor).toBe(reply.text.indexOf(paragraphs[2]) + (solve.cursor ?? -1));
    expect(reply.text).not.toContain('{{');
  });
});

describe('suggest: Finnish register', () => {
  const messages = [customer('Pakettimme ei ole vieläkään saapunut. Voisitteko tarkistaa asian?')];

  it('gives a te-writer only formal or neutral phrases', () => {
    const result = suggest(
      input('fi', { analysis: analysisOf('fi', 'angry', ['repeatContact'], 'formal'), messages }),
    );
    expect(result.register).toBe('formal');
    const all = Object.values(result.byStage).flat();
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) expect(s?.register === undefined || s?.register === 'formal').toBe(true);
    expect(all.some((s) => s?.register === 'formal')).toBe(true);
    expect(result.suggestions[0].phraseId).toBe('fi.acknowledge.repeat.te');
    expect(result.frame?.register).toBe('formal');
  });

  it('gives a sinä-writer (or an unknown register) the informal phrases', () => {
    for (const register of ['informal', undefined] as const) {
      const result = suggest(input('fi', { analysis: analysisOf('fi', 'angry', [], register), messages }));
      expect(result.register).toBe('informal');
      for (const s of Object.values(result.byStage).flat()) expect(s?.register).not.toBe('formal');
    }
  });

  it('never mixes te and sinä in one composed reply', () => {
    const formal = suggest(input('fi', { analysis: analysisOf('fi', 'angry', [], 'formal'), messages }));
    const informal = suggest(input('fi', { analysis: analysisOf('fi', 'angry', [], 'informal'), messages }));
    const te = formal.byStage.apologize?.[0];
    const sina = informal.byStage.solve?.find((s) => s.register === 'informal');
    expect(te?.register).toBe('formal');
    expect(sina?.register).toBe('informal');
    if (!te || !sina) return;
    const reply = compose([te, sina], formal.frame, formal.fill);
    expect(reply.dropped).toEqual([sina.phraseId]);
    expect(reply.text).toContain(te.text);
    expect(reply.text).not.toContain(sina.text);
  });
});

describe('compose and frames', () => {
  it('picks the frame of the register, then one without', () => {
    expect(planReplyFrame(FRAMES, 'fi', 'formal')?.greeting).toBe('Hyvä {{customer.name}},');
    expect(planReplyFrame(FRAMES, 'fi', 'informal')?.greeting).toBe('Hei {{customer.firstName}},');
    expect(planReplyFrame(FRAMES, 'da')).toBeUndefined();
  });

  it('degrades the greeting without a first name and refills fill-ins given later', () => {
    const result = suggest({
      analysis: analysisOf('nb', 'impatient', ['urgency']),
      messages: [customer('Hallo?? Når kommer svaret?')],
      phrases: ALL_PHRASES,
      frames: FRAMES,
      fill: { customer: { name: 'Acme AS' }, agent: { name: 'Ola Hansen' } },
    });
    expect(result.customerFirstName).toBeUndefined();
    const time = result.byStage.expectations?.[0];
    expect(time?.needs).toEqual(['fill.time']);
    expect(time?.text).toBe('Du hører fra oss innen [tidspunkt].');
    if (!time) return;
    const reply = compose([time], result.frame, { ...result.fill, fill: { time: 'klokka 14' } });
    expect(reply.text).toBe('Hei,\n\nDu hører fra oss innen klokka 14.\n\nMed vennlig hilsen\nOla Hansen');
    expect(reply.needs).toEqual([]);
    expect(reply.cursor).toBe(reply.text.indexOf('klokka 14.') + 'klokka 14.'.length);
  });

  it('shows the first name it will use and the double-name choice', () => {
    const result = suggest({
      analysis: analysisOf('nb', 'neutral'),
      messages: [customer('Hei')],
      phrases: ALL_PHRASES,
      fill: { customer: { name: 'Jan Erik Olsen' } },
    });
    expect(result.customerFirstName).toBe('Jan');
    expect(result.nameCandidates).toEqual(['Jan', 'Jan Erik']);
  });

  it('falls back to English for an unsupported language', () => {
    const analysis = { ...analysisOf('da', null), supported: false };
    const result = suggest({
      analysis,
      messages: [customer('Hej, hvor er min pakke?')],
      phrases: ALL_PHRASES,
    });
    expect(result.lang).toBe('en');
    expect(result.customerType).toBeNull();
    expect(result.suggestions.length).toBeGreaterThan(0);
  });
});

describe('suggest with the built-in packs', () => {
  const packs = ['nb', 'sv', 'fi', 'en']
    .map((lang) => `src/data/packs/builtin-${lang}.json`)
    .filter((path) => existsSync(path));

  it('ranks the built-in Norwegian pack for an angry, waiting delivery customer', () => {
    expect(packs.length).toBeGreaterThan(0);
    const phrases: Phrase[] = [];
    const frames: Frame[] = [];
    for (const path of packs) {
      const pack = JSON.parse(readFileSync(path, 'utf8'));
      phrases.push(...pack.phrases);
      frames.push(...(pack.frames ?? []));
    }
    const lang = phrases.some((p) => p.lang === 'nb') ? 'nb' : phrases[0].lang;
    const result = suggest({
      analysis: analysisOf(lang, 'angry', ['anger']),
      messages: [
        customer('Pakken har ikke kommet! Dette er tredje gang jeg skriver.', '2026-11-20T09:00:00Z'),
      ],
      subject: 'Levering',
      phrases,
      frames,
      now: '2026-11-23T10:00:00Z',
      fill: { customer: { name: 'Kari Nordmann' }, agent: { name: 'Ola Hansen' } },
    });
    expect(result.lang).toBe(lang);
    expect(result.suggestions.length).toBeGreaterThan(0);
    for (const lead of result.leading)
      expect(result.suggestions.some((s) => s.stage === lead.stage)).toBe(true);
    for (const s of Object.values(result.byStage).flat()) {
      expect(s?.text).not.toContain('{{');
      expect(s?.lang).toBe(lang);
    }
    if (lang === 'nb') {
      expect(result.leading[0].stage).toBe('apologize');
      expect(result.suggestions[0].text).toContain('tre dager');
    }
    const reply = compose(result.suggestions.slice(0, 3), result.frame, result.fill);
    expect(reply.text).not.toContain('{{');
    expect(reply.cursor).toBeGreaterThan(0);
  });
});

describe('suggest: the first name the agent corrected', () => {
  it('uses the corrected first name and still offers the others', () => {
    const result = suggest({
      analysis: analysisOf('nb', 'neutral'),
      messages: [customer('Hei')],
      phrases: ALL_PHRASES,
      frames: FRAMES,
      fill: { customer: { name: 'Jan Erik Olsen', firstName: 'Jan Erik' } },
    });
    expect(result.customerFirstName).toBe('Jan Erik');
    expect(result.nameCandidates).toEqual(['Jan Erik', 'Jan']);
    expect(compose([], result.frame, result.fill).text.startsWith('Hei Jan Erik,')).toBe(true);
  });
});
