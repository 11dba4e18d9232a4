import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  canonicalJson,
  deriveKeyId,
  generateKeyPair,
  isEnvelope,
  parseSecretKey,
  parseTrustedKey,
  signPack,
  verifyEnvelope,
} from '../../src/core/packs/sign';

const pack = {
  schemaVersion: 1,
  id: 'signed-pack',
  name: 'Signed',
  version: '1.0.0',
  publisher: 'Tests',
  languages: ['nb'],
  phrases: [
    {
      id: 'nb.close.a',
      stage: 'close',
      lang: 'nb',
      text: 'Ha en fin dag, {{customer.firstName}}! Ærlig talt 😀',
    },
  ],
};

async function keys() {
  const pair = await generateKeyPair();
  const secret = parseSecretKey(pair.secretKey);
  if (!(secret instanceof Uint8Array)) throw new Error(secret.error);
  return { ...pair, secret };
}

describe('signatures', () => {
  it('round-trips: sign then verify with the public key', async () => {
    const { secret, publicKey, keyId } = await keys();
    const envelope = await signPack(pack, secret);
    expect(envelope.signature.alg).toBe('Ed25519');
    expect(envelope.signature.keyId).toBe(keyId);
    expect(base64ToBytes(envelope.signature.value)).toHaveLength(64);
    expect(isEnvelope(envelope)).toBe(true);
    expect(await verifyEnvelope(envelope, [{ publicKey }])).toEqual({ ok: true, keyId });
    // Survives a trip through JSON text, as files and URLs do.
    expect(
      await verifyEnvelope(JSON.parse(JSON.stringify(envelope, null, 2)), [{ publicKey }]),
    ).toMatchObject({ ok: true });
  });

  it('detects tampering with any part of the pack', async () => {
    const { secret, publicKey } = await keys();
    const envelope = await signPack(pack, secret);
    const tampered = structuredClone(envelope);
    tampered.pack.phrases[0].text = 'Ha en fin dag!';
    const verdict = await verifyEnvelope(tampered, [{ publicKey }]);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('does not match');
    const added = structuredClone(envelope) as unknown as {
      pack: Record<string, unknown>;
      signature: unknown;
    };
    added.pack.approvedBy = 'Mallory';
    expect((await verifyEnvelope(added, [{ publicKey }])).ok).toBe(false);
    const badSig = structuredClone(envelope);
    badSig.signature.value = bytesToBase64(new Uint8Array(64).fill(7));
    expect((await verifyEnvelope(badSig, [{ publicKey }])).ok).toBe(false);
  });

  it('does not depend on key order or whitespace (RFC 8785 canonical JSON)', async () => {
    const { secret, publicKey } = await keys();
    const envelope = await signPack(pack, secret);
    const reordered = JSON.parse(
      `{"signature": ${JSON.stringify(envelope.signature)}, "pack": {"phrases": [{"text": ${JSON.stringify(pack.phrases[0].text)}, "lang": "nb", "stage": "close", "id": "nb.close.a"}], "languages": ["nb"], "publisher": "Tests", "version": "1.0.0", "name": "Signed", "id": "signed-pack", "schemaVersion": 1}}`,
    );
    expect(await verifyEnvelope(reordered, [{ publicKey }])).toMatchObject({ ok: true });
    expect(canonicalJson({ b: 1, a: { d: [3, 'x'], c: 2.5 } })).toBe('{"a":{"c":2.5,"d":[3,"x"]},"b":1}');
    expect(canonicalJson({ '\u00e9': 1, e: 2, '\u{1F600}': 3 })).toBe('{"e":2,"é":1,"😀":3}');
  });

  it('refuses keys that are not trusted, and says which key signed', async () => {
    const signer = await keys();
    const other = await keys();
    const envelope = await signPack(pack, signer.secret);
    const verdict = await verifyEnvelope(envelope, [{ publicKey: other.publicKey }]);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(signer.keyId);
    expect((await verifyEnvelope(envelope, [])).ok).toBe(false);
    // A mislabelled trusted key still verifies by trying every key.
    expect(
      await verifyEnvelope(envelope, [
        { keyId: 'wrong', publicKey: other.publicKey },
        { keyId: 'team', publicKey: signer.publicKey },
      ]),
    ).toEqual({
      ok: true,
      keyId: 'team',
    });
  });

  it('uses a given key id and rejects malformed envelopes without throwing', async () => {
    const { secret, publicKey } = await keys();
    const envelope = await signPack(pack, secret, 'support-2026');
    expect(envelope.signature.keyId).toBe('support-2026');
    expect(await verifyEnvelope(envelope, [{ keyId: 'support-2026', publicKey }])).toEqual({
      ok: true,
      keyId: 'support-2026',
    });
    for (const bad of [
      null,
      {},
      { pack },
      { pack, signature: 'x' },
      { pack, signature: { alg: 'RS256', keyId: 'a', value: 'AA==' } },
      { pack, signature: { alg: 'Ed25519', keyId: 'a', value: '!!' } },
    ]) {
      expect((await verifyEnvelope(bad, [{ publicKey }])).ok).toBe(false);
    }
  });

  it('derives a stable 16-hex key id from the public key', async () => {
    const zeroKey = bytesToBase64(new Uint8Array(32));
    const id = await deriveKeyId(zeroKey);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    // SHA-256 of 32 zero bytes starts with 66687aadf862bd77.
    expect(id).toBe('66687aadf862bd77');
    expect(await deriveKeyId(base64ToBytes(zeroKey) as Uint8Array)).toBe(id);
  });

  it('parses trusted keys and private keys, with sentences for mistakes', async () => {
    const { publicKey, secretKey } = await keys();
    expect(parseTrustedKey(publicKey)).toEqual({ publicKey });
    expect(parseTrustedKey(`team:${publicKey}`)).toEqual({ keyId: 'team', publicKey });
    expect(parseTrustedKey('not a key')).toEqual({ error: expect.stringContaining('not a public key') });
    expect(parseTrustedKey(bytesToBase64(new Uint8Array(31)))).toHaveProperty('error');
    expect(parseSecretKey(`${secretKey}\n`)).toBeInstanceOf(Uint8Array);
    expect(parseSecretKey('abc')).toEqual({ error: expect.any(String) });
    expect(parseSecretKey(bytesToBase64(new Uint8Array(64)))).toEqual({
      error: expect.stringContaining('32 bytes'),
    });
  });

  it('round-trips base64 for every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(base64ToBytes('QUJD')).toEqual(new Uint8Array([65, 66, 67]));
    expect(base64ToBytes('QUI')).toEqual(new Uint8Array([65, 66]));
    expect(base64ToBytes('Q')).toBeUndefined();
    expect(base64ToBytes('QU*=')).toBeUndefined();
  });
});
