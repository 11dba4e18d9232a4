// Helpdesks on a team's own domain (Freshdesk CNAME, a host-mapped Zendesk help centre): the agent adds
// the domain in options, grants the optional host permission there, and we register the same content
// scripts for it at runtime (design.md section 4, "Custom domains").
import { browser } from 'wxt/browser';

const PREFIX = 'calmdesk-custom-';

export const originFor = (host: string) => `https://${host}/*`;

/** A hostname an agent may add: letters, digits, dots and dashes, at least one dot, no scheme or path. */
export function normaliseDomain(input: string): string | undefined {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '');
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : undefined;
}

interface ManifestScript {
  js?: string[];
  matches?: string[];
  run_at?: string;
  world?: 'MAIN' | 'ISOLATED';
}

/** Registers our content scripts on every granted custom domain and unregisters the rest. */
export async function syncCustomDomains(
  domains: string[],
): Promise<{ registered: string[]; missingPermission: string[] }> {
  const scripts = (browser.runtime.getManifest().content_scripts ?? []) as ManifestScript[];
  const registered: string[] = [];
  const missingPermission: string[] = [];
  const wanted = new Set<string>();
  for (const domain of new Set(domains.map(normaliseDomain).filter((d): d is string => Boolean(d)))) {
    const granted = await browser.permissions.contains({ origins: [originFor(domain)] });
    if (!granted) {
      missingPermission.push(domain);
      continue;
    }
    scripts.forEach((script, index) => {
      if (script.js?.length) wanted.add(`${PREFIX}${index}-${domain}`);
    });
    registered.push(domain);
  }
  const existing = await browser.scripting.getRegisteredContentScripts();
  const ours = existing.filter((s) => s.id.startsWith(PREFIX));
  const stale = ours.filter((s) => !wanted.has(s.id)).map((s) => s.id);
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(ours.map((s) => s.id));
  const toRegister = [];
  for (const domain of registered) {
    for (const [index, script] of scripts.entries()) {
      const id = `${PREFIX}${index}-${domain}`;
      if (!script.js?.length || have.has(id)) continue;
      toRegister.push({
        id,
        js: script.js,
        matches: [originFor(domain)],
        runAt: (script.run_at ?? 'document_idle') as 'document_idle',
        persistAcrossSessions: true,
        ...(script.world === 'MAIN' ? { world: 'MAIN' as const } : {}),
      });
    }
  }
  if (toRegister.length) await browser.scripting.registerContentScripts(toRegister as never);
  return { registered, missingPermission };
}
