// Agent settings kept in storage.local. Ticket text is never stored here: only choices and phrase ids.
import { browser } from 'wxt/browser';
import type { Lang } from '../core/taxonomy';

export type UiLanguage = 'auto' | Lang;
export type ReplyLanguageRule = 'customer' | 'fixed';

export interface Settings {
  /** `auto` follows the browser (no/nn → nb, else en). */
  uiLanguage: UiLanguage;
  /** `customer`: answer in the customer's language; `fixed`: always `fixedReplyLanguage`. */
  replyLanguageRule: ReplyLanguageRule;
  fixedReplyLanguage: Lang;
  /** The agent's full name for {{agent.name}} when the helpdesk page does not show it. */
  agentName: string;
  team: { name: string; phone: string; hours: string };
  favourites: string[];
  /** Most recent first, phrase ids only. */
  recent: string[];
  customDomains: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'auto',
  replyLanguageRule: 'customer',
  fixedReplyLanguage: 'en',
  agentName: '',
  team: { name: '', phone: '', hours: '' },
  favourites: [],
  recent: [],
  customDomains: [],
};

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored, team: { ...DEFAULT_SETTINGS.team, ...stored?.team } };
}

/** Merges a change into the stored settings. Throws a plain sentence when storage is full. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...change };
  try {
    await browser.storage.local.set({ [KEY]: next });
  } catch (error) {
    throw new Error(
      `Calmdesk could not save your settings: ${String(error)}. Free some space and try again.`,
    );
  }
  return next;
}

export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) {
      void loadSettings().then(listener);
    }
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
