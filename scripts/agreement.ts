// How far two careful annotators agree on the same messages: tests/data/holdout8 (its writer's labels) against
// tests/data/holdout8-second (a second annotator who saw only the texts and the taxonomy). This is the
// ceiling a classifier can be measured against: a cue people themselves label differently cannot score 1.
//   npx tsx scripts/agreement.ts
import { CUES, type Cue, type CustomerType, LANGS } from '../src/core/taxonomy';
import { f1, macroF1, readDataset } from './lib/dataset';
import { countLabels, emptyCueCounts, emptyTypeCounts, pct, sumCounts } from './lib/measure';

interface Labels {
  split?: string;
  id: string;
  type: CustomerType;
  cues: Cue[];
}

const pooled = emptyCueCounts();
for (const lang of LANGS) {
  const first = readDataset<Labels>('holdout8', lang);
  const second = new Map(readDataset<Labels>('holdout8-second', lang).map((row) => [row.id, row]));
  const types = emptyTypeCounts();
  const cues = emptyCueCounts();
  for (const a of first) {
    const b = second.get(a.id);
    if (!b) throw new Error(`${a.id} has no second annotation`);
    countLabels(types, cues, a, b);
  }
  for (const cue of CUES) pooled[cue] = sumCounts([pooled[cue], cues[cue]]);
  const total = sumCounts(Object.values(cues));
  console.log(
    `${lang}: type macro-F1 ${pct(macroF1(types))}  cue micro-F1 ${pct(f1(total.tp, total.fp, total.fn))}`,
  );
}
for (const cue of CUES) {
  const c = pooled[cue];
  console.log(
    `  cue ${cue.padEnd(15)} F1 ${pct(f1(c.tp, c.fp, c.fn))}  (both ${c.tp}, only second ${c.fp}, only first ${c.fn})`,
  );
}
const all = sumCounts(Object.values(pooled));
console.log(`all languages: cue micro-F1 ${pct(f1(all.tp, all.fp, all.fn))}`);
