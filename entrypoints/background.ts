import { browser } from 'wxt/browser';
import { syncCustomDomains } from '../src/background/custom-domains';
import {
  addPackUrl,
  importPack,
  lastPolicyDomains,
  REFRESH_ALARM,
  REFRESH_MINUTES,
  readPolicy,
  refreshPacks,
  removePack,
  setPackDisabled,
} from '../src/background/packs';
import { forgetTab, saveSnapshot } from '../src/background/snapshot-store';
import { parseMessage } from '../src/core/messages';
import type { TicketSnapshot } from '../src/core/snapshot';
import { loadSettings } from '../src/platform/settings';
import { readSnapshot } from '../src/platform/snapshots';

// MV3 service worker: nothing important lives in memory; every listener is registered synchronously.
export default defineBackground(() => {
  const sidePanel = (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
  const sidebarAction = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  if (!sidePanel) {
    // Firefox: the toolbar button opens the sidebar (Chrome opens the side panel by itself, above).
    const action = (browser.action ?? browser.browserAction) as typeof browser.action | undefined;
    action?.onClicked.addListener((tab) => void openPanel(tab));
  }

  /** Opens the panel for a tab; must run inside a user gesture (click, command, context menu). */
  function openPanel(tab?: { id?: number; windowId?: number }) {
    if (sidePanel && tab?.windowId !== undefined) {
      return sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    }
    if (sidebarAction) return sidebarAction.open().catch(() => undefined);
    const url = `${browser.runtime.getURL('/sidepanel.html')}${tab?.id !== undefined ? `?tab=${tab.id}` : ''}`;
    return browser.windows.create({ url, type: 'popup', width: 420, height: 760 });
  }

  browser.runtime.onMessage.addListener((raw, sender) => {
    const message = parseMessage(raw);
    if (!message) return undefined;
    switch (message.type) {
      case 'cs/snapshot': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.frameId !== 0) return undefined;
        return saveSnapshot(tabId, message.snapshot).then(
          () => ({ ok: true }),
          (error: Error) => ({ ok: false, error: error.message }),
        );
      }
      case 'cs/openPanel':
        return Promise.resolve(openPanel(sender.tab)).then(() => ({ ok: true }));
      case 'ui/getSnapshot':
        return readSnapshot(message.tabId).then((stored) => stored ?? null);
      case 'ui/refreshPacks':
        return refreshPacks().then(
          () => ({ ok: true }),
          (error: Error) => ({ ok: false, error: error.message }),
        );
      case 'ui/addPackUrl':
        return addPackUrl(message.url);
      case 'ui/importPack':
        return importPack(message.name, message.text);
      case 'ui/removePack':
        return removePack(message.sourceId);
      case 'ui/setPackDisabled':
        return setPackDisabled(message.sourceId, message.disabled);
      default:
        return undefined;
    }
  });

  // One sync at a time (two overlapping ones would register the same script id twice). storage.managed can
  // take seconds to answer after start-up, so sync at once with the policy domains as last read, and again
  // when it answers: a domain the agent just added works right away.
  let domainSync: Promise<unknown> = Promise.resolve();
  const syncWith = (policyDomains: string[]) => {
    domainSync = domainSync
      .then(() => loadSettings())
      .then((settings) => syncCustomDomains([...settings.customDomains, ...policyDomains]))
      .catch(() => undefined);
  };
  const resyncDomains = () => {
    void lastPolicyDomains()
      .then(syncWith)
      .catch(() => undefined);
    void readPolicy()
      .then((policy) => syncWith(policy.config.helpdeskDomains))
      .catch(() => undefined);
  };
  browser.permissions.onAdded.addListener(resyncDomains);
  browser.permissions.onRemoved.addListener(resyncDomains);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) resyncDomains();
    // Policy values arrive seconds after start (Chrome), and whenever an admin changes them.
    if (area === 'managed') {
      void refreshPacks().catch(() => undefined);
      resyncDomains();
    }
  });
  browser.runtime.onStartup.addListener(() => {
    resyncDomains();
    void refreshPacks().catch(() => undefined);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshPacks().catch(() => undefined);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') void openPanel(tab);
    if (command === 'insert-top') {
      browser.runtime.sendMessage({ type: 'bg/insertTop', tabId: tab?.id }).catch(() => undefined);
    }
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: 'calmdesk-analyse-selection',
        title: browser.i18n.getMessage('contextAnalyse' as 'extName') || 'Analyse with Calmdesk',
        contexts: ['selection'],
      }),
    );
    void injectIntoOpenHelpdeskTabs();
    void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
    void refreshPacks().catch(() => undefined);
    resyncDomains();
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== 'calmdesk-analyse-selection' || tab?.id === undefined) return;
    void openPanel(tab);
    const snapshot: TicketSnapshot = {
      helpdesk: 'selection',
      url: tab.url ?? '',
      channel: 'unknown',
      composerMode: 'unknown',
      messages: [{ role: 'customer', text: (info.selectionText ?? '').slice(0, 50_000) }],
      readAt: new Date().toISOString(),
    };
    void saveSnapshot(tab.id, snapshot);
  });
});

/** After install or update, already-open helpdesk tabs get the content script without a reload. */
async function injectIntoOpenHelpdeskTabs() {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  for (const script of scripts) {
    if (!script.js?.length || (script as { world?: string }).world === 'MAIN') continue;
    const tabs = await browser.tabs.query({ url: script.matches });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: script.js as never[] })
        .catch(() => undefined); // a tab that is discarded or on an error page: it gets the script on reload
    }
  }
}

interface ChromeSidePanel {
  setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void>;
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}
