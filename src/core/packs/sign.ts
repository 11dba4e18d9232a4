// Ed25519 pack signatures over the RFC 8785 (JCS) canonical JSON of the pack. @noble/ed25519's async API
// hashes with WebCrypto SHA-512, present in Node 20 and in extension workers, so this module runs in both.
import * as ed from '@noble/ed25519';
import canonicalize from 'canonicalize';
import { base64ToBytes, bytesToBase64 } from '../base64';
import { isRecord } from '../is-record';
import type { PackSignature, SignedPack } from './schema';

export { base64ToBytes, bytesToBase64 };

export interface TrustedKey {
  /** Explicit id (policy "keyId:base64"); derived from the key when absent. */
  keyId?: string;
  /** Base64 of the 32 raw public-key bytes. */
  publicKey: string;
}

export type VerifyResult = { ok: true; keyId: string } | { ok: false; reason: string };

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The bytes that are signed: RFC 8785 canonical JSON of the pack, UTF-8. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('This value has no JSON form.');
  return text;
}

const canonicalBytes = (value: unknown) => new TextEncoder().encode(canonicalJson(value));

/** Short stable id of a public key: first 16 hex characters of SHA-256 of the raw 32 bytes. */
export async function deriveKeyId(publicKey: Uint8Array | string): Promise<string> {
  const bytes = typeof publicKey === 'string' ? base64ToBytes(publicKey) : publicKey;
  if (bytes?.length !== 32) throw new TypeError('A public key is base64 of 32 bytes.');
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest)).slice(0, 16);
}

export interface KeyPair {
  /** Base64 of the 32-byte private seed: keep secret. */
  secretKey: string;
  publicKey: string;
  keyId: string;
}

export async function generateKeyPair(): Promise<KeyPair> {
  const { secretKey, publicKey } = await ed.keygenAsync();
  return {
    secretKey: bytesToBase64(secretKey),
    publicKey: bytesToBase64(publicKey),
    keyId: await deriveKeyId(publicKey),
  };
}

/** Reads a private key (base64 32-byte seed); a sentence when it is not one. */
export function parseSecretKey(text: string): Uint8Array | { error: string } {
  const bytes = base64ToBytes(text.trim());
  if (!bytes) return { error: 'The private key is not valid base64.' };
  if (bytes.length !== 32)
    return { error: `The private key must be 32 bytes (base64 of the seed), found ${bytes.length} bytes.` };
  return bytes;
}

export async function publicKeyOf(secretKey: Uint8Array): Promise<string> {
  return bytesToBase64(await ed.getPublicKeyAsync(secretKey));
}

export async function signPack<T>(
  pack: T,
  secretKey: Uint8Array,
  keyId?: string,
): Promise<{ pack: T; signature: PackSignature }> {
  const signature = await ed.signAsync(canonicalBytes(pack), secretKey);
  const id = keyId ?? (await deriveKeyId(await ed.getPublicKeyAsync(secretKey)));
  return { pack, signature: { alg: 'Ed25519', keyId: id, value: bytesToBase64(signature) } };
}

/** True for `{ pack, signature }` documents (signature shape checked by verifyEnvelope). */
export function isEnvelope(raw: unknown): raw is { pack: unknown; signature: unknown } {
  return isRecord(raw) && 'pack' in raw && 'signature' in raw && isRecord(raw.pack);
}

/** Parses a trusted key written as "keyId:base64" or plain base64; a sentence when it is not one. */
export function parseTrustedKey(text: string): TrustedKey | { error: string } {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const keyId = colon > 0 ? trimmed.slice(0, colon).trim() : undefined;
  const publicKey = colon > 0 ? trimmed.slice(colon + 1).trim() : trimmed;
  const bytes = base64ToBytes(publicKey);
  if (bytes?.length !== 32)
    return {
      error: `"${trimmed.slice(0, 60)}" is not a public key (base64 of 32 bytes, optionally "keyId:" before it).`,
    };
  return keyId ? { keyId, publicKey } : { publicKey };
}

/** Checks an envelope's signature against the trusted keys. Never throws for bad input. */
export async function verifyEnvelope(
  envelope: unknown,
  trustedKeys: readonly TrustedKey[],
): Promise<VerifyResult> {
  if (!isRecord(envelope) || !('pack' in envelope)) return { ok: false, reason: 'The pack is not signed.' };
  const signature = envelope.signature;
  if (!isRecord(signature)) return { ok: false, reason: 'The pack is not signed.' };
  if (signature.alg !== 'Ed25519')
    return {
      ok: false,
      reason: `Unsupported signature algorithm ${JSON.stringify(signature.alg)} (expected "Ed25519").`,
    };
  const value = typeof signature.value === 'string' ? base64ToBytes(signature.value) : undefined;
  if (value?.length !== 64) return { ok: false, reason: 'The signature value is not base64 of 64 bytes.' };
  const claimedId = typeof signature.keyId === 'string' ? signature.keyId : '';
  if (trustedKeys.length === 0)
    return { ok: false, reason: 'No trusted keys are set, so the signature cannot be checked.' };

  let message: Uint8Array;
  try {
    message = canonicalBytes(envelope.pack);
  } catch {
    return { ok: false, reason: 'The signed pack cannot be written as canonical JSON.' };
  }
  const candidates: { keyId: string; bytes: Uint8Array }[] = [];
  for (const key of trustedKeys) {
    const bytes = base64ToBytes(key.publicKey);
    if (bytes?.length !== 32) continue;
    candidates.push({ keyId: key.keyId ?? (await deriveKeyId(bytes)), bytes });
  }
  // The keyId is a hint: try the named key first, then the rest, so a mislabelled key still verifies.
  candidates.sort((a, b) => Number(b.keyId === claimedId) - Number(a.keyId === claimedId));
  for (const candidate of candidates) {
    try {
      if (await ed.verifyAsync(value, message, candidate.bytes)) return { ok: true, keyId: candidate.keyId };
    } catch {
      // a malformed key or signature point: not a match
    }
  }
  const named = candidates.some((c) => c.keyId === claimedId);
  return {
    ok: false,
    reason: named
      ? `The signature does not match the pack (key ${claimedId}): the pack was changed after signing, or signed with another key.`
      : `The pack is signed with key ${JSON.stringify(claimedId)}, which is not one of the trusted keys, and no trusted key matches.`,
  };
}

export type { SignedPack };
