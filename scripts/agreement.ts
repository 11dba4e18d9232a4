// How far two careful annotators agree on the same messages: tests/data/holdout8 (its writer's labels) against
// tests/data/holdout8-second (a second annotator who saw only the texts and the taxonomy). This is the
// ceiling a classifier can be measured against: a cue people themselves label differently cannot score 1.
//   npx tsx scripts/agreement.ts
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType, LANGS } from '../src/core/taxonomy';
import { type Counts, f1, macroF1, readDataset, zero } from './lib/dataset';
import { emptyCueCounts, sumCounts } from './lib/measure';

interface Labels {
  split?: string;
  id: string;
  type: CustomerType;
  cues: Cue[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(5);
const pooled = emptyCueCounts();
for (const lang of LANGS) {
  const first = readDataset<Labels>('holdout8', lang);
  const second = new Map(readDataset<Labels>('holdout8-second', lang).map((row) => [row.id, row]));
  const types = Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, zero()])) as Record<CustomerType, Counts>;
  const cues = emptyCueCounts();
  for (const a of first) {
    const b = second.get(a.id);
    if (!b) throw new Error(`${a.id} has no second annotation`);
    if (a.type === b.type) types[a.type].tp++;
    else {
      types[b.type].fp++;
      types[a.type].fn++;
    }
    for (const cue of CUES) {
      const [want, has] = [a.cues.includes(cue), b.cues.includes(cue)];
      const bucket = want && has ? 'tp' : has ? 'fp' : want ? 'fn' : undefined;
      if (bucket) {
        cues[cue][bucket]++;
        pooled[cue][bucket]++;
      }
    }
  }
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
