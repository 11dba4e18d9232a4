// Phrase packs in the background: bundled defaults, imported files, team URLs and enterprise policy,
// merged by src/core/packs/store.ts. State lives in storage.local ('packStore'); the policy as read, with
// its warnings, in storage.local ('policyState') for the options page. Nothing here holds ticket text.
import { browser } from 'wxt/browser';
import {
  addUrl,
  emptyState,
  type FetchLike,
  importFile,
  NO_POLICY,
  type PackStoreState,
  type PolicyConfig,
  parsePolicy,
  refreshAll,
  removeSource,
  restoreState,
  setBundled,
  setSourceDisabled,
} from '../core/packs/store';
import en from '../data/packs/builtin-en.json';
import fi from '../data/packs/builtin-fi.json';
import nb from '../data/packs/builtin-nb.json';
import sv from '../data/packs/builtin-sv.json';

export const PACK_STORE_KEY = 'packStore';
export const POLICY_STATE_KEY = 'policyState';
export const REFRESH_ALARM = 'calmdesk-refresh-packs';
export const REFRESH_MINUTES = 60;

const BUNDLED = [
  { sourceId: 'bundled:nb', document: nb },
  { sourceId: 'bundled:sv', document: sv },
  { sourceId: 'bundled:fi', document: fi },
  { sourceId: 'bundled:en', document: en },
];

export interface PolicyState {
  config: Omit<PolicyConfig, 'inlinePacks'> & { inlinePackCount: number };
  warnings: string[];
  readAt: string;
}

/** The worker may be stopped at any await: every step reads state from storage and writes it back. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

async function loadState(): Promise<PackStoreState> {
  const raw = (await browser.storage.local.get(PACK_STORE_KEY))[PACK_STORE_KEY];
  return raw ? restoreState(raw) : emptyState();
}

async function saveState(state: PackStoreState): Promise<void> {
  try {
    await browser.storage.local.set({ [PACK_STORE_KEY]: state });
  } catch (error) {
    throw new Error(
      `Calmdesk could not save the phrase packs (${String(error)}). The last saved packs stay in use.`,
    );
  }
}

/** Chrome: managed storage (arrives seconds after start). Firefox: policies.json, or a rejection. */
export async function readPolicy(): Promise<{ config: PolicyConfig; warnings: string[] }> {
  let raw: Record<string, unknown> = {};
  try {
    raw = await browser.storage.managed.get(null);
  } catch {
    return { config: NO_POLICY, warnings: [] };
  }
  return parsePolicy(raw);
}

/**
 * An If-None-Match set by script is not a CORS-safelisted header: it would make every refresh a preflighted
 * request that static hosts (GitHub Pages, S3, nginx) refuse. `cache: 'no-cache'` has the browser's HTTP cache
 * send the same conditional request itself, so the header is left to it (design.md 4, "Packs over the network").
 */
const fetchPack: FetchLike = (url, init) => {
  const { 'If-None-Match': _conditional, ...headers } = init.headers;
  return fetch(url, {
    ...init,
    headers,
    cache: 'no-cache',
    credentials: 'omit',
    redirect: 'follow',
  }) as ReturnType<FetchLike>;
};

/** The custom domains of the policy as last read, without waiting for storage.managed. */
export async function lastPolicyDomains(): Promise<string[]> {
  const stored = (await browser.storage.local.get(POLICY_STATE_KEY))[POLICY_STATE_KEY] as
    | PolicyState
    | undefined;
  return stored?.config?.helpdeskDomains ?? [];
}

async function withPolicy(): Promise<PolicyConfig> {
  const { config, warnings } = await readPolicy();
  const { inlinePacks, ...rest } = config;
  const policyState: PolicyState = {
    config: { ...rest, inlinePackCount: inlinePacks.length },
    warnings,
    readAt: new Date().toISOString(),
  };
  await browser.storage.local.set({ [POLICY_STATE_KEY]: policyState }).catch(() => undefined);
  return config;
}

/** Start-up, policy change, alarm or "refresh now": bundled + policy + every URL, then save. */
export function refreshPacks(): Promise<PackStoreState> {
  return serialised(async () => {
    const config = await withPolicy();
    const now = new Date();
    let state = await setBundled(await loadState(), BUNDLED, now);
    state = await refreshAll(state, config, fetchPack, now);
    await saveState(state);
    return state;
  });
}

export type PackAnswer = { ok: true } | { ok: false; error: string };

export function addPackUrl(url: string): Promise<PackAnswer> {
  return serialised(async () => {
    const config = await withPolicy();
    const result = addUrl(await loadState(), config, url);
    if (!result.ok) return result;
    const state = await refreshAll(result.state, config, fetchPack, new Date());
    await saveState(state);
    const entry = state.entries.find((e) => e.url === url);
    return entry?.status === 'error' && !entry.lastGood
      ? { ok: false, error: entry.error ?? 'The pack could not be loaded.' }
      : { ok: true };
  });
}

export function importPack(name: string, text: string): Promise<PackAnswer> {
  return serialised(async () => {
    const config = await withPolicy();
    const result = await importFile(await loadState(), config, text, name, new Date());
    if (!result.ok) return result;
    await saveState(result.state);
    return { ok: true };
  });
}

export function removePack(sourceId: string): Promise<PackAnswer> {
  return serialised(async () => {
    const config = await withPolicy();
    const result = removeSource(await loadState(), config, sourceId);
    if (!result.ok) return result;
    await saveState(result.state);
    return { ok: true };
  });
}

export function setPackDisabled(sourceId: string, disabled: boolean): Promise<PackAnswer> {
  return serialised(async () => {
    const config = await withPolicy();
    const result = setSourceDisabled(await loadState(), config, sourceId, disabled);
    if (!result.ok) return result;
    await saveState(result.state);
    return { ok: true };
  });
}
