// Runs the classifier on any labelled JSON-lines file ({"text","type","cues","lang"?}) and prints type
// accuracy, per-cue precision/recall and the misses: for checking a lexicon change on fresh messages.
//   npx tsx scripts/probe.ts path/to/probe.jsonl
import { readFileSync } from 'node:fs';
import { analyze } from '../src/core/classify/index';
import { CUES } from '../src/core/taxonomy';

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx scripts/probe.ts <file.jsonl>');
  process.exit(2);
}
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
let correct = 0;
const counts = Object.fromEntries(CUES.map((c) => [c, { tp: 0, fp: 0, fn: 0 }]));
const misses: string[] = [];
for (const row of rows) {
  const result = analyze(row.text, { lang: row.lang });
  const type = result.customerType ?? 'neutral';
  if (type === row.type) correct++;
  else misses.push(`type ${row.type} → ${type}: ${row.text.slice(0, 120)}`);
  const got = new Set(result.cues.map((c) => c.cue));
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
console.log(`${rows.length} messages, type accuracy ${((100 * correct) / rows.length).toFixed(1)}%`);
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
