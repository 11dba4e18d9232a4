// Runs the classifier on any labelled JSON-lines file ({"text","type","cues","lang"?}) and prints type
// accuracy, per-cue precision/recall and the misses: for checking a lexicon change on fresh messages.
// Rows may instead (or also) carry booleans `negative` and `anger` (review- and subtitle-style text):
// then it prints negative-class and anger F1 (scripts/lib/polarity.ts says how an analysis reads as either).
//   npx tsx scripts/probe.ts path/to/probe.jsonl
import { analyze } from '../src/core/classify/index';
import { CUES, type Lang } from '../src/core/taxonomy';
import { f1, readJsonl, zero } from './lib/dataset';
import { polarityOf } from './lib/polarity';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/probe.ts <file.jsonl>');
  process.exit(2);
}
interface ProbeRow {
  text: string;
  lang?: Lang;
  type?: string;
  cues?: string[];
  negative?: boolean;
  anger?: boolean;
}
const rows = readJsonl<ProbeRow>(file);
const polarity = { negative: zero(), anger: zero() };
let typed = 0;
let correct = 0;
const counts = Object.fromEntries(CUES.map((c) => [c, zero()]));
const misses: string[] = [];
for (const row of rows) {
  const result = analyze(row.text, { lang: row.lang });
  const type = result.customerType ?? 'neutral';
  const got = new Set(result.cues.map((c) => c.cue));
  const read = polarityOf(result);
  for (const key of ['negative', 'anger'] as const) {
    if (typeof row[key] !== 'boolean') continue;
    const has = read[key];
    const count = polarity[key];
    if (row[key] && has) count.tp++;
    else if (has) {
      count.fp++;
      misses.push(`${key} FALSE+ (${type}; ${[...got].join(',')}): ${row.text.slice(0, 100)}`);
    } else if (row[key]) {
      count.fn++;
      misses.push(`${key} missed: ${row.text.slice(0, 100)}`);
    }
  }
  if (!row.type) continue;
  typed++;
  if (type === row.type) correct++;
  else misses.push(`type ${row.type} → ${type}: ${row.text.slice(0, 120)}`);
  for (const cue of CUES) {
    const want = (row.cues ?? []).includes(cue);
    const has = got.has(cue);
    if (want && has) counts[cue].tp++;
    else if (has) {
      counts[cue].fp++;
      const ev = result.cues
        .find((c) => c.cue === cue)
        ?.evidence.map((e) => e.text)
        .join(' | ');
      misses.push(`cue ${cue} FALSE+ [${ev}]: ${row.text.slice(0, 100)}`);
    } else if (want) {
      counts[cue].fn++;
      misses.push(`cue ${cue} missed: ${row.text.slice(0, 100)}`);
    }
  }
}
console.log(`${rows.length} messages`);
if (typed) console.log(`type accuracy ${((100 * correct) / typed).toFixed(1)}% over ${typed} typed rows`);
for (const [key, c] of Object.entries(polarity)) {
  if (c.tp + c.fp + c.fn === 0) continue;
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  console.log(
    `${key.padEnd(9)} P ${(100 * p).toFixed(0)}  R ${(100 * r).toFixed(0)}  F1 ${(100 * f1(c.tp, c.fp, c.fn)).toFixed(1)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`,
  );
}
for (const cue of CUES) {
  const c = counts[cue];
  if (c.tp + c.fp + c.fn === 0) continue;
  const p = c.tp + c.fp ? (100 * c.tp) / (c.tp + c.fp) : 100;
  const r = c.tp + c.fn ? (100 * c.tp) / (c.tp + c.fn) : 100;
  console.log(
    `  ${cue.padEnd(15)} P ${p.toFixed(0).padStart(3)}  R ${r.toFixed(0).padStart(3)}  (tp ${c.tp} fp ${c.fp} fn ${c.fn})`,
  );
}
for (const miss of misses) console.log(`  - ${miss}`);
