// One pipeline for every way a pack arrives (file, URL, policy, bundled): parse → unwrap the signed
// envelope → migrate → validate. Signature checks live in sign.ts; callers decide when one is required.
import { parseJsonWithLocations, type SourcePosition } from './json-locate';
import { migrate } from './migrate';
import type { Pack } from './schema';
import { isEnvelope } from './sign';
import { locateProblems, type Problem, validatePack } from './validate';

export interface LoadedPack {
  ok: boolean;
  /** Set when ok: the migrated, valid pack. */
  pack?: Pack;
  /** The document as read, envelope included, for signature checks (signatures cover the pack as published). */
  document?: unknown;
  signed: boolean;
  /** Errors (and migration notes as warnings), with lines when read from text. */
  problems: Problem[];
  /** What migration changed, when the pack was in an older format. */
  migratedFrom?: number;
  changes: string[];
  /** A plain sentence summing up why the pack cannot be used, when it cannot. */
  error?: string;
}

const failure = (error: string, extra: Partial<LoadedPack> = {}): LoadedPack => ({
  ok: false,
  signed: false,
  problems: [{ severity: 'error', code: 'json', pointer: '', path: '', message: error }],
  changes: [],
  error,
  ...extra,
});

function summarize(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  const where = first.path ? `${first.path}${first.phraseId ? ` (${first.phraseId})` : ''}: ` : '';
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length === 2 ? '' : 's'})` : '';
  return `The pack is not valid: ${where}${first.message}${more}.`;
}

export function loadPackValue(
  document: unknown,
  located?: { positions: Map<string, SourcePosition>; duplicateKeys: string[] },
): LoadedPack {
  const signed = isEnvelope(document);
  const inner = signed ? document.pack : document;
  const base = signed ? '/pack' : '';
  const migration = migrate(inner);
  if (!migration.ok) return failure(migration.error, { document, signed });
  const current = migration.fromVersion === migration.toVersion;
  // Keys written twice only matter inside the pack, and lines only map when nothing was moved by migration.
  const duplicateKeys = current
    ? (located?.duplicateKeys ?? [])
        .filter((p) => p.startsWith(`${base}/`) || base === '')
        .map((p) => p.slice(base.length))
    : [];
  const result = validatePack(migration.pack, { duplicateKeys });
  let problems = result.problems;
  if (located && current) problems = locateProblems(problems, located.positions, base);
  if (!current) {
    problems = [
      {
        severity: 'warning',
        code: 'legacy-format',
        pointer: '',
        path: '',
        message: `legacy pack format (schemaVersion ${migration.fromVersion}); read as schemaVersion ${migration.toVersion}. Run "npm run pack -- migrate" to convert the file.`,
      },
      ...problems,
    ];
  }
  const loaded: LoadedPack = {
    ok: result.ok,
    document,
    signed,
    problems,
    changes: migration.changes,
    ...(current ? {} : { migratedFrom: migration.fromVersion }),
  };
  if (result.ok) loaded.pack = result.pack;
  else loaded.error = summarize(problems);
  return loaded;
}

/** Parses JSON text (reporting syntax errors with line:column) and loads the pack in it. */
export function loadPackText(text: string): LoadedPack {
  const parsed = parseJsonWithLocations(text);
  if (!parsed.ok) {
    const error = `Not valid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.message}.`;
    return {
      ...failure(error),
      problems: [
        {
          severity: 'error',
          code: 'json',
          pointer: '',
          path: '',
          message: error,
          line: parsed.line,
          column: parsed.column,
        },
      ],
    };
  }
  return loadPackValue(parsed.value, parsed);
}
