import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPackText, loadPackValue } from '../../src/core/packs/load';
import { detectSchemaVersion, migrate, slugify } from '../../src/core/packs/migrate';
import { validatePack } from '../../src/core/packs/validate';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/packs/${name}`, import.meta.url), 'utf8'));

describe('migrate', () => {
  it('detects schema versions', () => {
    expect(detectSchemaVersion(fixture('legacy-v0.json'))).toBe(0);
    expect(detectSchemaVersion(fixture('valid-v1.json'))).toBe(1);
    expect(detectSchemaVersion(fixture('future-v2.json'))).toBe(2);
    expect(detectSchemaVersion({ schemaVersion: '1' })).toEqual({
      error: expect.stringContaining('whole number'),
    });
    expect(detectSchemaVersion([])).toEqual({ error: expect.stringContaining('JSON object') });
  });

  it('brings the legacy pilot format to schemaVersion 1, exactly as expected', () => {
    const legacy = fixture('legacy-v0.json');
    const before = JSON.stringify(legacy);
    const result = migrate(legacy);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fromVersion).toBe(0);
    expect(result.toVersion).toBe(1);
    expect(result.pack).toEqual(fixture('legacy-v0.expected.json'));
    expect(validatePack(result.pack).ok).toBe(true);
    expect(JSON.stringify(legacy)).toBe(before); // input untouched
  });

  it('reports what it changed in plain sentences', () => {
    const result = migrate(fixture('legacy-v0.json'));
    if (!result.ok) throw new Error(result.error);
    const text = result.changes.join('\n');
    expect(text).toContain('migrated from schemaVersion 0 to 1');
    expect(text).toContain('id "kundeservice-alesund" derived from the name "Kundeservice Ålesund"');
    expect(text).toContain('version "1.0" written as "1.0.0"');
    expect(text).toContain('lang "no" written as "nb"');
    expect(text).toContain('step "apologise" → "apologize" as stage in 1 phrase');
    expect(text).toContain('step "follow-up" → "followUp" as stage in 1 phrase');
    expect(text).toContain('unknown item field "note" dropped');
    expect(text).toContain('publisher was missing');
  });

  it('leaves an unknown legacy step for validation to report with a suggestion', () => {
    const result = migrate({
      name: 'X pack',
      version: '2.0.0',
      lang: 'sv',
      items: [{ key: 'a', step: 'sollve', body: 'Hej' }],
    });
    if (!result.ok) throw new Error(result.error);
    const problems = validatePack(result.pack).problems;
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['phrases[0].stage', 'unknown stage "sollve" (did you mean "solve"?)'],
    ]);
  });

  it('refuses packs made for a newer Calmdesk', () => {
    const result = migrate(fixture('future-v2.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('made for a newer Calmdesk');
    expect(loadPackValue(fixture('future-v2.json')).error).toContain('made for a newer Calmdesk');
  });

  it('returns current packs unchanged with no changes', () => {
    const pack = fixture('valid-v1.json');
    const result = migrate(pack);
    expect(result).toMatchObject({ ok: true, fromVersion: 1, toVersion: 1, changes: [] });
    if (result.ok) expect(result.pack).toEqual(pack);
  });

  it('says when a legacy-looking pack has no items', () => {
    const result = migrate({ name: 'x', version: '1.0.0', lang: 'nb' });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('no "items" list') });
  });

  it('loads a legacy file through the normal pipeline with a warning', () => {
    const loaded = loadPackText(
      readFileSync(new URL('../fixtures/packs/legacy-v0.json', import.meta.url), 'utf8'),
    );
    expect(loaded.ok).toBe(true);
    expect(loaded.migratedFrom).toBe(0);
    expect(loaded.problems.map((p) => [p.severity, p.code])).toEqual([['warning', 'legacy-format']]);
    expect(loaded.pack?.phrases.map((p) => p.id)).toEqual([
      'nb.apologize.sorry-simple',
      'nb.followUp.later',
      'nb.close.thanks',
    ]);
  });

  it('slugifies Nordic names', () => {
    expect(slugify('Kundeservice Ålesund')).toBe('kundeservice-alesund');
    expect(slugify('Søknad & Øl — Ærlig')).toBe('soknad-ol-aerlig');
    expect(slugify('Kärsimätön asiakas')).toBe('karsimaton-asiakas');
  });
});
