// Trains the cue stacker (src/core/classify/stacker.ts) and writes src/data/cue-stacker.json. Run it after
// scripts/train-model.ts whenever the data or the lexicons change: for every set, the model is trained without
// it (about 35 s a set), then the stacker is fitted on all those out-of-fold rows. The folds are shared out
// among one worker process per core (--jobs N to choose); the rows are put back in fold order before the
// fit, so the weights do not depend on how many workers ran.
//   npx tsx scripts/train-stacker.ts [--jobs N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainingHash } from './lib/model-data';
import { fitStacker, outOfFold, type StackerRow, stackerFolds } from './lib/stacker-train';

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};

/** One worker: the out-of-fold rows of every `jobs`-th fold from `part`, written to `out`. */
function runPart(part: number, jobs: number, out: string) {
  const folds = stackerFolds().filter((_, i) => i % jobs === part);
  const { rows } = outOfFold(folds, (line) => console.log(`[worker ${part + 1}/${jobs}] ${line}`));
  writeFileSync(out, JSON.stringify(rows));
}

function worker(part: number, jobs: number, out: string): Promise<void> {
  const args = [
    ...process.execArgv,
    fileURLToPath(import.meta.url),
    '--part',
    `${part}/${jobs}`,
    '--out',
    out,
  ];
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`worker ${part + 1}/${jobs} exited with ${code}`)),
    ),
  );
}

async function main() {
  const jobs = Math.max(1, Number(option('--jobs') ?? availableParallelism()) || 1);
  const dir = mkdtempSync(join(tmpdir(), 'calmdesk-stacker-'));
  try {
    const outs = Array.from({ length: jobs }, (_, part) => join(dir, `rows-${part}.json`));
    await Promise.all(outs.map((out, part) => worker(part, jobs, out)));
    const rows: StackerRow[] = outs.flatMap((out) => JSON.parse(readFileSync(out, 'utf8')));
    const inFoldOrder = stackerFolds().flatMap((fold) => rows.filter((row) => row.fold === fold));
    const stacker = fitStacker(inFoldOrder, trainingHash());
    writeFileSync('src/data/cue-stacker.json', `${JSON.stringify(stacker, null, 1)}\n`);
    console.log(`wrote src/data/cue-stacker.json from ${rows.length} rows (trainedOn ${stacker.trainedOn})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const part = option('--part');
if (part) {
  const [index, jobs] = part.split('/').map(Number);
  runPart(index, jobs, option('--out') ?? '');
} else
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
