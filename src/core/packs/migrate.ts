// Brings older pack documents up to the current schemaVersion, saying what changed. Each step is a pure
// function from one version to the next, so a pack from any supported version walks the chain.

import { isRecord } from '../is-record';
import { CUES, CUSTOMER_TYPES, normalizeLangHint, STAGES } from '../taxonomy';
import { CURRENT_SCHEMA_VERSION } from './schema';

export type MigrationResult =
  | { ok: true; pack: unknown; fromVersion: number; toVersion: number; changes: string[] }
  | { ok: false; error: string };

/** The schema version a document is written in, or a sentence saying why it cannot be told. */
export function detectSchemaVersion(raw: unknown): number | { error: string } {
  if (!isRecord(raw)) return { error: 'A pack must be a JSON object ({...}).' };
  if (!('schemaVersion' in raw)) {
    // The pilot format had no schemaVersion and kept its phrases in "items".
    return Array.isArray(raw.items) || !('phrases' in raw) ? 0 : CURRENT_SCHEMA_VERSION;
  }
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return {
      error: `schemaVersion must be a whole number such as ${CURRENT_SCHEMA_VERSION}, found ${JSON.stringify(version)}.`,
    };
  return version;
}

/** ASCII slug for ids: "Kundeservice Ålesund" → "kundeservice-alesund". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/g, '');
}

const LEGACY_STEPS: Record<string, string> = {
  apologise: 'apologize',
  empathise: 'empathize',
  'follow-up': 'followUp',
  followup: 'followUp',
  follow_up: 'followUp',
  expectation: 'expectations',
};

function mapId(value: string, known: readonly string[], aliases: Record<string, string> = {}): string {
  const lower = value.trim().toLowerCase();
  if (aliases[lower]) return aliases[lower];
  return known.find((id) => id.toLowerCase() === lower) ?? value;
}

const LEGACY_TOP_FIELDS = new Set([
  'version',
  'name',
  'lang',
  'items',
  'publisher',
  'author',
  'approvedBy',
  'approvedAt',
  'description',
  'id',
  'schemaVersion',
]);
const LEGACY_ITEM_FIELDS = new Set(['key', 'step', 'body', 'customerTypes', 'cues', 'tags', 'register']);

function migrate0to1(
  legacy: Record<string, unknown>,
  changes: string[],
): Record<string, unknown> | { error: string } {
  if (!Array.isArray(legacy.items))
    return {
      error: 'This looks like a legacy (schemaVersion 0) pack, but it has no "items" list to migrate.',
    };
  const name = typeof legacy.name === 'string' && legacy.name.trim() ? legacy.name.trim() : 'Migrated pack';
  if (name !== legacy.name) changes.push(`name was missing: set to "${name}".`);
  const id =
    typeof legacy.id === 'string' && legacy.id
      ? legacy.id
      : slugify(name).length >= 2
        ? slugify(name)
        : 'migrated-pack';
  changes.push(`id "${id}" derived from the name "${name}".`);

  let version = typeof legacy.version === 'number' ? String(legacy.version) : legacy.version;
  if (typeof version === 'string' && /^\d+$/.test(version)) version = `${version}.0.0`;
  else if (typeof version === 'string' && /^\d+\.\d+$/.test(version)) version = `${version}.0`;
  if (version !== legacy.version)
    changes.push(`version ${JSON.stringify(legacy.version)} written as "${version}".`);

  const publisherSource = typeof legacy.publisher === 'string' ? legacy.publisher : legacy.author;
  const publisher =
    typeof publisherSource === 'string' && publisherSource.trim() ? publisherSource.trim() : 'Unknown';
  if (publisher === 'Unknown')
    changes.push('publisher was missing: set to "Unknown"; replace it with your team\'s name.');
  else if (legacy.publisher === undefined) changes.push('author copied to publisher.');

  const rawLang = typeof legacy.lang === 'string' ? legacy.lang : '';
  const lang = normalizeLangHint(rawLang) ?? rawLang;
  if (lang !== rawLang) changes.push(`lang "${rawLang}" written as "${lang}".`);
  changes.push(`lang "${lang}" moved to languages: ["${lang}"].`);

  for (const key of Object.keys(legacy)) {
    if (!LEGACY_TOP_FIELDS.has(key)) changes.push(`unknown field "${key}" dropped.`);
  }

  const renamedSteps = new Map<string, number>();
  const droppedItemFields = new Set<string>();
  const phrases = legacy.items.map((item, index) => {
    if (!isRecord(item)) return item; // validation reports it at its place
    for (const key of Object.keys(item)) if (!LEGACY_ITEM_FIELDS.has(key)) droppedItemFields.add(key);
    const step = typeof item.step === 'string' ? item.step : '';
    const stage = mapId(step, STAGES, LEGACY_STEPS);
    if (stage !== step && (STAGES as readonly string[]).includes(stage)) {
      const label = `"${step}" → "${stage}"`;
      renamedSteps.set(label, (renamedSteps.get(label) ?? 0) + 1);
    }
    let key = typeof item.key === 'string' && item.key.trim() ? item.key.trim() : `item-${index + 1}`;
    if (!/^[A-Za-z0-9._-]+$/.test(key)) {
      const cleaned = slugify(key) || `item-${index + 1}`;
      changes.push(`items[${index}]: key "${key}" written as "${cleaned}" in the phrase id.`);
      key = cleaned;
    } else if (item.key !== key) changes.push(`items[${index}] had no key: using "${key}".`);
    const phrase: Record<string, unknown> = { id: `${lang}.${stage}.${key}`, stage, lang, text: item.body };
    if (Array.isArray(item.customerTypes)) {
      phrase.types = item.customerTypes.map((type) =>
        typeof type === 'string' ? mapId(type, CUSTOMER_TYPES, { 'know-it-all': 'knowItAll' }) : type,
      );
    }
    if (Array.isArray(item.cues))
      phrase.cues = item.cues.map((cue) => (typeof cue === 'string' ? mapId(cue, CUES) : cue));
    if (item.tags !== undefined) phrase.tags = item.tags;
    if (item.register !== undefined) phrase.register = item.register;
    return phrase;
  });
  for (const [label, count] of renamedSteps)
    changes.push(`step ${label} as stage in ${count} phrase${count === 1 ? '' : 's'}.`);
  for (const field of droppedItemFields) changes.push(`unknown item field "${field}" dropped.`);
  changes.push(
    `${phrases.length} items became phrases (key → id "<lang>.<stage>.<key>", body → text, customerTypes → types).`,
  );

  const pack: Record<string, unknown> = { schemaVersion: 1, id, name, version, publisher, languages: [lang] };
  if (legacy.description !== undefined) pack.description = legacy.description;
  if (legacy.approvedBy !== undefined) pack.approvedBy = legacy.approvedBy;
  if (legacy.approvedAt !== undefined) pack.approvedAt = legacy.approvedAt;
  pack.phrases = phrases;
  return pack;
}

type Step = (raw: Record<string, unknown>, changes: string[]) => Record<string, unknown> | { error: string };
/** MIGRATIONS[n] turns schemaVersion n into n + 1. */
const MIGRATIONS: Record<number, Step> = { 0: migrate0to1 };

/**
 * Brings a pack document to the current schemaVersion. The result is not validated yet (run validatePack);
 * a document already current comes back unchanged with no changes listed.
 */
export function migrate(raw: unknown): MigrationResult {
  const detected = detectSchemaVersion(raw);
  if (typeof detected !== 'number') return { ok: false, error: detected.error };
  if (detected > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `This pack has schemaVersion ${detected} and was made for a newer Calmdesk; this version reads schemaVersion ${CURRENT_SCHEMA_VERSION}. Update Calmdesk, or ask the publisher for a schemaVersion ${CURRENT_SCHEMA_VERSION} pack.`,
    };
  }
  const changes: string[] = [];
  let current = structuredClone(raw) as Record<string, unknown>;
  for (let version = detected; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, error: `No migration from schemaVersion ${version}.` };
    const next = step(current, changes);
    if ('error' in next && typeof next.error === 'string' && Object.keys(next).length === 1)
      return { ok: false, error: next.error };
    current = next as Record<string, unknown>;
  }
  if (detected < CURRENT_SCHEMA_VERSION)
    changes.unshift(`migrated from schemaVersion ${detected} to ${CURRENT_SCHEMA_VERSION}.`);
  return { ok: true, pack: current, fromVersion: detected, toVersion: CURRENT_SCHEMA_VERSION, changes };
}
