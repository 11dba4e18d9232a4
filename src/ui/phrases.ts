// Where the panel's phrases come from, in ONE place: the background's pack store state (storage.local
// 'packStore', read with src/core/packs/store.ts), else the bundled packs src/data/packs/builtin-*.json.
import { browser } from 'wxt/browser';
import { effectiveFrames, effectivePhrases, restoreState, type SourceEntry } from '../core/packs/store';
import type { Frame, Phrase } from '../core/suggestion';

export type PanelPhrase = Phrase & { packId?: string };

export interface SourceStatus {
  sourceId: string;
  kind: 'policy' | 'url' | 'file' | 'bundled';
  url?: string;
  name?: string;
  status: 'ok' | 'error' | 'pending';
  lastGoodAt?: string | number;
  lastCheckedAt?: string | number;
  error?: string;
  phraseCount?: number;
  /** The agent switched this source off. */
  disabled?: boolean;
}

export interface PhraseSource {
  phrases: PanelPhrase[];
  frames: Frame[];
  sources: SourceStatus[];
  /** Policy `lockPacks`: agents cannot add or change packs. */
  locked: boolean;
  /** Changes whenever the phrases change, for memoisation. */
  version: string;
}

interface BundledPack {
  id?: string;
  name?: string;
  version?: string;
  phrases?: Phrase[];
  frames?: Frame[];
}

// import.meta.glob instead of four static imports: the build keeps working while a pack file is missing.
const bundledModules = import.meta.glob<BundledPack>('../data/packs/builtin-*.json', {
  eager: true,
  import: 'default',
});

export const PACK_STORE_KEY = 'packStore';

export function bundledSource(): PhraseSource {
  const phrases: PanelPhrase[] = [];
  const frames: Frame[] = [];
  const sources: SourceStatus[] = [];
  for (const [path, pack] of Object.entries(bundledModules).sort(([a], [b]) => a.localeCompare(b))) {
    const packId = pack.id ?? path.replace(/^.*\/|\.json$/g, '');
    for (const phrase of pack.phrases ?? []) phrases.push({ ...phrase, packId });
    frames.push(...(pack.frames ?? []));
    sources.push({
      sourceId: packId,
      kind: 'bundled',
      name: pack.name ?? packId,
      status: 'ok',
      phraseCount: pack.phrases?.length ?? 0,
    });
  }
  return { phrases, frames, sources, locked: false, version: `bundled:${phrases.length}` };
}

/** The options page's view of one source: status, dates, name and phrase count, never the phrases. */
export function sourceStatus(entry: SourceEntry): SourceStatus {
  return {
    sourceId: entry.sourceId,
    kind: entry.kind,
    ...(entry.url ? { url: entry.url } : {}),
    name: entry.lastGood?.name ?? entry.label ?? entry.url ?? entry.sourceId,
    status: entry.status,
    ...(entry.lastGoodAt ? { lastGoodAt: entry.lastGoodAt } : {}),
    ...(entry.lastCheckedAt ? { lastCheckedAt: entry.lastCheckedAt } : {}),
    ...(entry.error || entry.blocked ? { error: entry.error ?? entry.blocked } : {}),
    ...(entry.lastGood ? { phraseCount: entry.lastGood.phrases.length } : {}),
    ...(entry.disabled ? { disabled: true } : {}),
  };
}

async function readLocked(): Promise<boolean> {
  try {
    const managed = await browser.storage.managed.get('lockPacks');
    return managed.lockPacks === true;
  } catch {
    return false; // No policy (Firefox without policies.json rejects).
  }
}

let versionCounter = 0;

/** Phrases from a stored pack store state, or undefined when it has none in use. */
export function sourceFromStore(raw: unknown, locked: boolean): PhraseSource | undefined {
  if (!raw) return undefined;
  const state = restoreState(raw);
  const phrases = effectivePhrases(state);
  if (phrases.length === 0) return undefined;
  versionCounter += 1;
  return {
    phrases,
    frames: effectiveFrames(state),
    sources: state.entries.map(sourceStatus),
    locked,
    version: `store:${versionCounter}`,
  };
}

/** Reads the current phrases, frames and source statuses. Never throws: falls back to the bundled packs. */
export async function loadPhraseSource(): Promise<PhraseSource> {
  const [stored, locked] = await Promise.all([
    browser.storage.local
      .get(PACK_STORE_KEY)
      .then((all) => all[PACK_STORE_KEY])
      .catch(() => undefined),
    readLocked(),
  ]);
  try {
    const fromStore = sourceFromStore(stored, locked);
    if (fromStore) return fromStore;
  } catch {
    // A store that can't be read must not blank the panel: keep the bundled phrases.
  }
  return { ...bundledSource(), locked };
}

/** Calls `listener` with fresh phrases when the pack store or the policy changes. */
export function onPhraseSourceChanged(listener: (source: PhraseSource) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && PACK_STORE_KEY in changes) || (area === 'managed' && 'lockPacks' in changes)) {
      void loadPhraseSource().then(listener);
    }
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
