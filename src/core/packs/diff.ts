// What changed between two versions of a pack, and whether the version number says so.
import type { Pack, PackPhrase } from './schema';

export interface PhraseChange {
  id: string;
  fields: (keyof PackPhrase)[];
  before: PackPhrase;
  after: PackPhrase;
}

export interface PackDiff {
  added: PackPhrase[];
  removed: PackPhrase[];
  changed: PhraseChange[];
  /** Pack-level fields that differ (name, languages, frames, …), version excluded. */
  meta: { field: string; before: unknown; after: unknown }[];
  version: { before: string; after: string; ok: boolean; message: string };
}

const PHRASE_FIELDS: (keyof PackPhrase)[] = ['stage', 'lang', 'text', 'types', 'cues', 'tags', 'register'];
const META_FIELDS: (keyof Pack)[] = [
  'id',
  'name',
  'publisher',
  'description',
  'languages',
  'approvedBy',
  'approvedAt',
  'frames',
  'schemaVersion',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Compares "1.10.0" and "1.9.3" numerically: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function bumpKind(before: string, after: string): 'major' | 'minor' | 'patch' | 'none' {
  const [a, b] = [before.split('.').map(Number), after.split('.').map(Number)];
  if (b[0] !== a[0]) return 'major';
  if (b[1] !== a[1]) return 'minor';
  return b[2] !== a[2] ? 'patch' : 'none';
}

export function diffPacks(before: Pack, after: Pack): PackDiff {
  const oldById = new Map(before.phrases.map((p) => [p.id, p]));
  const newById = new Map(after.phrases.map((p) => [p.id, p]));
  const added = after.phrases.filter((p) => !oldById.has(p.id));
  const removed = before.phrases.filter((p) => !newById.has(p.id));
  const changed: PhraseChange[] = [];
  for (const phrase of after.phrases) {
    const old = oldById.get(phrase.id);
    if (!old) continue;
    const fields = PHRASE_FIELDS.filter((field) => !same(old[field], phrase[field]));
    if (fields.length > 0) changed.push({ id: phrase.id, fields, before: old, after: phrase });
  }
  const meta = META_FIELDS.filter((field) => !same(before[field], after[field])).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
  const orderChanged = !same(
    before.phrases.map((p) => p.id),
    after.phrases.map((p) => p.id),
  );
  const contentChanged = added.length + removed.length + changed.length + meta.length > 0 || orderChanged;

  const order = compareVersions(after.version, before.version);
  const expected =
    removed.length > 0 || changed.some((c) => c.fields.includes('stage') || c.fields.includes('lang'))
      ? 'major'
      : added.length > 0
        ? 'minor'
        : 'patch';
  let ok = true;
  let message: string;
  if (order < 0) {
    ok = false;
    message = `version goes down (${before.version} → ${after.version}): agents that have ${before.version} keep it. To roll back, publish the old phrases with a higher version number.`;
  } else if (order === 0 && contentChanged) {
    ok = false;
    message = `the content changed but the version is still ${after.version}: raise it (a ${expected} bump fits) so every agent can tell which version they have.`;
  } else if (order === 0) {
    message = `no changes; version ${after.version} unchanged.`;
  } else {
    const kind = bumpKind(before.version, after.version);
    const rank = { none: 0, patch: 1, minor: 2, major: 3 };
    message =
      rank[kind] >= rank[expected]
        ? `version raised ${before.version} → ${after.version} (${kind}).`
        : `version raised ${before.version} → ${after.version} (${kind}); a ${expected} bump would describe these changes better.`;
  }
  return {
    added,
    removed,
    changed,
    meta,
    version: { before: before.version, after: after.version, ok, message },
  };
}
