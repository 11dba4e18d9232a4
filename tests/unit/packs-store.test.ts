import { describe, expect, it } from 'vitest';
import type { Pack } from '../../src/core/packs/schema';
import { generateKeyPair, parseSecretKey, signPack } from '../../src/core/packs/sign';
import {
  addUrl,
  applyPolicy,
  effectiveFrames,
  effectivePhrases,
  emptyState,
  type FetchLike,
  importFile,
  NO_POLICY,
  type PackStoreState,
  type PolicyConfig,
  parsePolicy,
  refreshAll,
  refreshUrl,
  removeSource,
  restoreState,
  type SourceEntry,
  setBundled,
  setSourceDisabled,
  urlEntries,
} from '../../src/core/packs/store';

const NOW = new Date('2026-11-24T10:00:00Z');
const LATER = new Date('2026-11-24T11:00:00Z');

function makePack(id: string, version: string, phrases: [string, string][], extra: Partial<Pack> = {}): Pack {
  return {
    schemaVersion: 1,
    id,
    name: id,
    version,
    publisher: 'Tests',
    languages: ['nb', 'sv'],
    phrases: phrases.map(([phraseId, text]) => ({
      id: phraseId,
      stage: 'solve',
      lang: phraseId.startsWith('sv') ? 'sv' : 'nb',
      text,
    })),
    ...extra,
  } as Pack;
}

interface Call {
  url: string;
  headers: Record<string, string>;
  cache: string;
}
/** A fake host: answers with the queued responses and records the requests. */
function fakeFetch(responses: ({ status: number; body?: string; etag?: string } | Error)[]) {
  const calls: Call[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers, cache: init.cache });
    const next = responses.shift();
    if (!next) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    const headers = new Map<string, string>();
    if (next.etag) headers.set('etag', next.etag);
    return {
      status: next.status,
      headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
      text: async () => next.body ?? '',
    };
  };
  return { fetchFn, calls };
}

const urlEntry = (url = 'https://packs.example.com/team.json'): SourceEntry => ({
  sourceId: `url:${url}`,
  kind: 'url',
  url,
  status: 'pending',
});
const policyWith = (raw: Record<string, unknown>): PolicyConfig => parsePolicy(raw).config;

async function signingKey() {
  const pair = await generateKeyPair();
  const secret = parseSecretKey(pair.secretKey) as Uint8Array;
  return { ...pair, secret, sign: (pack: Pack) => signPack(pack, secret) };
}

describe('pack store: URL refresh', () => {
  it('fetches with no-cache, stores the pack and its ETag, then sends If-None-Match and keeps the copy on 304', async () => {
    const pack = makePack('team', '1.0.0', [['nb.solve.a', 'Vi ordner det.']]);
    const { fetchFn, calls } = fakeFetch([
      { status: 200, body: JSON.stringify(pack), etag: '"v1"' },
      { status: 304 },
    ]);
    const first = await refreshUrl(urlEntry(), fetchFn, NOW);
    expect(first).toMatchObject({
      status: 'ok',
      etag: '"v1"',
      lastGoodAt: NOW.toISOString(),
      lastCheckedAt: NOW.toISOString(),
    });
    expect(first.lastGood?.version).toBe('1.0.0');
    expect(calls[0]).toMatchObject({ cache: 'no-cache', headers: { Accept: 'application/json' } });
    expect(calls[0].headers['If-None-Match']).toBeUndefined();

    const second = await refreshUrl(first, fetchFn, LATER);
    expect(calls[1].headers['If-None-Match']).toBe('"v1"');
    expect(second).toMatchObject({
      status: 'ok',
      etag: '"v1"',
      lastGoodAt: NOW.toISOString(),
      lastCheckedAt: LATER.toISOString(),
    });
    expect(second.lastGood).toEqual(first.lastGood);
  });

  it('keeps the last good copy when offline, with a plain sentence', async () => {
    const pack = makePack('team', '1.0.0', [['nb.solve.a', 'Vi ordner det.']]);
    const { fetchFn } = fakeFetch([
      { status: 200, body: JSON.stringify(pack), etag: '"v1"' },
      new TypeError('Failed to fetch'),
    ]);
    const good = await refreshUrl(urlEntry(), fetchFn, NOW);
    const offline = await refreshUrl(good, fetchFn, LATER);
    expect(offline.status).toBe('error');
    expect(offline.lastGood).toEqual(good.lastGood);
    expect(offline.etag).toBe('"v1"');
    expect(offline.error).toMatch(
      /^Could not reach packs\.example\.com: .*Still using version 1\.0\.0 from 2026-11-24\.$/,
    );
    expect(offline.error).not.toContain('TypeError');
  });

  it('never replaces the last good copy with an invalid pack, bad JSON or an HTTP error', async () => {
    const pack = makePack('team', '1.0.0', [['nb.solve.a', 'Vi ordner det.']]);
    const broken = {
      ...makePack('team', '1.1.0', [['nb.solve.a', 'Vi ordner det.']]),
      phrases: [{ id: 'nb.x', stage: 'apologise', lang: 'nb', text: 'x' }],
    };
    const { fetchFn } = fakeFetch([
      { status: 200, body: JSON.stringify(pack), etag: '"v1"' },
      { status: 200, body: JSON.stringify(broken), etag: '"v2"' },
      { status: 200, body: '{"schemaVersion": 1,', etag: '"v3"' },
      { status: 404 },
    ]);
    let entry = await refreshUrl(urlEntry(), fetchFn, NOW);
    for (const expected of [
      /phrases\[0\]\.stage \(nb\.x\): unknown stage "apologise"/,
      /Not valid JSON at line 1/,
      /answered 404/,
    ]) {
      entry = await refreshUrl(entry, fetchFn, LATER);
      expect(entry.status).toBe('error');
      expect(entry.error).toMatch(expected);
      expect(entry.lastGood?.version).toBe('1.0.0');
      expect(entry.etag).toBe('"v1"');
      expect(entry.lastGoodAt).toBe(NOW.toISOString());
    }
  });

  it('refuses an older version from the same source (stale cache or replay)', async () => {
    const { fetchFn } = fakeFetch([
      { status: 200, body: JSON.stringify(makePack('team', '1.3.0', [['nb.solve.a', 'Ny']])) },
      { status: 200, body: JSON.stringify(makePack('team', '1.2.9', [['nb.solve.a', 'Gammel']])) },
    ]);
    const entry = await refreshUrl(urlEntry(), fetchFn, NOW);
    const next = await refreshUrl(entry, fetchFn, LATER);
    expect(next.status).toBe('error');
    expect(next.error).toContain('older than version 1.3.0');
    expect(next.lastGood?.phrases[0].text).toBe('Ny');
  });

  it('asks unconditionally when it has no copy, and refuses non-https addresses', async () => {
    const { fetchFn, calls } = fakeFetch([
      { status: 200, body: JSON.stringify(makePack('team', '1.0.0', [['nb.solve.a', 'A']])) },
    ]);
    await refreshUrl({ ...urlEntry(), etag: '"stale"' }, fetchFn, NOW);
    expect(calls[0].headers['If-None-Match']).toBeUndefined();
    const insecure = await refreshUrl(urlEntry('http://packs.example.com/a.json'), fetchFn, NOW);
    expect(insecure.status).toBe('error');
    expect(insecure.error).toContain('https');
    expect(calls).toHaveLength(1);
  });

  it('migrates a legacy pack served by a URL', async () => {
    const legacy = {
      name: 'Pilot',
      version: '1.0.0',
      lang: 'nb',
      items: [{ key: 'a', step: 'apologise', body: 'Beklager.' }],
    };
    const { fetchFn } = fakeFetch([{ status: 200, body: JSON.stringify(legacy) }]);
    const entry = await refreshUrl(urlEntry(), fetchFn, NOW);
    expect(entry.status).toBe('ok');
    expect(entry.lastGood?.phrases[0]).toMatchObject({ id: 'nb.apologize.a', stage: 'apologize' });
  });
});

describe('pack store: signatures and lockPacks', () => {
  it('with trusted keys, accepts a signed pack and refuses unsigned or foreign-signed ones, keeping the last good copy', async () => {
    const team = await signingKey();
    const stranger = await signingKey();
    const config = policyWith({ trustedKeys: [`team:${team.publicKey}`] });
    const v1 = await team.sign(makePack('team', '1.0.0', [['nb.solve.a', 'Godkjent']]));
    const { fetchFn } = fakeFetch([
      { status: 200, body: JSON.stringify(v1), etag: '"1"' },
      {
        status: 200,
        body: JSON.stringify(makePack('team', '1.1.0', [['nb.solve.a', 'Usignert']])),
        etag: '"2"',
      },
      {
        status: 200,
        body: JSON.stringify(await stranger.sign(makePack('team', '1.2.0', [['nb.solve.a', 'Fremmed']]))),
        etag: '"3"',
      },
    ]);
    const good = await refreshUrl(urlEntry(), fetchFn, NOW, config);
    expect(good).toMatchObject({ status: 'ok', signedBy: 'team' });
    const unsigned = await refreshUrl(good, fetchFn, LATER, config);
    expect(unsigned.error).toContain('not signed');
    expect(unsigned.lastGood?.phrases[0].text).toBe('Godkjent');
    const foreign = await refreshUrl(unsigned, fetchFn, LATER, config);
    expect(foreign.error).toContain('not one of the trusted keys');
    expect(foreign.lastGood?.phrases[0].text).toBe('Godkjent');
  });

  it('with a tampered signed pack keeps the last good copy', async () => {
    const team = await signingKey();
    const config = policyWith({ trustedKeys: [team.publicKey], lockPacks: true });
    const v1 = await team.sign(makePack('team', '1.0.0', [['nb.solve.a', 'Godkjent']]));
    const v2 = await team.sign(makePack('team', '1.1.0', [['nb.solve.a', 'Godkjent 2']]));
    v2.pack.phrases[0].text = 'Endret etter signering';
    const { fetchFn } = fakeFetch([
      { status: 200, body: JSON.stringify(v1) },
      { status: 200, body: JSON.stringify(v2) },
    ]);
    const state = await applyPolicy(
      emptyState(),
      { ...config, packUrls: ['https://packs.example.com/team.json'] },
      NOW,
    );
    const entry = await refreshUrl(state.entries[0], fetchFn, NOW, config);
    const tampered = await refreshUrl(entry, fetchFn, LATER, config);
    expect(tampered.status).toBe('error');
    expect(tampered.error).toContain('does not match');
    expect(tampered.lastGood?.phrases[0].text).toBe('Godkjent');
  });

  it('lockPacks refuses unsigned packs and every agent change', async () => {
    const team = await signingKey();
    const config = policyWith({ lockPacks: true, trustedKeys: [team.publicKey] });
    let state = await setBundled(
      emptyState(),
      [{ sourceId: 'bundled:nb', document: makePack('builtin', '1.0.0', [['nb.solve.b', 'Innebygd']]) }],
      NOW,
    );
    expect(addUrl(state, config, 'https://x.example.com/p.json')).toEqual({
      ok: false,
      error: expect.stringContaining('locks phrase packs'),
    });
    expect(
      await importFile(
        state,
        config,
        JSON.stringify(makePack('mine', '1.0.0', [['nb.solve.c', 'Min']])),
        'mine.json',
        NOW,
      ),
    ).toEqual({
      ok: false,
      error: expect.stringContaining('locks'),
    });
    expect(removeSource(state, config, 'bundled:nb').ok).toBe(false);
    expect(setSourceDisabled(state, config, 'bundled:nb', true).ok).toBe(false);

    // Inline policy packs must be signed too; the bundled pack still works.
    const signed = await team.sign(makePack('policy', '1.0.0', [['nb.solve.p', 'Policy']]));
    state = await applyPolicy(
      state,
      { ...config, inlinePacks: [makePack('unsigned', '1.0.0', [['nb.solve.u', 'Usignert']]), signed] },
      NOW,
    );
    const inline = state.entries.filter((e) => e.kind === 'policy');
    expect(inline[0]).toMatchObject({ status: 'error' });
    expect(inline[0].error).toContain('not signed');
    expect(inline[1]).toMatchObject({ status: 'ok', lastGood: { id: 'policy' } });
    expect(effectivePhrases(state).map((p) => p.id)).toEqual(['nb.solve.p', 'nb.solve.b']);
  });

  it('a signed update clears a block, and refreshAll fetches every policy URL', async () => {
    const team = await signingKey();
    const config = policyWith({
      trustedKeys: [team.publicKey],
      packUrls: ['https://packs.example.com/team.json'],
    });
    const { fetchFn, calls } = fakeFetch([
      { status: 200, body: JSON.stringify(makePack('team', '1.0.0', [['nb.solve.a', 'Usignert']])) },
      {
        status: 200,
        body: JSON.stringify(await team.sign(makePack('team', '1.1.0', [['nb.solve.a', 'Signert']]))),
      },
    ]);
    // First copy arrived before the policy did, unsigned.
    let state: PackStoreState = {
      schema: 1,
      entries: [
        await refreshUrl(
          { ...urlEntry(), sourceId: 'policy:url:https://packs.example.com/team.json', kind: 'policy' },
          fetchFn,
          NOW,
        ),
      ],
    };
    state = await applyPolicy(state, config, NOW);
    expect(state.entries[0].blocked).toContain('not signed');
    expect(effectivePhrases(state)).toEqual([]);
    state = await refreshAll(state, config, fetchFn, LATER);
    expect(calls).toHaveLength(2);
    expect(state.entries[0]).toMatchObject({ status: 'ok', signedBy: expect.any(String) });
    expect(state.entries[0].blocked).toBeUndefined();
    expect(effectivePhrases(state).map((p) => p.text)).toEqual(['Signert']);
  });

  it('lockPacks without trusted keys refuses every pack from outside', async () => {
    const { config, warnings } = parsePolicy({
      lockPacks: true,
      packs: [JSON.stringify(makePack('p', '1.0.0', [['nb.solve.p', 'P']]))],
    });
    expect(warnings).toContain('Policy sets lockPacks but no trustedKeys: every pack will be refused.');
    const state = await applyPolicy(emptyState(), config, NOW);
    expect(state.entries[0].status).toBe('error');
    expect(effectivePhrases(state)).toEqual([]);
  });

  it('re-checks stored sources when the policy arrives after start', async () => {
    const team = await signingKey();
    let state = emptyState();
    const unsigned = await importFile(
      state,
      NO_POLICY,
      JSON.stringify(makePack('mine', '1.0.0', [['nb.solve.m', 'Min']])),
      'mine.json',
      NOW,
    );
    if (!unsigned.ok) throw new Error(unsigned.error);
    const signedFile = await importFile(
      unsigned.state,
      NO_POLICY,
      JSON.stringify(await team.sign(makePack('team', '1.0.0', [['nb.solve.t', 'Team']]))),
      'team.json',
      NOW,
    );
    if (!signedFile.ok) throw new Error(signedFile.error);
    state = signedFile.state;
    expect(effectivePhrases(state).map((p) => p.id)).toEqual(['nb.solve.m', 'nb.solve.t']);

    state = await applyPolicy(state, policyWith({ trustedKeys: [team.publicKey] }), NOW);
    expect(state.entries.find((e) => e.sourceId === 'file:mine')?.blocked).toContain('not signed');
    expect(effectivePhrases(state).map((p) => p.id)).toEqual(['nb.solve.t']);

    state = await applyPolicy(state, NO_POLICY, NOW);
    expect(effectivePhrases(state).map((p) => p.id)).toEqual(['nb.solve.m', 'nb.solve.t']);
  });
});

describe('pack store: priority and agent sources', () => {
  async function layered(): Promise<PackStoreState> {
    let state = await setBundled(
      emptyState(),
      [
        {
          sourceId: 'bundled:nb',
          document: makePack(
            'builtin',
            '1.0.0',
            [
              ['nb.solve.shared', 'bundled'],
              ['nb.solve.bundled-only', 'bundled'],
              ['sv.solve.sv', 'svensk'],
            ],
            { frames: [{ lang: 'nb', greeting: 'Hei,' }] },
          ),
        },
      ],
      NOW,
    );
    const file = await importFile(
      state,
      NO_POLICY,
      JSON.stringify(
        makePack('file-pack', '1.0.0', [
          ['nb.solve.shared', 'file'],
          ['nb.solve.file', 'file'],
        ]),
      ),
      'team.json',
      NOW,
    );
    if (!file.ok) throw new Error(file.error);
    const added = addUrl(file.state, NO_POLICY, 'https://packs.example.com/team.json');
    if (!added.ok || !added.entry) throw new Error('addUrl failed');
    const { fetchFn } = fakeFetch([
      {
        status: 200,
        body: JSON.stringify(
          makePack(
            'url-pack',
            '1.0.0',
            [
              ['nb.solve.shared', 'url'],
              ['nb.solve.file', 'url'],
            ],
            { frames: [{ lang: 'nb', greeting: 'Hallo,' }] },
          ),
        ),
      },
    ]);
    const refreshed = await refreshUrl(added.entry, fetchFn, NOW);
    state = {
      ...added.state,
      entries: added.state.entries.map((e) => (e.sourceId === refreshed.sourceId ? refreshed : e)),
    };
    return applyPolicy(
      state,
      policyWith({
        packs: [JSON.stringify(makePack('policy-pack', '1.0.0', [['nb.solve.shared', 'policy']]))],
      }),
      NOW,
    );
  }

  it('merges sources: policy over url over file over bundled, each id once, with its source pack', async () => {
    const state = await layered();
    const phrases = effectivePhrases(state);
    expect(phrases.map((p) => [p.id, p.text, p.packId, p.sourceKind])).toEqual([
      ['nb.solve.shared', 'policy', 'policy-pack', 'policy'],
      ['nb.solve.file', 'url', 'url-pack', 'url'],
      ['nb.solve.bundled-only', 'bundled', 'builtin', 'bundled'],
      ['sv.solve.sv', 'svensk', 'builtin', 'bundled'],
    ]);
    expect(effectivePhrases(state, 'sv').map((p) => p.id)).toEqual(['sv.solve.sv']);
    expect(effectiveFrames(state, 'nb').map((f) => f.greeting)).toEqual(['Hallo,']);
  });

  it('ignores agent URLs and files when policy disallows user packs, and brings them back after', async () => {
    const state = await layered();
    const closed = await applyPolicy(state, policyWith({ allowUserPacks: false }), NOW);
    expect(effectivePhrases(closed).map((p) => p.packId)).toEqual(['builtin', 'builtin', 'builtin']);
    expect(closed.entries.find((e) => e.kind === 'url')?.blocked).toContain('does not allow');
    expect(urlEntries(closed, policyWith({ allowUserPacks: false }))).toEqual([]);
    expect(addUrl(closed, policyWith({ allowUserPacks: false }), 'https://b.example.com/p.json').ok).toBe(
      false,
    );
    const open = await applyPolicy(closed, NO_POLICY, NOW);
    expect(effectivePhrases(open).map((p) => p.packId)).toContain('url-pack');
  });

  it('lets the agent disable and remove own sources but not policy ones', async () => {
    const state = await layered();
    const disabled = setSourceDisabled(state, NO_POLICY, 'url:https://packs.example.com/team.json', true);
    if (!disabled.ok) throw new Error(disabled.error);
    expect(effectivePhrases(disabled.state).find((p) => p.id === 'nb.solve.file')?.packId).toBe('file-pack');
    const removed = removeSource(disabled.state, NO_POLICY, 'file:file-pack');
    if (!removed.ok) throw new Error(removed.error);
    expect(effectivePhrases(removed.state).some((p) => p.id === 'nb.solve.file')).toBe(false);
    expect(removeSource(state, NO_POLICY, 'policy:inline:0')).toEqual({
      ok: false,
      error: expect.stringContaining('policy'),
    });
    expect(setSourceDisabled(state, NO_POLICY, 'policy:inline:0', true).ok).toBe(false);
    expect(removeSource(state, NO_POLICY, 'bundled:nb').ok).toBe(false);
    expect(addUrl(state, NO_POLICY, 'https://packs.example.com/team.json')).toEqual({
      ok: false,
      error: expect.stringContaining('already'),
    });
    expect(addUrl(state, NO_POLICY, 'ftp://x')).toEqual({
      ok: false,
      error: expect.stringContaining('https'),
    });
  });

  it('does not import an invalid file, saying why with the line', async () => {
    const result = await importFile(
      emptyState(),
      NO_POLICY,
      '{\n "schemaVersion": 1,\n "id": "x"\n "name": "y"}',
      'bad.json',
      NOW,
    );
    expect(result).toEqual({ ok: false, error: expect.stringContaining('line 4') });
    const invalid = await importFile(
      emptyState(),
      NO_POLICY,
      JSON.stringify(makePack('pp', '1.0.0', [['nb.solve.a', '<b>x</b>']])),
      'p.json',
      NOW,
    );
    expect(invalid).toEqual({ ok: false, error: expect.stringContaining('HTML') });
  });

  it('keeps state as plain JSON that survives storage and is checked on restore', async () => {
    const state = await layered();
    const restored = restoreState(JSON.parse(JSON.stringify(state)));
    expect(restored).toEqual(JSON.parse(JSON.stringify(state)));
    expect(effectivePhrases(restored)).toEqual(effectivePhrases(state));
    expect(restoreState(undefined)).toEqual(emptyState());
    expect(restoreState({ entries: [{ sourceId: 1 }, { sourceId: 'x', kind: 'weird' }] })).toEqual(
      emptyState(),
    );
    const corrupted = restoreState({
      schema: 1,
      entries: [{ sourceId: 'file:x', kind: 'file', status: 'ok', lastGood: { id: 'broken' } }],
    });
    expect(corrupted.entries[0].lastGood).toBeUndefined();
  });

  it('marks a broken bundled pack as an error without throwing', async () => {
    const state = await setBundled(
      emptyState(),
      [{ sourceId: 'bundled:x', document: { schemaVersion: 1 } }],
      NOW,
    );
    expect(state.entries[0].status).toBe('error');
    expect(state.entries[0].error).toContain('not valid');
  });
});
