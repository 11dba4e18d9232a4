import { describe, expect, it } from 'vitest';
import { compileLexicon, type LexiconData, matchLexicon } from '../../src/core/classify/lexicon';
import { tokenize } from '../../src/core/classify/tokenize';

const data: LexiconData = {
  lang: 'nb',
  negators: ['ikke', 'ikkje', 'aldri'],
  intensifiers: ['veldig', 'helt'],
  intensifierPrefixes: ['kjempe', 'drit'],
  cues: {
    disappointment: [
      ['*dårlig', 0.5],
      ['skuff*', 0.6],
    ],
    repeatContact: [
      ['tredje gang*', 1],
      ['har __ skrevet', 0.8],
    ],
    frustration: [['fungerer ikke', 0.7, 'keepneg']],
    threat: [['*advokat*', 1]],
  },
  positive: [['fornøyd', 1]],
  types: { demanding: [['jeg krever', 1]] },
};
const lexicon = compileLexicon(data);
const hits = (text: string) =>
  matchLexicon(lexicon, tokenize(text)).map((h) => ({
    id: h.entry.id,
    negated: h.negated,
    intensified: h.intensified,
  }));

describe('lexicon flags', () => {
  const english = (entries: LexiconData['cues']['anger']) =>
    compileLexicon(
      {
        lang: 'en',
        negators: ['not'],
        intensifiers: [],
        intensifierPrefixes: [],
        cues: { anger: entries },
        positive: [],
        types: {},
      },
      (pattern) => (pattern.startsWith('get ') ? [pattern.replace(/^get /, 'got ')] : []),
    );
  const angerIn = (lexicon: ReturnType<typeof compileLexicon>, text: string) =>
    matchLexicon(lexicon, tokenize(text)).map((h) => h.entry.id);

  it('inflects a pattern head unless the entry says "asis"', () => {
    expect(angerIn(english([['get lost', 0.6]]), 'My parcel got lost')).toEqual(['anger']);
    expect(angerIn(english([['get lost', 0.6, 'asis']]), 'My parcel got lost')).toEqual([]);
    expect(angerIn(english([['get lost', 0.6, 'asis']]), 'Get lost!')).toEqual(['anger']);
  });
  it('combines flags', () => {
    const [hit] = matchLexicon(english([['get not lost', 0.6, 'keepneg asis']]), tokenize('get not lost'));
    expect(hit.entry.keepNegation).toBe(true);
  });
});

describe('lexicon matching', () => {
  it('matches compounds by suffix and marks intensifier prefixes', () => {
    expect(hits('Dette er dritdårlig')).toEqual([
      { id: 'disappointment', negated: false, intensified: true },
    ]);
  });
  it('matches inflections by prefix', () => {
    expect(hits('Jeg er skuffet')).toEqual([{ id: 'disappointment', negated: false, intensified: false }]);
  });
  it('sees negation within three tokens in the same sentence only', () => {
    expect(hits('Det var ikke så dårlig')[0].negated).toBe(true);
    expect(hits('Jeg sa ikke noe. Det var dårlig')[0].negated).toBe(false);
  });
  it('does not count the degree words right before the match against the three tokens', () => {
    expect(hits('Det var ikke i det hele helt dårlig')[0].negated).toBe(false);
    expect(hits('Det var ikke så veldig helt dårlig')[0].negated).toBe(true);
    expect(hits('Ikke var det veldig dårlig')[0].negated).toBe(true);
    expect(hits('Ikke var det jo noe dårlig')[0].negated).toBe(false);
  });
  it('stops a negation at a comma or a dash', () => {
    expect(hits('Jeg fikk ikke svar, og er skuffet')[0].negated).toBe(false);
    expect(hits('Jeg fikk ikke svar – skuffet')[0].negated).toBe(false);
    expect(hits('Jeg er ikke skuffet')[0].negated).toBe(true);
  });
  it('starts the evidence of a negated positive at its negator', () => {
    const [hit] = matchLexicon(lexicon, tokenize('Jeg er ikke veldig fornøyd'));
    expect(hit.negator).toBe(2);
  });
  it('lets "uten" (without) negate only the next word or two', () => {
    const short = compileLexicon({
      ...data,
      negators: [...data.negators, 'uten'],
      shortScopeNegators: ['uten'],
    });
    const negatedIn = (text: string) => matchLexicon(short, tokenize(text)).map((h) => h.negated);
    expect(negatedIn('uten skuffelse')).toEqual([true]);
    expect(negatedIn('uten noen skuffelse')).toEqual([true]);
    expect(negatedIn('uten varsel er skuffende')).toEqual([false]);
    expect(negatedIn('ikke varsel er skuffende')).toEqual([true]);
  });
  it('matches multi-token patterns with gaps, not across sentences', () => {
    expect(hits('Jeg har allerede skrevet to ganger').map((h) => h.id)).toContain('repeatContact');
    expect(hits('Det er tredje gangen nå').map((h) => h.id)).toEqual(['repeatContact']);
    expect(hits('tredje. Gang')).toEqual([]);
  });
  it('matches infix patterns inside compounds', () => {
    expect(hits('Jeg kontakter advokathjelp')).toEqual([
      { id: 'threat', negated: false, intensified: false },
    ]);
  });
  it('ignores punctuation and case between tokens', () => {
    expect(hits('Det FUNGERER, ikke!').map((h) => h.id)).toEqual(['frustration']);
  });
  it('reports type markers and positive words', () => {
    expect(hits('Jeg krever svar').map((h) => h.id)).toEqual(['demanding']);
    expect(hits('ikke fornøyd')).toEqual([{ id: 'positive', negated: true, intensified: false }]);
  });
});

describe('tokenize', () => {
  it('keeps UTF-16 offsets of the original text, emoji included', () => {
    const text = '😡 Hei Anne-Marie, don’t';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hei', 'Anne-Marie', 'don’t']);
    expect(tokens[2].norm).toBe("don't");
  });
});

describe('English inflection table', () => {
  it('covers every pattern head of en.json (regenerate with scripts/gen-en-inflections.ts)', async () => {
    const { englishPatternHeads } = await import('../../src/core/classify/inflections');
    const en = (await import('../../src/data/lexicon/en.json')).default;
    const table = (await import('../../src/data/lexicon/en-inflections.json')).default as Record<
      string,
      string[]
    >;
    const missing = englishPatternHeads(en as never).filter((head) => !(head in table));
    expect(missing).toEqual([]);
  });
});
