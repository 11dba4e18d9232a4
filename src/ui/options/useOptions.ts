// The options page's state: settings as stored, plus a short saved/failed note. Every change is saved at once.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { UiToBg } from '../../core/messages';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  type Settings,
  saveSettings,
} from '../../platform/settings';
import { browserLanguages, resolveUiLang } from '../i18n';
import { useUiLang } from '../useT';

export interface OptionsModel {
  settings: Settings;
  loaded: boolean;
  note: { text: string; error: boolean; seq: number } | undefined;
  save(change: Partial<Settings>): Promise<boolean>;
  setNote(text: string, error?: boolean): void;
}

export function useOptions(savedText: () => string, failedText: (message: string) => string): OptionsModel {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [note, setNoteState] = useState<OptionsModel['note']>(undefined);

  useEffect(() => {
    const apply = (next: Settings) => {
      setSettings(next);
      useUiLang.getState().setLang(resolveUiLang(next.uiLanguage, browserLanguages()));
    };
    void loadSettings()
      .then(apply)
      .finally(() => setLoaded(true));
    return onSettingsChanged(apply);
  }, []);

  const setNote = (text: string, error = false) => setNoteState({ text, error, seq: (note?.seq ?? 0) + 1 });

  return {
    settings,
    loaded,
    note,
    setNote,
    async save(change) {
      setSettings({ ...settings, ...change });
      try {
        const next = await saveSettings(change);
        setSettings(next);
        if (change.uiLanguage)
          useUiLang.getState().setLang(resolveUiLang(next.uiLanguage, browserLanguages()));
        setNote(savedText());
        return true;
      } catch (error) {
        setNote(failedText(error instanceof Error ? error.message : String(error)), true);
        return false;
      }
    },
  };
}

/** Policy values the options page shows (managed storage rejects without policy in Firefox). */
export async function readPolicy(): Promise<{ lockPacks: boolean; helpdeskDomains: string[] }> {
  try {
    const managed = await browser.storage.managed.get(['lockPacks', 'helpdeskDomains']);
    const domains = Array.isArray(managed.helpdeskDomains)
      ? managed.helpdeskDomains.filter((d) => typeof d === 'string')
      : [];
    return { lockPacks: managed.lockPacks === true, helpdeskDomains: domains as string[] };
  } catch {
    return { lockPacks: false, helpdeskDomains: [] };
  }
}

/** Asks the background (pack sources live there); a failure comes back as a plain { ok: false, error }. */
export async function askBackground(
  message: UiToBg,
): Promise<{ ok?: boolean; error?: string; name?: string } | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as { ok?: boolean; error?: string } | undefined;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
