import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_POLICY, POLICY_KEYS, parsePolicy } from '../../src/core/packs/policy';
import { bytesToBase64 } from '../../src/core/packs/sign';

const KEY = bytesToBase64(new Uint8Array(32).fill(9));

describe('parsePolicy', () => {
  it('treats a missing policy (Firefox rejection, no managed storage) as no policy', () => {
    expect(parsePolicy(undefined)).toEqual({ config: NO_POLICY, warnings: [] });
    expect(parsePolicy(null)).toEqual({ config: NO_POLICY, warnings: [] });
    expect(parsePolicy({})).toEqual({ config: NO_POLICY, warnings: [] });
  });

  it('reads every key of the managed schema', () => {
    const { config, warnings } = parsePolicy({
      packUrls: ['https://packs.example.com/nb.json', 'https://packs.example.com/nb.json'],
      packs: ['{"schemaVersion": 1}'],
      trustedKeys: [`team:${KEY}`],
      lockPacks: true,
      allowUserPacks: false,
      helpdeskDomains: ['Support.Example.com', 'https://help.example.org/agent'],
      teamName: 'Kundeservice',
      teamPhone: '+47 22 00 00 00',
      teamHours: '08–16',
      uiLanguage: 'no',
    });
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      inlinePacks: [{ schemaVersion: 1 }],
      packUrls: ['https://packs.example.com/nb.json'],
      trustedKeys: [{ keyId: 'team', publicKey: KEY }],
      lockPacks: true,
      allowUserPacks: false,
      helpdeskDomains: ['support.example.com', 'help.example.org'],
      team: { name: 'Kundeservice', phone: '+47 22 00 00 00', hours: '08–16' },
      uiLanguage: 'nb',
    });
  });

  it('accepts Firefox policies.json shapes: key objects, team object, pack objects', () => {
    const { config, warnings } = parsePolicy({
      trustedKeys: [{ keyId: 'k1', publicKey: KEY }, KEY],
      team: { name: 'Support', phone: '123' },
      packs: [{ schemaVersion: 1, id: 'x' }],
    });
    expect(warnings).toEqual([]);
    expect(config.trustedKeys).toEqual([{ keyId: 'k1', publicKey: KEY }]); // same key once
    expect(config.team).toEqual({ name: 'Support', phone: '123' });
    expect(config.inlinePacks).toEqual([{ schemaVersion: 1, id: 'x' }]);
  });

  it('ignores wrong values with a plain sentence each', () => {
    const { config, warnings } = parsePolicy({
      packUrls: ['http://insecure.example.com/p.json', 'not a url', 7],
      packs: ['{"broken": '],
      trustedKeys: ['short', 5],
      lockPacks: 'yes',
      allowUserPacks: 'false',
      helpdeskDomains: ['not a host!'],
      teamName: 42,
      uiLanguage: 'de',
      packUrl: 'https://typo.example.com',
    });
    expect(config.packUrls).toEqual([]);
    expect(config.inlinePacks).toEqual([]);
    expect(config.trustedKeys).toEqual([]);
    expect(config.lockPacks).toBe(false);
    expect(config.allowUserPacks).toBe(false);
    expect(config.helpdeskDomains).toEqual([]);
    expect(config.team).toEqual({});
    expect(config.uiLanguage).toBeUndefined();
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Policy key "packUrl" is not known (did you mean "packUrls"?); it is ignored.',
        expect.stringMatching(/^Policy packUrls\[0\]: .*not an https:\/\/ address.*It is ignored\.$/),
        expect.stringMatching(/^Policy packUrls\[1\]: .*not a web address/),
        'Policy packUrls[2] should be text; it is ignored.',
        expect.stringMatching(/^Policy packs\[0\] is not valid JSON \(line 1, column 12: /),
        expect.stringMatching(/^Policy trustedKeys\[0\]: .*not a public key/),
        'Policy value "lockPacks" should be true or false; it is ignored.',
        'Policy value "allowUserPacks" should be true or false (not "false"); read as false.',
        expect.stringMatching(/^Policy helpdeskDomains\[0\]: "not a host!" is not a host name/),
        'Policy value "teamName" should be text; it is ignored.',
        'Policy value "uiLanguage" should be one of en, nb, sv, fi; it is ignored.',
      ]),
    );
    for (const warning of warnings) expect(warning).toMatch(/^[A-Z].*\.$/);
  });

  it('warns when lockPacks has no trusted keys, and when allowUserPacks contradicts it', () => {
    expect(parsePolicy({ lockPacks: true }).warnings).toEqual([
      'Policy sets lockPacks but no trustedKeys: every pack will be refused.',
    ]);
    expect(parsePolicy({ lockPacks: true, allowUserPacks: true, trustedKeys: [KEY] }).warnings).toEqual([
      'Policy sets both lockPacks and allowUserPacks: lockPacks wins, agents cannot add packs.',
    ]);
  });

  it('stays consistent with public/managed_schema.json', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../public/managed_schema.json', import.meta.url), 'utf8'),
    );
    expect(schema.type).toBe('object');
    const keys = Object.keys(schema.properties).sort();
    expect(keys).toEqual([...POLICY_KEYS].filter((k) => k !== 'team').sort());
    for (const key of ['packUrls', 'packs', 'trustedKeys', 'helpdeskDomains']) {
      expect(schema.properties[key]).toMatchObject({ type: 'array', items: { type: 'string' } });
    }
    for (const key of ['lockPacks', 'allowUserPacks']) expect(schema.properties[key].type).toBe('boolean');
    for (const key of ['teamName', 'teamPhone', 'teamHours', 'uiLanguage'])
      expect(schema.properties[key].type).toBe('string');
    // Chrome accepts only a subset of JSON Schema: no $schema, formats, patterns or required lists.
    const text = JSON.stringify(schema);
    for (const unsupported of ['"$schema"', '"format"', '"pattern"', '"required"', '"anyOf"'])
      expect(text).not.toContain(unsupported);
  });
});
