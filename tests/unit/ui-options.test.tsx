// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { normaliseDomain } from '../../src/background/custom-domains';
import { loadSettings } from '../../src/platform/settings';
import { OptionsApp } from '../../src/ui/options/OptionsApp';
import { useUiLang } from '../../src/ui/useT';
import { flush } from './ui-fixtures';

let root: HTMLElement;
const $ = (selector: string) => root.querySelector<HTMLElement>(selector);

async function mount() {
  await act(async () => {
    render(<OptionsApp />, root);
    await flush();
  });
  await act(flush);
}

beforeEach(() => {
  fakeBrowser.reset();
  useUiLang.getState().setLang('en');
  vi.spyOn(browser.permissions, 'contains').mockResolvedValue(false as never);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('accepts bare host names only', () => {
    expect(normaliseDomain(' Support.Example.com ')).toBe('support.example.com');
    expect(normaliseDomain('https://support.example.com/agent')).toBe('support.example.com');
    expect(normaliseDomain('localhost')).toBeUndefined();
    expect(normaliseDomain('not a host')).toBeUndefined();
  });

  it('requests the host permission first, in the click, then stores the domain', async () => {
    const order: string[] = [];
    const granted = new Set<string>();
    vi.spyOn(browser.permissions, 'request').mockImplementation(async (p) => {
      order.push('request');
      for (const origin of p.origins ?? []) granted.add(origin);
      return true;
    });
    vi.spyOn(browser.permissions, 'contains').mockImplementation(async (p) =>
      (p.origins ?? []).every((origin) => granted.has(origin)),
    );
    await mount();
    const input = $('[data-testid="domain-input"]') as HTMLInputElement;
    await act(async () => {
      input.value = 'support.example.com';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await flush();
    });
    act(() => {
      $('[data-testid="domain-add"]')?.click();
      // Synchronously inside the click: nothing awaited before the permission request.
      order.push('after-click');
    });
    expect(order).toEqual(['request', 'after-click']);
    expect(browser.permissions.request).toHaveBeenCalledWith({ origins: ['https://support.example.com/*'] });
    await act(flush);
    await act(flush);
    expect((await loadSettings()).customDomains).toEqual(['support.example.com']);
    expect($('[data-testid="domain"]')?.dataset.host).toBe('support.example.com');
    expect($('[data-testid="domain"]')?.dataset.granted).toBe('true');
  });

  it('does not store a domain the browser refused', async () => {
    vi.spyOn(browser.permissions, 'request').mockResolvedValue(false as never);
    await mount();
    const input = $('[data-testid="domain-input"]') as HTMLInputElement;
    await act(async () => {
      input.value = 'support.example.com';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await flush();
    });
    await act(async () => {
      $('[data-testid="domain-add"]')?.click();
      await flush();
    });
    expect((await loadSettings()).customDomains).toEqual([]);
    expect($('[data-testid="options-note"]')?.textContent).toContain("didn't grant access");
  });

  it('locks pack changes with an explanation when policy sets lockPacks', async () => {
    await fakeBrowser.storage.managed.set({ lockPacks: true });
    await mount();
    expect($('[data-testid="packs-locked"]')?.textContent).toContain('manages the phrase packs');
    for (const id of ['pack-import', 'pack-url', 'pack-url-add']) {
      expect(($(`[data-testid="${id}"]`) as HTMLInputElement).disabled, id).toBe(true);
    }
    // Fetching the approved packs again changes nothing an agent controls, so it stays available.
    expect(($('[data-testid="pack-refresh"]') as HTMLButtonElement).disabled).toBe(false);
    expect(root.querySelectorAll('[data-testid="pack-source"]').length).toBeGreaterThanOrEqual(4);
  });

  it('saves the UI language override and switches the page language at once', async () => {
    await mount();
    const select = $('[data-testid="ui-language"]') as HTMLSelectElement;
    await act(async () => {
      select.value = 'sv';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await flush();
    });
    await act(flush);
    expect((await loadSettings()).uiLanguage).toBe('sv');
    expect($('h1')?.textContent).toBe('Inställningar för Calmdesk');
  });

  it('states what is read and that nothing leaves the browser', async () => {
    await mount();
    const privacy = $('[data-testid="privacy"]')?.textContent ?? '';
    expect(privacy).toContain('the conversation of the ticket that is open in your helpdesk tab');
    expect(privacy).toContain('No ticket text leaves it');
    expect(privacy).toContain('The only network requests are the phrase-pack addresses');
  });
});
