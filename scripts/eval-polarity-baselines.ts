// Negative-class F1 on the review/subtitle lines (tests/data/polarity/): Calmdesk against the npm sentiment
// packages that cover these languages (multilang-sentiment: AFINN word lists for en/sv/no/fi; VADER for
// English). They give a polarity score only, so there is no anger column for them: none detects anger.
//   npx tsx scripts/eval-polarity-baselines.ts [--split test] [--set polarity-holdout]
import analyseAfinn from 'multilang-sentiment';
import vader from 'vader-sentiment';
import { analyze } from '../src/core/classify/index';
import { LANGS } from '../src/core/taxonomy';
import { f1, readDataset } from './lib/dataset';
import { freshRows } from './lib/model-data';
import { polarityOf } from './lib/polarity';

interface Line {
  text: string;
  negative: boolean;
  anger: boolean;
  split: string;
}
const splitArg = process.argv.indexOf('--split');
const split = splitArg >= 0 ? process.argv[splitArg + 1] : undefined;
const setArg = process.argv.indexOf('--set');
const set = setArg >= 0 ? process.argv[setArg + 1] : 'polarity';

const AFINN_LANG: Record<string, string> = { en: 'en', nb: 'no', sv: 'sv', fi: 'fi' };
const readers: Record<string, (text: string, lang: string) => boolean | undefined> = {
  calmdesk: (text, lang) => polarityOf(analyze(text, { lang })).negative,
  'multilang-sentiment': (text, lang) => analyseAfinn(text, AFINN_LANG[lang]).score < 0,
  'vader-sentiment': (text, lang) =>
    lang === 'en' ? vader.SentimentIntensityAnalyzer.polarity_scores(text).compound <= -0.05 : undefined,
};

console.log(`negative-class F1 in % on tests/data/${set}${split ? ` (${split} split)` : ''}`);
console.log(`${'reader'.padEnd(20)} ${LANGS.map((l) => l.padStart(6)).join('')}`);
for (const [name, read] of Object.entries(readers)) {
  const cells = LANGS.map((lang) => {
    // Lines of the unseen set the model learnt word for word in an earlier set are left out for every reader.
    const lines = freshRows(set, readDataset<Line>(set, lang, split));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const line of lines) {
      const negative = read(line.text, lang);
      if (negative === undefined) return '     -';
      if (negative && line.negative) tp++;
      else if (negative) fp++;
      else if (line.negative) fn++;
    }
    return (100 * f1(tp, fp, fn)).toFixed(1).padStart(6);
  });
  console.log(`${name.padEnd(20)} ${cells.join('')}`);
}
