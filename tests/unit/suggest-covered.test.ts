import { describe, expect, it } from 'vitest';
import { detectCoveredStages, sentPhraseIds } from '../../src/core/suggest/covered';

describe('detectCoveredStages', () => {
  it.each([
    ['nb', 'Hei Kari! Beklager forsinkelsen. Jeg følger opp saken i morgen.', ['apologize', 'followUp']],
    ['sv', 'Hej! Vi beklagar förseningen. Du hör från oss inom två dagar.', ['apologize', 'expectations']],
    [
      'sv',
      'Hej, ursäkta dröjsmålet. Jag har skickat ärendet vidare till min chef.',
      ['apologize', 'escalate'],
    ],
    ['fi', 'Hei! Pahoittelen viivettä. Palaan asiaan huomenna.', ['apologize', 'followUp']],
    ['fi', 'Anteeksi, että tässä kesti. Voisitko lähettää tilausnumeron?', ['apologize', 'ask']],
    ['en', 'Hi! Sorry for the delay. I have passed this on to my manager.', ['apologize', 'escalate']],
    ['en', 'We apologise for the inconvenience. Could you send a screenshot?', ['apologize', 'ask']],
    ['nb', 'Takk for at du tok kontakt. Kan du sende meg ordrenummeret?', ['acknowledge', 'ask']],
  ])('%s: %j', (lang, text, stages) => {
    const covered = detectCoveredStages([text], lang);
    for (const stage of stages) expect(covered).toContain(stage);
  });

  it('finds nothing in a reply without markers', () => {
    expect(detectCoveredStages(['Hei! Her er lenken.'], 'nb')).toEqual([]);
    expect(detectCoveredStages([], 'fi')).toEqual([]);
  });

  it('does not take an apology from another language unless English', () => {
    expect(detectCoveredStages(['Beklager!'], 'fi')).not.toContain('apologize');
    expect(detectCoveredStages(['So sorry!'], 'fi')).toContain('apologize');
  });
});

describe('sentPhraseIds', () => {
  const phrases = [
    { id: 'nb.ack.thanks', text: 'Takk for at du tok kontakt med oss.' },
    {
      id: 'nb.solve.refund',
      text: 'Jeg har refundert {{fill.amount}} til deg. Beløpet er på kontoen din innen {{fill.time}}.',
    },
    { id: 'nb.greet', text: 'Hei {{customer.firstName}}' },
    { id: 'nb.solve.other', text: 'Jeg har sendt en ny pakke til deg.' },
  ];

  it('finds phrases in agent messages, with placeholders as wildcards', () => {
    const sent = sentPhraseIds(
      [
        'Hei Kari,\n\nTAKK for at du tok   kontakt med oss!\n\nHilsen Ola',
        'Jeg har refundert 499 kr til deg. Beløpet er på kontoen din innen tre dager.',
      ],
      phrases,
    );
    expect(sent).toEqual(['nb.ack.thanks', 'nb.solve.refund']);
  });

  it('ignores phrases with too little literal text to tell', () => {
    expect(sentPhraseIds(['Hei Kari'], phrases)).toEqual([]);
  });
});
