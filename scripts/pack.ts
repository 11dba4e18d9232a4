// Team-lead CLI for phrase packs: `npm run --silent pack -- <command>`. Exit codes: 0 ok, 1 a problem
// was found (invalid pack, bad signature, version not raised, a file that is missing or unreadable), 2 usage
// error (unknown command or option, missing argument). Output goes to stdout; notes and progress go to stderr.
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  canonicalJson,
  deriveKeyId,
  diffPacks,
  formatProblem,
  generateKeyPair,
  isEnvelope,
  type LoadedPack,
  lintPack,
  loadPackText,
  migrate,
  type Pack,
  type Problem,
  parseJsonWithLocations,
  parseSecretKey,
  parseTrustedKey,
  publicKeyOf,
  renderPreviewHtml,
  signPack,
  suggestion,
  type TrustedKey,
  verifyEnvelope,
} from '../src/core/packs/index';

const USAGE = `Calmdesk phrase-pack tool

Usage: npm run --silent pack -- <command> [arguments]   (or: npx calmdesk-pack <command> ...)

Commands:
  validate <pack.json>...            Check packs; one line per problem with its JSON path and phrase id.
  lint <pack.json>... [--strict]     Validate, then warn about gaps: missing translations, stages without
                                     phrases for a customer type, custom tags, placeholders that need values.
                                     --strict: warnings also exit 1.
  keygen [key-file] [--force]        Make an Ed25519 key pair. Writes the private key (base64, mode 0600;
                                     default calmdesk-signing.key) and prints the public key and key id.
  pubkey --key <key-file>            Print the public key that belongs to a private key file.
  sign <pack.json> --key <key-file> [--key-id <id>] [-o <signed.json>]
                                     Validate, then write the signed envelope {pack, signature}.
  verify <signed.json> --pub <key> [--pub <key>...]
                                     Check the signature against public keys (base64, "keyId:base64", or a
                                     file holding one). Exits 1 when it does not match.
  preview <pack.json> [-o <page.html>]
                                     Render the pack as a self-contained HTML page for review.
  diff <old.json> <new.json>         Added, removed and changed phrases, and whether the version was raised.
  migrate <pack.json> [-o <out.json>]
                                     Convert an older pack format to the current schemaVersion.
  help                               Show this text.

Exit codes: 0 ok, 1 problem found, 2 usage error.
`;

class UsageError extends Error {}
/** A file the user named cannot be read: a problem with the input (exit 1, design.md 3.4), not with usage. */
class InputError extends Error {}

interface Options {
  positional: string[];
  key?: string;
  keyId?: string;
  out?: string;
  pub: string[];
  force: boolean;
  strict: boolean;
}

const VALUE_OPTIONS: Record<string, 'key' | 'keyId' | 'out' | 'pub'> = {
  '--key': 'key',
  '--key-id': 'keyId',
  '--out': 'out',
  '-o': 'out',
  '--pub': 'pub',
  '--public-key': 'pub',
};
const FLAG_OPTIONS: Record<string, 'force' | 'strict'> = { '--force': 'force', '--strict': 'strict' };

function parseArgs(args: string[], allowed: string[]): Options {
  const options: Options = { positional: [], pub: [], force: false, strict: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (name === '--') {
      options.positional.push(...args.slice(i + 1));
      break;
    }
    if (name.startsWith('-') && name !== '-') {
      if (!allowed.includes(name)) {
        const known = allowed.length
          ? ` (this command takes ${allowed.join(', ')})`
          : ' (this command takes no options)';
        throw new UsageError(`unknown option ${name}${known}`);
      }
      const flag = FLAG_OPTIONS[name];
      if (flag) {
        options[flag] = true;
        continue;
      }
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      const field = VALUE_OPTIONS[name];
      if (field === 'pub') options.pub.push(value);
      else options[field] = value;
      continue;
    }
    options.positional.push(arg);
  }
  return options;
}

// `npm run` starts scripts in the repo root; resolve the user's paths from where they typed the command.
const baseDir = (process.env.npm_lifecycle_event === 'pack' && process.env.INIT_CWD) || process.cwd();
const userPath = (file: string) => resolve(baseDir, file);

const out = (line: string) => process.stdout.write(`${line}\n`);
const note = (line: string) => process.stderr.write(`${line}\n`);

function readText(name: string, what = 'file'): string {
  const file = userPath(name);
  if (!existsSync(file)) throw new InputError(`cannot read ${name}: no such ${what}`);
  if (statSync(file).isDirectory())
    throw new InputError(`cannot read ${name}: it is a folder, not a ${what}`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function writeOutput(name: string | undefined, text: string, mode?: number) {
  if (!name) {
    process.stdout.write(text);
    return;
  }
  const file = userPath(name);
  try {
    writeFileSync(file, text, mode === undefined ? undefined : { mode });
    if (mode !== undefined) chmodSync(file, mode);
  } catch (error) {
    throw new UsageError(
      `cannot write ${name}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  note(`wrote ${name}`);
}

function problemLine(problem: Problem, prefix: string): string {
  return problem.code === 'json' ? `${prefix}${problem.message}` : `${prefix}${formatProblem(problem)}`;
}

function loadFile(file: string): LoadedPack {
  return loadPackText(readText(file));
}

function requireCount(options: Options, count: number, usage: string): string[] {
  if (options.positional.length !== count) throw new UsageError(`usage: ${usage}`);
  return options.positional;
}

function describePack(pack: Pack) {
  return `${pack.id} ${pack.version}, ${pack.phrases.length} phrase${pack.phrases.length === 1 ? '' : 's'}`;
}

async function cmdValidate(args: string[], lint: boolean): Promise<number> {
  const options = parseArgs(args, lint ? ['--strict'] : []);
  if (options.positional.length === 0)
    throw new UsageError(`usage: ${lint ? 'lint' : 'validate'} <pack.json>...`);
  let errors = 0;
  let warnings = 0;
  const many = options.positional.length > 1;
  for (const file of options.positional) {
    const loaded = loadFile(file);
    const problems = [...loaded.problems];
    if (lint && loaded.ok && loaded.pack) problems.push(...lintPack(loaded.pack));
    for (const problem of problems) out(problemLine(problem, many ? `${file}: ` : ''));
    const fileErrors = problems.filter((p) => p.severity === 'error').length;
    const fileWarnings = problems.length - fileErrors;
    errors += fileErrors;
    warnings += fileWarnings;
    if (loaded.ok && loaded.pack) {
      const extra = fileWarnings ? `, ${fileWarnings} warning${fileWarnings === 1 ? '' : 's'}` : '';
      note(
        `${file}: valid (${describePack(loaded.pack)}${loaded.signed ? ', signed envelope' : ''}${extra})`,
      );
    } else note(`${file}: ${fileErrors} problem${fileErrors === 1 ? '' : 's'}`);
  }
  return errors > 0 || (lint && options.strict && warnings > 0) ? 1 : 0;
}

async function cmdKeygen(args: string[]): Promise<number> {
  const options = parseArgs(args, ['--out', '-o', '--force']);
  if (options.positional.length > 1) throw new UsageError('usage: keygen [key-file] [--force]');
  const file = options.positional[0] ?? options.out ?? 'calmdesk-signing.key';
  if (existsSync(userPath(file)) && !options.force) {
    note(`${file} already exists; not overwriting a key (use --force to replace it)`);
    return 1;
  }
  const pair = await generateKeyPair();
  writeOutput(file, `${pair.secretKey}\n`, 0o600);
  note('Keep the private key secret. Put the public key in the trustedKeys policy.');
  out(`publicKey: ${pair.publicKey}`);
  out(`keyId: ${pair.keyId}`);
  out(`trustedKey: ${pair.keyId}:${pair.publicKey}`);
  return 0;
}

function readSecretKey(file: string): Uint8Array {
  const parsed = parseSecretKey(readText(file, 'key file'));
  if ('error' in parsed) throw new UsageError(`${file} is not a Calmdesk private key: ${parsed.error}`);
  return parsed;
}

async function cmdPubkey(args: string[]): Promise<number> {
  const options = parseArgs(args, ['--key']);
  const file = options.key ?? options.positional[0];
  if (!file) throw new UsageError('usage: pubkey --key <key-file>');
  const publicKey = await publicKeyOf(readSecretKey(file));
  const keyId = await deriveKeyId(publicKey);
  out(`publicKey: ${publicKey}`);
  out(`keyId: ${keyId}`);
  out(`trustedKey: ${keyId}:${publicKey}`);
  return 0;
}

function reportInvalid(file: string, loaded: LoadedPack, prefix = ''): void {
  for (const problem of loaded.problems) out(problemLine(problem, prefix));
  note(`${file}: ${loaded.problems.filter((p) => p.severity === 'error').length} problem(s)`);
}

async function cmdSign(args: string[]): Promise<number> {
  const options = parseArgs(args, ['--key', '--key-id', '--out', '-o']);
  const [file] = requireCount(
    options,
    1,
    'sign <pack.json> --key <key-file> [--key-id <id>] [-o <signed.json>]',
  );
  if (!options.key) throw new UsageError('sign needs --key <key-file> (make one with: keygen)');
  const secretKey = readSecretKey(options.key);
  const loaded = loadFile(file);
  if (!loaded.ok || !loaded.pack) {
    reportInvalid(file, loaded);
    note('not signed: fix the problems first');
    return 1;
  }
  if (loaded.signed) note(`${file} is already signed; signing its pack again`);
  if (loaded.migratedFrom !== undefined)
    note(`${file} is in an older format; signing the migrated pack (schemaVersion 1)`);
  const envelope = await signPack(loaded.pack, secretKey, options.keyId);
  const check = await verifyEnvelope(envelope, [
    { publicKey: await publicKeyOf(secretKey), keyId: envelope.signature.keyId },
  ]);
  if (!check.ok) throw new Error(`signature self-check failed: ${check.reason}`);
  writeOutput(options.out, `${JSON.stringify(envelope, null, 2)}\n`);
  note(`signed ${describePack(loaded.pack)} with key ${envelope.signature.keyId}`);
  return 0;
}

function readPublicKeys(values: string[]): TrustedKey[] {
  return values.map((value) => {
    let text = value;
    if (existsSync(userPath(value))) {
      text = readText(value, 'key file').trim();
      const parsed = parseJsonWithLocations(text);
      if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null) {
        const record = parsed.value as Record<string, unknown>;
        if (typeof record.publicKey === 'string')
          text = record.keyId ? `${record.keyId}:${record.publicKey}` : record.publicKey;
      }
    }
    const key = parseTrustedKey(text);
    if ('error' in key) {
      const hint =
        value.includes('/') || value.endsWith('.key') || value.endsWith('.pub')
          ? ` (no file named ${value} either)`
          : '';
      throw new UsageError(
        `--pub ${value.length > 60 ? `${value.slice(0, 60)}…` : value}: ${key.error}${existsSync(userPath(value)) ? '' : hint}`,
      );
    }
    return key;
  });
}

async function cmdVerify(args: string[]): Promise<number> {
  const options = parseArgs(args, ['--pub', '--public-key']);
  const [file] = requireCount(options, 1, 'verify <signed.json> --pub <public key or file>');
  if (options.pub.length === 0)
    throw new UsageError('verify needs --pub <public key> (base64, "keyId:base64", or a file holding one)');
  const keys = readPublicKeys(options.pub);
  const loaded = loadFile(file);
  if (loaded.problems.some((p) => p.code === 'json')) {
    reportInvalid(file, loaded);
    return 1;
  }
  if (!isEnvelope(loaded.document)) {
    out(`${file}: not signed (expected {"pack": {...}, "signature": {...}})`);
    return 1;
  }
  const verdict = await verifyEnvelope(loaded.document, keys);
  if (!verdict.ok) {
    out(`${file}: signature NOT valid: ${verdict.reason}`);
    return 1;
  }
  if (!loaded.ok) {
    reportInvalid(file, loaded);
    out(`${file}: signature valid (key ${verdict.keyId}), but the pack inside is not valid`);
    return 1;
  }
  out(`${file}: signature valid (key ${verdict.keyId}; ${loaded.pack ? describePack(loaded.pack) : ''})`);
  return 0;
}

async function cmdPreview(args: string[]): Promise<number> {
  const options = parseArgs(args, ['--out', '-o']);
  const [file] = requireCount(options, 1, 'preview <pack.json> [-o <page.html>]');
  const loaded = loadFile(file);
  if (!loaded.ok || !loaded.pack) {
    reportInvalid(file, loaded);
    return 1;
  }
  const document = loaded.document as { signature?: { keyId?: string } };
  const html = renderPreviewHtml(loaded.pack, {
    source: basename(file),
    signatureNote: loaded.signed
      ? `signed with key ${String(document.signature?.keyId)} (check it with: verify)`
      : 'not signed',
    generatedAt: new Date().toISOString().slice(0, 16).replace('T', ' '),
  });
  writeOutput(options.out, html);
  return 0;
}

const short = (text: string, max = 70) => {
  const flat = text.replace(/\n/g, '\\n');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
};

async function cmdDiff(args: string[]): Promise<number> {
  const options = parseArgs(args, []);
  const [oldFile, newFile] = requireCount(options, 2, 'diff <old.json> <new.json>');
  const before = loadFile(oldFile);
  const after = loadFile(newFile);
  let bad = false;
  for (const [file, loaded] of [
    [oldFile, before],
    [newFile, after],
  ] as const) {
    if (!loaded.ok) {
      reportInvalid(file, loaded, `${file}: `);
      bad = true;
    }
  }
  if (bad || !before.pack || !after.pack) return 1;
  const diff = diffPacks(before.pack, after.pack);
  out(`pack ${after.pack.id}: ${diff.version.before} → ${diff.version.after}`);
  for (const phrase of diff.added)
    out(`+ ${phrase.id} (${phrase.stage}, ${phrase.lang}) ${short(phrase.text)}`);
  for (const phrase of diff.removed)
    out(`- ${phrase.id} (${phrase.stage}, ${phrase.lang}) ${short(phrase.text)}`);
  for (const change of diff.changed) {
    out(`~ ${change.id}: ${change.fields.join(', ')} changed`);
    for (const field of change.fields) {
      const show = (value: unknown) =>
        typeof value === 'string' ? short(value) : JSON.stringify(value ?? null);
      out(`    ${field}: ${show(change.before[field])} → ${show(change.after[field])}`);
    }
  }
  for (const meta of diff.meta) {
    const show = (value: unknown) => (value === undefined ? '(none)' : short(canonicalJson(value), 60));
    out(`* ${meta.field}: ${show(meta.before)} → ${show(meta.after)}`);
  }
  out(`${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`);
  out(`${diff.version.ok ? 'version ok' : 'version problem'}: ${diff.version.message}`);
  if (before.pack.id !== after.pack.id)
    note(
      `note: the pack id changed (${before.pack.id} → ${after.pack.id}); agents will see a different pack`,
    );
  return diff.version.ok ? 0 : 1;
}

async function cmdMigrate(args: string[]): Promise<number> {
  const options = parseArgs(args, ['--out', '-o']);
  const [file] = requireCount(options, 1, 'migrate <pack.json> [-o <out.json>]');
  const parsed = parseJsonWithLocations(readText(file));
  if (!parsed.ok) {
    out(`Not valid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.message}.`);
    return 1;
  }
  if (isEnvelope(parsed.value)) {
    out(`${file} is a signed pack; migrate the unsigned pack and sign the result again`);
    return 1;
  }
  const result = migrate(parsed.value);
  if (!result.ok) {
    out(result.error);
    return 1;
  }
  for (const change of result.changes) note(`- ${change}`);
  if (result.fromVersion === result.toVersion) note(`${file} is already schemaVersion ${result.toVersion}`);
  writeOutput(options.out, `${JSON.stringify(result.pack, null, 2)}\n`);
  const loaded = loadPackText(JSON.stringify(result.pack));
  if (!loaded.ok) {
    for (const problem of loaded.problems) note(`after migration: ${formatProblem(problem)}`);
    return 1;
  }
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  validate: (args) => cmdValidate(args, false),
  lint: (args) => cmdValidate(args, true),
  keygen: cmdKeygen,
  pubkey: cmdPubkey,
  sign: cmdSign,
  verify: cmdVerify,
  preview: cmdPreview,
  diff: cmdDiff,
  migrate: cmdMigrate,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    const names = Object.keys(COMMANDS);
    note(`unknown command "${command}"${suggestion(command, names)}; commands: ${names.join(', ')}, help`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      note(`${command}: ${error.message}`);
      note('run "npm run pack -- help" for usage');
      return 2;
    }
    if (error instanceof InputError) {
      note(`${command}: ${error.message}`);
      return 1;
    }
    note(`internal error in ${command}: ${(error as Error).message}`);
    if (process.env.CALMDESK_DEBUG) note(String((error as Error).stack));
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    note(`internal error: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
