// The panel's side effects behind one small interface, so the store can be tested without a browser.
import { browser } from 'wxt/browser';
import type { InsertResult, UiToCs } from '../core/messages';
import { type Settings, saveSettings } from '../platform/settings';
import type { Corrections } from './derive';

export interface PanelPorts {
  sendInsert(tabId: number, message: Extract<UiToCs, { type: 'ui/insert' }>): Promise<InsertResult>;
  copyText(text: string): Promise<void>;
  saveSettings(change: Partial<Settings>): Promise<unknown>;
  saveCorrection(tabId: number, ticketKey: string, corrections: Corrections | undefined): Promise<void>;
  loadCorrection(tabId: number, ticketKey: string): Promise<Corrections | undefined>;
}

export const correctionKey = (tabId: number, ticketKey: string) => `correction:${tabId}:${ticketKey}`;

/** The clipboard API needs focus in the panel document; the textarea path covers a lost focus. */
export async function copyToClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('copy failed');
  }
}

export const browserPorts: PanelPorts = {
  async sendInsert(tabId, message) {
    const answer = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as
      | InsertResult
      | undefined;
    return answer ?? { ok: false };
  },
  copyText: copyToClipboard,
  saveSettings,
  async saveCorrection(tabId, ticketKey, corrections) {
    const key = correctionKey(tabId, ticketKey);
    if (!corrections) await browser.storage.session.remove(key);
    else await browser.storage.session.set({ [key]: corrections });
  },
  async loadCorrection(tabId, ticketKey) {
    const key = correctionKey(tabId, ticketKey);
    const stored = (await browser.storage.session.get(key))[key] as Corrections | undefined;
    return stored ? { type: stored.type, dismissedCues: stored.dismissedCues ?? [] } : undefined;
  },
};
