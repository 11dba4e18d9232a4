// The pack sources the background keeps: pure functions from state to state, with fetch and time passed
// in, so the background persists the JSON state in storage.local and tests drive it without a browser.
// Rule that matters most: a pack that fails validation or signature never replaces the last good copy.

import { isRecord } from '../is-record';
import { compareVersions } from './diff';
import { type LoadedPack, loadPackText, loadPackValue } from './load';
import { checkPackUrl, NO_POLICY, type PolicyConfig, signatureRequired, userPacksAllowed } from './policy';
import type { Pack, PackFrame, PackPhrase, PackSignature } from './schema';
import { verifyEnvelope } from './sign';
import { validatePack } from './validate';

export { checkPackUrl, NO_POLICY, type PolicyConfig, parsePolicy, type TeamInfo } from './policy';

export type SourceKind = 'policy' | 'url' | 'file' | 'bundled';
/** Highest priority first: a phrase id in an earlier kind wins over the same id further down. */
export const SOURCE_PRIORITY: readonly SourceKind[] = ['policy', 'url', 'file', 'bundled'];

export interface SourceEntry {
  sourceId: string;
  kind: SourceKind;
  url?: string;
  /** File name, or "policy pack 1": what the options page shows before a pack has loaded. */
  label?: string;
  status: 'ok' | 'error' | 'pending';
  lastGood?: Pack;
  lastGoodAt?: string;
  /** Signature of lastGood as published, kept so a change of trusted keys can re-check it. */
  signature?: PackSignature;
  /** The pack exactly as signed, only when migration changed it (the signature covers this form). */
  signedPack?: unknown;
  /** Key id that verified lastGood, when it was checked. */
  signedBy?: string;
  etag?: string;
  lastCheckedAt?: string;
  /** A plain sentence: why the last attempt failed. lastGood (if any) is still in use. */
  error?: string;
  /** The agent switched this source off. */
  disabled?: boolean;
  /** A plain sentence: why the current policy does not let this source be used. */
  blocked?: string;
}

export interface PackStoreState {
  schema: 1;
  entries: SourceEntry[];
}

export type MutationResult =
  | { ok: true; state: PackStoreState; entry?: SourceEntry }
  | { ok: false; error: string };

export interface EffectivePhrase extends PackPhrase {
  packId: string;
  packVersion: string;
  sourceId: string;
  sourceKind: SourceKind;
}

export interface FetchResponseLike {
  status: number;
  statusText?: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}
export type FetchLike = (
  url: string,
  init: {
    method: 'GET';
    headers: Record<string, string>;
    cache: 'no-cache';
    credentials: 'omit';
    redirect: 'follow';
    signal?: AbortSignal;
  },
) => Promise<FetchResponseLike>;

export const MAX_PACK_BYTES = 2 * 1024 * 1024;
const LOCKED =
  "Your organisation's policy locks phrase packs: sources cannot be added, removed or switched off here.";
const USER_PACKS_OFF = "Your organisation's policy does not allow adding phrase packs here.";

export const emptyState = (): PackStoreState => ({ schema: 1, entries: [] });

const optionalString = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Restores state saved in storage.local; anything unreadable is dropped rather than trusted. */
export function restoreState(raw: unknown): PackStoreState {
  if (!isRecord(raw) || !Array.isArray(raw.entries)) return emptyState();
  const entries: SourceEntry[] = [];
  for (const item of raw.entries) {
    if (!isRecord(item) || typeof item.sourceId !== 'string') continue;
    if (!SOURCE_PRIORITY.includes(item.kind as SourceKind)) continue;
    if (entries.some((e) => e.sourceId === item.sourceId)) continue;
    const status = item.status === 'ok' || item.status === 'error' ? item.status : 'pending';
    const entry: SourceEntry = { sourceId: item.sourceId, kind: item.kind as SourceKind, status };
    for (const key of [
      'url',
      'label',
      'lastGoodAt',
      'etag',
      'lastCheckedAt',
      'error',
      'blocked',
      'signedBy',
    ] as const) {
      const value = optionalString(item[key]);
      if (value !== undefined) entry[key] = value;
    }
    if (item.disabled === true) entry.disabled = true;
    // Re-check the stored copy: an extension update may have tightened the format.
    if (item.lastGood !== undefined && validatePack(item.lastGood).ok) {
      entry.lastGood = item.lastGood as Pack;
      if (isRecord(item.signature)) entry.signature = item.signature as unknown as PackSignature;
      if (item.signedPack !== undefined) entry.signedPack = item.signedPack;
    } else if (item.lastGood !== undefined) {
      // The stored copy no longer passes: forget it (and its ETag) and fetch afresh.
      delete entry.etag;
      entry.status = 'pending';
    }
    entries.push(entry);
  }
  return { schema: 1, entries };
}

const stillUsing = (entry: SourceEntry) =>
  entry.lastGood
    ? ` Still using version ${entry.lastGood.version}${entry.lastGoodAt ? ` from ${entry.lastGoodAt.slice(0, 10)}` : ''}.`
    : '';

type Accepted =
  | { ok: true; loaded: LoadedPack & { pack: Pack }; signedBy?: string }
  | { ok: false; error: string };

/** Validates, then checks the signature when policy asks for one. Bundled packs ship with the extension. */
async function accept(
  loaded: LoadedPack,
  kind: SourceKind,
  config: PolicyConfig,
  previous?: SourceEntry,
): Promise<Accepted> {
  if (!loaded.ok || !loaded.pack) return { ok: false, error: loaded.error ?? 'The pack is not valid.' };
  let signedBy: string | undefined;
  if (kind !== 'bundled' && signatureRequired(config)) {
    if (config.trustedKeys.length === 0)
      return {
        ok: false,
        error: 'Refused: policy locks packs but names no trusted keys, so no pack can be accepted.',
      };
    if (!loaded.signed)
      return {
        ok: false,
        error:
          "Refused: the pack is not signed, and your organisation's policy only accepts packs signed by its keys.",
      };
    const verdict = await verifyEnvelope(loaded.document, config.trustedKeys);
    if (!verdict.ok) return { ok: false, error: `Refused: ${verdict.reason}` };
    signedBy = verdict.keyId;
  }
  // An older copy must not push out a newer one from the same place (a stale cache or a replayed file).
  const before = previous?.lastGood;
  if (
    kind !== 'file' &&
    before &&
    before.id === loaded.pack.id &&
    compareVersions(loaded.pack.version, before.version) < 0
  ) {
    return {
      ok: false,
      error: `Refused: version ${loaded.pack.version} is older than version ${before.version} already in use. Publish a roll-back with a higher version number.`,
    };
  }
  return { ok: true, loaded: loaded as LoadedPack & { pack: Pack }, signedBy };
}

function withAccepted(entry: SourceEntry, accepted: Accepted & { ok: true }, now: Date): SourceEntry {
  const { loaded, signedBy } = accepted;
  const document = loaded.document as Record<string, unknown>;
  const next: SourceEntry = {
    ...entry,
    status: 'ok',
    lastGood: loaded.pack,
    lastGoodAt: now.toISOString(),
    lastCheckedAt: now.toISOString(),
    error: undefined,
    signature: loaded.signed ? (document.signature as PackSignature) : undefined,
    signedPack: loaded.signed && loaded.migratedFrom !== undefined ? document.pack : undefined,
    signedBy,
  };
  return prune(next);
}

/** Drops undefined keys so the JSON state stays small and stable. */
function prune(entry: SourceEntry): SourceEntry {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => v !== undefined),
  ) as unknown as SourceEntry;
}

function failed(entry: SourceEntry, error: string, now: Date): SourceEntry {
  return prune({
    ...entry,
    status: 'error',
    error: `${error}${stillUsing(entry)}`,
    lastCheckedAt: now.toISOString(),
  });
}

/**
 * Conditional GET of a URL source. 304 keeps the copy; 200 replaces it only when the new pack passes
 * every check; network trouble keeps the copy and says why. Never throws.
 */
export async function refreshUrl(
  entry: SourceEntry,
  fetchFn: FetchLike,
  now: Date,
  config: PolicyConfig = NO_POLICY,
  options: { timeoutMs?: number } = {},
): Promise<SourceEntry> {
  const checked = entry.url ? checkPackUrl(entry.url) : { error: 'This source has no address.' };
  if ('error' in checked) return failed(entry, checked.error, now);
  const url = checked.url;
  const host = new URL(url).host;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Without a copy to keep, a 304 would leave us with nothing: ask unconditionally.
  if (entry.etag && entry.lastGood) headers['If-None-Match'] = entry.etag;
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000) : undefined;
  let response: FetchResponseLike;
  let body = '';
  try {
    response = await fetchFn(url, {
      method: 'GET',
      headers,
      cache: 'no-cache',
      credentials: 'omit',
      redirect: 'follow',
      signal: controller?.signal,
    });
    if (response.status === 200) {
      const length = Number(response.headers.get('content-length'));
      if (length > MAX_PACK_BYTES)
        return failed(
          entry,
          `The pack at ${url} is too large (${length} bytes; at most ${MAX_PACK_BYTES}).`,
          now,
        );
      body = await response.text();
    }
  } catch {
    const timedOut = controller?.signal.aborted;
    return failed(
      entry,
      timedOut
        ? `${host} did not answer in time.`
        : `Could not reach ${host}: the computer may be offline, or the host does not let Calmdesk read the pack (it must send Access-Control-Allow-Origin).`,
      now,
    );
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }

  if (response.status === 304 && entry.lastGood) {
    return prune({ ...entry, status: 'ok', error: undefined, lastCheckedAt: now.toISOString() });
  }
  if (response.status !== 200) {
    const text = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return failed(entry, `The pack host answered ${text} for ${url}.`, now);
  }
  if (body.length > MAX_PACK_BYTES)
    return failed(entry, `The pack at ${url} is too large (at most ${MAX_PACK_BYTES} bytes).`, now);
  const loaded = loadPackText(body);
  const accepted = await accept(loaded, entry.kind, config, entry);
  if (!accepted.ok) return failed(entry, `The pack at ${url} was not used. ${accepted.error}`, now);
  const next = withAccepted(entry, accepted, now);
  const etag = response.headers.get('etag');
  // The new copy passed the current policy's checks, so only a user-packs ban can still stop it.
  const blocked = entry.kind === 'url' && !userPacksAllowed(config) ? entry.blocked : undefined;
  return prune({ ...next, etag: etag ?? undefined, blocked });
}

/** Refreshes every URL source that may be used, then re-applies the policy. Never throws. */
export async function refreshAll(
  state: PackStoreState,
  config: PolicyConfig,
  fetchFn: FetchLike,
  now: Date,
): Promise<PackStoreState> {
  const due = new Set(urlEntries(state, config).map((e) => e.sourceId));
  const entries = await Promise.all(
    state.entries.map((e) => (due.has(e.sourceId) ? refreshUrl(e, fetchFn, now, config) : e)),
  );
  return applyPolicy({ schema: 1, entries }, config, now);
}

/** Why the policy stops an entry now, or undefined. Signature re-checks are async (WebCrypto). */
async function blockReason(entry: SourceEntry, config: PolicyConfig): Promise<string | undefined> {
  if ((entry.kind === 'url' || entry.kind === 'file') && !userPacksAllowed(config)) {
    return config.lockPacks
      ? "Not used: your organisation's policy locks phrase packs."
      : "Not used: your organisation's policy does not allow packs added here.";
  }
  if (entry.kind === 'bundled' || !entry.lastGood || !signatureRequired(config)) return undefined;
  if (config.trustedKeys.length === 0) return 'Not used: policy locks packs but names no trusted keys.';
  if (!entry.signature)
    return "Not used: the pack is not signed, and your organisation's policy only accepts signed packs.";
  const verdict = await verifyEnvelope(
    { pack: entry.signedPack ?? entry.lastGood, signature: entry.signature },
    config.trustedKeys,
  );
  return verdict.ok ? undefined : `Not used: ${verdict.reason}`;
}

const policyInlineId = (index: number) => `policy:inline:${index}`;
const policyUrlId = (url: string) => `policy:url:${url}`;

/**
 * Brings the policy sources in line with the config (inline packs checked now, URLs left pending for
 * refreshUrl) and re-checks every other source against the policy's rules and keys.
 */
export async function applyPolicy(
  state: PackStoreState,
  config: PolicyConfig,
  now: Date,
): Promise<PackStoreState> {
  const byId = new Map(state.entries.map((e) => [e.sourceId, e]));
  const policyEntries: SourceEntry[] = [];
  for (const [index, document] of config.inlinePacks.entries()) {
    const previous = byId.get(policyInlineId(index)) ?? {
      sourceId: policyInlineId(index),
      kind: 'policy' as const,
      label: `policy pack ${index + 1}`,
      status: 'pending' as const,
    };
    const accepted = await accept(loadPackValue(document), 'policy', config, previous);
    policyEntries.push(
      accepted.ok
        ? withAccepted(previous, accepted, now)
        : failed(previous, `Policy pack ${index + 1} was not used. ${accepted.error}`, now),
    );
  }
  for (const url of config.packUrls) {
    policyEntries.push(
      byId.get(policyUrlId(url)) ?? { sourceId: policyUrlId(url), kind: 'policy', url, status: 'pending' },
    );
  }
  const others = state.entries.filter((e) => e.kind !== 'policy');
  const entries: SourceEntry[] = [];
  for (const entry of [...policyEntries, ...others]) {
    entries.push(prune({ ...entry, blocked: await blockReason(entry, config) }));
  }
  return { schema: 1, entries };
}

/** Replaces the bundled sources with the packs shipped in the extension. */
export async function setBundled(
  state: PackStoreState,
  packs: readonly { sourceId: string; document: unknown }[],
  now: Date,
): Promise<PackStoreState> {
  const bundled: SourceEntry[] = [];
  for (const { sourceId, document } of packs) {
    const previous = state.entries.find((e) => e.sourceId === sourceId && e.kind === 'bundled');
    const base: SourceEntry = { ...(previous ?? {}), sourceId, kind: 'bundled', status: 'pending' };
    const loaded = loadPackValue(document);
    // Bundled packs are tested at build time, so a failure is a bug: show it, keep nothing stale.
    bundled.push(
      loaded.ok && loaded.pack
        ? prune({
            sourceId,
            kind: 'bundled',
            status: 'ok',
            lastGood: loaded.pack,
            lastGoodAt: now.toISOString(),
            disabled: previous?.disabled,
          })
        : prune({
            ...base,
            status: 'error',
            lastGood: undefined,
            error: loaded.error ?? 'The built-in pack is not valid.',
          }),
    );
  }
  return { schema: 1, entries: [...state.entries.filter((e) => e.kind !== 'bundled'), ...bundled] };
}

/** The agent adds a team URL. The entry starts pending: call refreshUrl next. */
export function addUrl(state: PackStoreState, config: PolicyConfig, url: string): MutationResult {
  if (config.lockPacks) return { ok: false, error: LOCKED };
  if (!userPacksAllowed(config)) return { ok: false, error: USER_PACKS_OFF };
  const checked = checkPackUrl(url);
  if ('error' in checked) return { ok: false, error: checked.error };
  const sourceId = `url:${checked.url}`;
  if (state.entries.some((e) => e.url === checked.url))
    return { ok: false, error: 'This address is already in your list of packs.' };
  const entry: SourceEntry = { sourceId, kind: 'url', url: checked.url, status: 'pending' };
  return { ok: true, state: { schema: 1, entries: [...state.entries, entry] }, entry };
}

/** The agent imports a pack file (its text). A file that fails any check is not added. */
export async function importFile(
  state: PackStoreState,
  config: PolicyConfig,
  text: string,
  fileName: string,
  now: Date,
): Promise<MutationResult> {
  if (config.lockPacks) return { ok: false, error: LOCKED };
  if (!userPacksAllowed(config)) return { ok: false, error: USER_PACKS_OFF };
  if (text.length > MAX_PACK_BYTES)
    return { ok: false, error: `${fileName} is too large for a phrase pack (at most 2 MB).` };
  const loaded = loadPackText(text);
  const accepted = await accept(loaded, 'file', config);
  if (!accepted.ok) return { ok: false, error: `${fileName} was not imported. ${accepted.error}` };
  // Importing a new version of the same pack replaces the earlier import.
  const sourceId = `file:${accepted.loaded.pack.id}`;
  const previous = state.entries.find((e) => e.sourceId === sourceId);
  const entry = withAccepted(
    previous ?? { sourceId, kind: 'file', label: fileName, status: 'pending' },
    accepted,
    now,
  );
  entry.label = fileName;
  const entries = previous
    ? state.entries.map((e) => (e.sourceId === sourceId ? entry : e))
    : [...state.entries, entry];
  return { ok: true, state: { schema: 1, entries }, entry };
}

export function removeSource(state: PackStoreState, config: PolicyConfig, sourceId: string): MutationResult {
  if (config.lockPacks) return { ok: false, error: LOCKED };
  const entry = state.entries.find((e) => e.sourceId === sourceId);
  if (!entry) return { ok: false, error: 'This pack source is no longer in the list.' };
  if (entry.kind === 'policy')
    return { ok: false, error: "Packs set by your organisation's policy cannot be removed here." };
  if (entry.kind === 'bundled')
    return { ok: false, error: 'The built-in packs cannot be removed; switch them off instead.' };
  return { ok: true, state: { schema: 1, entries: state.entries.filter((e) => e.sourceId !== sourceId) } };
}

export function setSourceDisabled(
  state: PackStoreState,
  config: PolicyConfig,
  sourceId: string,
  disabled: boolean,
): MutationResult {
  if (config.lockPacks) return { ok: false, error: LOCKED };
  const entry = state.entries.find((e) => e.sourceId === sourceId);
  if (!entry) return { ok: false, error: 'This pack source is no longer in the list.' };
  if (entry.kind === 'policy')
    return { ok: false, error: "Packs set by your organisation's policy cannot be switched off here." };
  const next = prune({ ...entry, disabled: disabled || undefined });
  return {
    ok: true,
    state: { schema: 1, entries: state.entries.map((e) => (e.sourceId === sourceId ? next : e)) },
    entry: next,
  };
}

/** Sources in use: a good copy, not switched off, not stopped by policy; highest priority first. */
export function activeEntries(state: PackStoreState): (SourceEntry & { lastGood: Pack })[] {
  return SOURCE_PRIORITY.flatMap((kind) =>
    state.entries.filter(
      (e): e is SourceEntry & { lastGood: Pack } =>
        e.kind === kind && !!e.lastGood && !e.disabled && !e.blocked,
    ),
  );
}

/** URL sources the background should refresh (policy URLs and allowed agent URLs). */
export function urlEntries(state: PackStoreState, config: PolicyConfig): SourceEntry[] {
  return state.entries.filter(
    (e) => e.url && !e.disabled && (e.kind === 'policy' || userPacksAllowed(config)),
  );
}

/** Every phrase in use, each id once: the copy from the highest-priority source wins. */
export function effectivePhrases(state: PackStoreState, lang?: string): EffectivePhrase[] {
  const seen = new Set<string>();
  const out: EffectivePhrase[] = [];
  for (const entry of activeEntries(state)) {
    for (const phrase of entry.lastGood.phrases) {
      if (seen.has(phrase.id)) continue;
      seen.add(phrase.id);
      if (lang && phrase.lang !== lang) continue;
      out.push({
        ...phrase,
        packId: entry.lastGood.id,
        packVersion: entry.lastGood.version,
        sourceId: entry.sourceId,
        sourceKind: entry.kind,
      });
    }
  }
  return out;
}

/** Greeting/sign-off frames in use: per language and register, the highest-priority source wins. */
export function effectiveFrames(state: PackStoreState, lang?: string): (PackFrame & { packId: string })[] {
  const seen = new Set<string>();
  const out: (PackFrame & { packId: string })[] = [];
  for (const entry of activeEntries(state)) {
    for (const frame of entry.lastGood.frames ?? []) {
      const key = `${frame.lang}/${frame.register ?? ''}`;
      if (seen.has(key) || (lang && frame.lang !== lang)) continue;
      seen.add(key);
      out.push({ ...frame, packId: entry.lastGood.id });
    }
  }
  return out;
}
