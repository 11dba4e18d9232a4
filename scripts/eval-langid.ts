// Measures language identification on tests/data/langid.jsonl: Calmdesk's own detector against the npm
// candidates (eld, tinyld, franc-min), overall, on short messages (≤ 60 chars) and on the Scandinavian
// confusions that matter here. The chosen detector's numbers go in the README.
//   npm run --silent eval -- ... (accuracy)   |   npx tsx scripts/eval-langid.ts
import { readFileSync } from 'node:fs';
import { eld } from 'eld/small';
import { franc } from 'franc-min';
import { detect as tinyDetect } from 'tinyld';
import { detectLanguage } from '../src/core/lang/detect';

interface Row {
  text: string;
  lang: string;
}
const rows = readFileSync('tests/data/langid.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);

const SUPPORTED = new Set(['en', 'nb', 'sv', 'fi']);
/** What a detector's answer means for Calmdesk: one of the four, or "not one of ours". */
const verdict = (code: string) => {
  const c = code === 'no' || code === 'nn' || code === 'nob' || code === 'nno' ? 'nb' : code;
  const map: Record<string, string> = { eng: 'en', swe: 'sv', fin: 'fi' };
  const v = map[c] ?? c;
  return SUPPORTED.has(v) ? v : 'other';
};
const truth = (lang: string) => (lang === 'nn' ? 'nb' : SUPPORTED.has(lang) ? lang : 'other');

const detectors: Record<string, (t: string) => string> = {
  calmdesk: (t) => {
    const g = detectLanguage(t);
    return g.supported ? g.lang : 'other';
  },
  'eld (small)': (t) => eld.detect(t).language || 'und',
  tinyld: (t) => tinyDetect(t) || 'und',
  'franc-min': (t) => franc(t, { minLength: 3 }),
};

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
console.log(`${rows.length} texts; verdict = one of en/nb/sv/fi or "other" (da, de, nl, et, und)`);
console.log('detector        all      ≤60 chars  nb/sv/da only  other-claimed-as-ours  µs/text');
for (const [name, fn] of Object.entries(detectors)) {
  let ok = 0;
  let shortOk = 0;
  let shortN = 0;
  let scanOk = 0;
  let scanN = 0;
  let falseClaims = 0;
  let others = 0;
  const t0 = performance.now();
  for (const row of rows) {
    const got = verdict(fn(row.text));
    const want = truth(row.lang);
    const hit = got === want;
    if (hit) ok++;
    if (row.text.length <= 60) {
      shortN++;
      if (hit) shortOk++;
    }
    if (['nb', 'nn', 'sv', 'da'].includes(row.lang)) {
      scanN++;
      if (hit) scanOk++;
    }
    if (want === 'other') {
      others++;
      if (got !== 'other') falseClaims++;
    }
  }
  const us = ((performance.now() - t0) * 1000) / rows.length;
  console.log(
    `${name.padEnd(14)} ${pct(ok, rows.length).padStart(6)}   ${pct(shortOk, shortN).padStart(8)}   ${pct(scanOk, scanN).padStart(12)}   ${`${falseClaims}/${others}`.padStart(20)}   ${us.toFixed(0).padStart(6)}`,
  );
}
