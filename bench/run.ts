// npm run bench: speed and size, measured (numbers go in the README; no timed tests).
//  - classifier: full analysis including language identification, per message, on the labelled set
//  - linearity in length and a 1 MB message; cleaning 1 MB of quoted mail history (what the adapters do to
//    every message before the analysis sees it)
//  - conversation analysis + suggestions, as the side panel runs them
//  - the built extension's size (run `npm run build` first for that part)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeConversation } from '../src/core/classify/index';
import { cleanMessageText } from '../src/core/clean';

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value: number) => `${value.toFixed(3)} ms`;

const texts: string[] = [];
for (const lang of ['en', 'nb', 'sv', 'fi']) {
  const file = `tests/data/labelled/${lang}.jsonl`;
  if (!existsSync(file)) continue;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean))
    texts.push(JSON.parse(line).text);
}
console.log(`Calmdesk benchmarks — node ${process.version}, ${texts.length} labelled messages\n`);

// Warm-up: compiles the lexicons and lets the JIT settle.
for (let i = 0; i < 3; i++) for (const text of texts) analyze(text);

const timings: number[] = [];
const rounds = 10;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) {
  for (const text of texts) {
    const start = performance.now();
    analyze(text);
    timings.push(performance.now() - start);
  }
}
const total = performance.now() - t0;
const long = texts.filter((t) => t.length > 300);
console.log('classifier, one message, language detected (no hint):');
console.log(`  throughput   ${Math.round((timings.length / total) * 1000)} messages/s (single thread)`);
console.log(
  `  median       ${ms(pct(timings, 50))}   p99 ${ms(pct(timings, 99))}   max ${ms(Math.max(...timings))}`,
);
console.log(
  `  mean length  ${Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length)} chars (${long.length} messages > 300 chars)`,
);

console.log('\nlinearity (one message of n characters, median of 20 runs):');
const base = texts.join(' ');
for (const n of [100, 1_000, 10_000, 20_000, 100_000, 1_000_000]) {
  let text = base;
  while (text.length < n) text += ` ${base}`;
  text = text.slice(0, n);
  const runs: number[] = [];
  for (let i = 0; i < (n >= 100_000 ? 5 : 20); i++) {
    const start = performance.now();
    const result = analyze(text);
    runs.push(performance.now() - start);
    if (n === 1_000_000 && i === 0) console.log(`  (1 MB result: truncated=${result.truncated === true})`);
  }
  console.log(`  ${String(n).padStart(9)} chars  ${ms(pct(runs, 50))}`);
}

// A hostile paste: attributions and quote blocks over and over, the worst case for the quote finder.
const quotedUnit = 'On Mon, 3 Nov 2025 at 10:00, Kari <kari@x.no> wrote:\n> hello again\n\n';
const quotedMegabyte = quotedUnit.repeat(Math.ceil(1_000_000 / quotedUnit.length));
const cleanRuns: number[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  cleanMessageText(quotedMegabyte);
  cleanRuns.push(performance.now() - start);
}
console.log(`  cleaning 1 MB of quoted history  ${ms(pct(cleanRuns, 50))}`);

console.log('\nconversation (8 customer/agent messages), analysis + suggestions:');
const conversation = texts
  .slice(0, 8)
  .map((text, i) => ({ role: (i % 2 ? 'agent' : 'customer') as 'agent' | 'customer', text }));
const convRuns: number[] = [];
for (let i = 0; i < 200; i++) {
  const start = performance.now();
  analyzeConversation(conversation);
  convRuns.push(performance.now() - start);
}
console.log(`  analyzeConversation median ${ms(pct(convRuns, 50))}  p99 ${ms(pct(convRuns, 99))}`);
try {
  const { suggest } = await import('../src/core/suggest/index');
  const { loadBundledPhrases } = await import('./phrases');
  const { phrases, frames } = loadBundledPhrases();
  const analysis = analyzeConversation(conversation);
  const runs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    suggest({ analysis, messages: conversation, phrases, frames, subject: 'Order' });
    runs.push(performance.now() - start);
  }
  console.log(`  suggest (${phrases.length} phrases)  median ${ms(pct(runs, 50))}  p99 ${ms(pct(runs, 99))}`);
} catch (error) {
  console.log(`  suggest: not measured (${(error as Error).message})`);
}

const out = '.output/chrome-mv3';
if (existsSync(out)) {
  const walk = (dir: string): [string, number][] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? walk(path)
        : [[path.slice(out.length + 1), statSync(path).size] as [string, number]];
    });
  const files = walk(out);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `\nbuilt extension (${out}): ${kb(files.reduce((s, [, b]) => s + b, 0))} in ${files.length} files`,
  );
  for (const [name, bytes] of files.sort((a, b) => b[1] - a[1]).slice(0, 8))
    console.log(`  ${kb(bytes).padStart(9)}  ${name}`);
  const content = files.filter(([n]) => n.startsWith('content-scripts/'));
  console.log(
    `  content scripts total ${kb(content.reduce((s, [, b]) => s + b, 0))} (what every helpdesk page loads)`,
  );
} else {
  console.log('\n(build the extension with `npm run build` to measure its size)');
}
