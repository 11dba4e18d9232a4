// Accuracy on the labelled set (tests/data/labelled/<lang>.jsonl): per-language type accuracy and
// macro-F1, per-cue precision/recall/F1. Usage:
//   npm run eval                      all languages, both splits
//   npm run eval -- --split test      the held-out split only
//   npm run eval -- --lang fi --split dev --misses   list what went wrong
//   npm run eval -- --json            one JSON object (for the README table)
//   npm run eval -- --set holdout     the fresh held-out set (tests/data/holdout/), written after tuning
//   npm run eval -- --set polarity    review/subtitle lines (tests/data/polarity/): negative-class and anger F1
//   --set holdout2 … holdout8, --set polarity-holdout … polarity-holdout8   fresh sets by independent writers
//   --lexicon-only                    switch the statistical model off (what the word lists alone do)
import { analyze } from '../src/core/classify/index';
import { TYPE_WEIGHTS } from '../src/core/classify/scoring';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, LANGS } from '../src/core/taxonomy';
import {
  type Counts,
  f1,
  HELD_OUT_SETS,
  macroF1,
  POLARITY_HELD_OUT_SETS,
  readDataset,
  zero,
} from './lib/dataset';
import { polarityOf } from './lib/polarity';

interface Item {
  id: string;
  lang: string;
  text: string;
  type: CustomerType;
  cues: Cue[];
  split?: 'dev' | 'test';
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const langs = arg('--lang') ? [arg('--lang') as string] : [...LANGS];
const split = arg('--split');
const showMisses = process.argv.includes('--misses');
const asJson = process.argv.includes('--json');
const detect = process.argv.includes('--detect'); // let the classifier detect the language too
const set = arg('--set') ?? 'labelled';
if (process.argv.includes('--lexicon-only')) {
  TYPE_WEIGHTS.model = 0;
  TYPE_WEIGHTS.cueModel.weight = 0;
}
const SETS = ['labelled', ...HELD_OUT_SETS, 'polarity', ...POLARITY_HELD_OUT_SETS];
if (!SETS.includes(set)) {
  console.error(`unknown set "${set}": use one of ${SETS.join(', ')}`);
  process.exit(2);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(5);

const readItems = <T extends { split?: string }>(lang: string): T[] => readDataset<T>(set, lang, split);

if (set.startsWith('polarity')) {
  evalPolarity();
  process.exit(0);
}

/** Review- and subtitle-style lines labelled only negative yes/no and anger yes/no. */
function evalPolarity() {
  const report: Record<string, unknown> = {};
  for (const lang of langs) {
    const items = readItems<{ id: string; text: string; negative: boolean; anger: boolean; split?: string }>(
      lang,
    );
    const counts = { negative: zero(), anger: zero() };
    const misses: string[] = [];
    for (const item of items) {
      const read = polarityOf(analyze(item.text, detect ? {} : { lang }));
      for (const key of ['negative', 'anger'] as const) {
        const bucket = item[key] && read[key] ? 'tp' : read[key] ? 'fp' : item[key] ? 'fn' : undefined;
        if (bucket) counts[key][bucket]++;
        if (item[key] !== read[key])
          misses.push(`${item.id} ${key} ${read[key] ? 'FALSE+' : 'missed'}: ${item.text.slice(0, 110)}`);
      }
    }
    const summary = (c: Counts) => ({
      precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null,
      recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : null,
      f1: f1(c.tp, c.fp, c.fn),
    });
    report[lang] = { n: items.length, negative: summary(counts.negative), anger: summary(counts.anger) };
    if (asJson) continue;
    console.log(`\n== ${lang} (${items.length} lines${split ? `, ${split} split` : ''})`);
    for (const key of ['negative', 'anger'] as const) {
      const s = summary(counts[key]);
      console.log(
        `  ${key.padEnd(8)} P ${pct(s.precision ?? 1)}  R ${pct(s.recall ?? 1)}  F1 ${pct(s.f1)}  (tp ${counts[key].tp} fp ${counts[key].fp} fn ${counts[key].fn})`,
      );
    }
    if (showMisses) for (const miss of misses) console.log(`  - ${miss}`);
  }
  if (asJson) console.log(JSON.stringify(report, null, 2));
}

const report: Record<string, unknown> = {};
const allCues: Record<string, Counts> = Object.fromEntries(CUES.map((c) => [c, zero()]));
for (const lang of langs) {
  const items = readItems<Item>(lang);
  const types: Record<string, Counts> = Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, zero()]));
  const cues: Record<string, Counts> = Object.fromEntries(CUES.map((c) => [c, zero()]));
  let correct = 0;
  let langCorrect = 0;
  const misses: string[] = [];
  for (const item of items) {
    const result = analyze(item.text, detect ? {} : { lang });
    if (result.lang === lang) langCorrect++;
    const predicted = result.customerType ?? 'neutral';
    if (predicted === item.type) {
      correct++;
      types[predicted].tp++;
    } else {
      types[predicted].fp++;
      types[item.type].fn++;
      misses.push(`${item.id} type ${item.type} → ${predicted}: ${item.text.slice(0, 110)}`);
    }
    const got = new Set(result.cues.map((c) => c.cue));
    for (const cue of CUES) {
      const want = item.cues.includes(cue);
      const has = got.has(cue);
      const bucket = want && has ? 'tp' : has ? 'fp' : want ? 'fn' : undefined;
      if (bucket) {
        cues[cue][bucket]++;
        allCues[cue][bucket]++;
      }
      if (want !== has) {
        const evidence = result.cues
          .find((c) => c.cue === cue)
          ?.evidence.map((e) => e.text)
          .join(' | ');
        misses.push(
          `${item.id} cue ${cue} ${has ? `FALSE+ [${evidence}]` : 'missed'}: ${item.text.slice(0, 110)}`,
        );
      }
    }
  }
  const macro = CUSTOMER_TYPES.map((t) => f1(types[t].tp, types[t].fp, types[t].fn));
  const typeMacroF1 = macroF1(types);
  const cueTotals = Object.values(cues).reduce(
    (a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }),
    zero(),
  );
  report[lang] = {
    n: items.length,
    accuracy: correct / items.length,
    macroF1: typeMacroF1,
    cueMicroF1: f1(cueTotals.tp, cueTotals.fp, cueTotals.fn),
    ...(detect ? { langAccuracy: langCorrect / items.length } : {}),
  };
  if (!asJson) {
    console.log(`\n== ${lang} (${items.length} messages${split ? `, ${split} split` : ''})`);
    console.log(
      `type accuracy ${pct(correct / items.length)}%  macro-F1 ${pct(typeMacroF1)}%  cue micro-F1 ${pct(f1(cueTotals.tp, cueTotals.fp, cueTotals.fn))}%${detect ? `  language ${pct(langCorrect / items.length)}%` : ''}`,
    );
    console.log(`  types: ${CUSTOMER_TYPES.map((t, i) => `${t} ${pct(macro[i])}`).join('  ')}`);
    for (const cue of CUES) {
      const c = cues[cue];
      if (c.tp + c.fp + c.fn === 0) continue;
      const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
      const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
      console.log(
        `  cue ${cue.padEnd(15)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f1(c.tp, c.fp, c.fn))}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`,
      );
    }
    if (showMisses) for (const miss of misses) console.log(`  - ${miss}`);
  }
}
const overall = Object.values(allCues).reduce(
  (a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }),
  zero(),
);
report.cues = Object.fromEntries(
  CUES.map((cue) => {
    const c = allCues[cue];
    return [
      cue,
      {
        precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null,
        recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : null,
        f1: f1(c.tp, c.fp, c.fn),
      },
    ];
  }),
);
report.cueMicroF1 = f1(overall.tp, overall.fp, overall.fn);
if (asJson) console.log(JSON.stringify(report, null, 2));
else console.log(`\nall languages: cue micro-F1 ${pct(f1(overall.tp, overall.fp, overall.fn))}%`);
