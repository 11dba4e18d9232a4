// Enterprise policy for packs, read from Chrome managed storage or Firefox policies.json (3rdparty).
// Values come from an administrator's file and may be missing or wrong-typed: check each one and say
// in a plain sentence what was ignored. Keys match public/managed_schema.json.

import { isRecord } from '../is-record';
import { type Lang, normalizeLangHint } from '../taxonomy';
import { parseJsonWithLocations } from './json-locate';
import { parseTrustedKey, type TrustedKey } from './sign';
import { suggestion } from './text';

export interface TeamInfo {
  name?: string;
  phone?: string;
  hours?: string;
}

export interface PolicyConfig {
  /** Inline packs (documents, parsed from the JSON strings of `packs`). */
  inlinePacks: unknown[];
  packUrls: string[];
  trustedKeys: TrustedKey[];
  lockPacks: boolean;
  /** False only when policy says so; lockPacks also stops user packs. */
  allowUserPacks: boolean;
  helpdeskDomains: string[];
  team: TeamInfo;
  uiLanguage?: Lang;
}

export const NO_POLICY: PolicyConfig = Object.freeze({
  inlinePacks: [],
  packUrls: [],
  trustedKeys: [],
  lockPacks: false,
  allowUserPacks: true,
  helpdeskDomains: [],
  team: {},
}) as PolicyConfig;

export const POLICY_KEYS = [
  'packUrls',
  'packs',
  'trustedKeys',
  'lockPacks',
  'allowUserPacks',
  'helpdeskDomains',
  'team',
  'teamName',
  'teamPhone',
  'teamHours',
  'uiLanguage',
] as const;

/** A pack URL we are willing to fetch: https only (policy and agents alike). */
export function checkPackUrl(text: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: `"${text}" is not a web address.` };
  }
  if (url.protocol !== 'https:')
    return { error: `"${text}" is not an https:// address; packs are only fetched over HTTPS.` };
  if (url.username || url.password)
    return { error: `"${text}" contains a user name or password; use a plain https:// address.` };
  return { url: url.href };
}

const HOSTNAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

function normalizeHost(text: string): string | undefined {
  let candidate = text.trim().toLowerCase().replace(/\.$/, '');
  if (candidate.includes('/')) {
    try {
      candidate = new URL(candidate.includes('://') ? candidate : `https://${candidate}`).hostname;
    } catch {
      return undefined;
    }
  }
  return HOSTNAME.test(candidate) ? candidate : undefined;
}

/** Reads raw managed-storage values into a checked config, with a sentence for each ignored value. */
export function parsePolicy(raw: unknown): { config: PolicyConfig; warnings: string[] } {
  const warnings: string[] = [];
  const config: PolicyConfig = {
    ...NO_POLICY,
    inlinePacks: [],
    packUrls: [],
    trustedKeys: [],
    helpdeskDomains: [],
    team: {},
  };
  if (raw === undefined || raw === null) return { config, warnings };
  if (!isRecord(raw)) {
    warnings.push('The Calmdesk policy is not an object of settings; it is ignored.');
    return { config, warnings };
  }
  const ignored = (key: string, expected: string) =>
    warnings.push(`Policy value "${key}" should be ${expected}; it is ignored.`);
  const stringList = (key: string): string[] | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      // A single string is a common slip for a one-item list.
      if (typeof value === 'string') return [value];
      ignored(key, 'a list');
      return undefined;
    }
    return value.filter((item, i) => {
      if (
        typeof item === 'string' ||
        (key === 'trustedKeys' && isRecord(item)) ||
        (key === 'packs' && isRecord(item))
      )
        return true;
      warnings.push(`Policy ${key}[${i}] should be text; it is ignored.`);
      return false;
    }) as string[];
  };

  for (const key of Object.keys(raw)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key))
      warnings.push(`Policy key "${key}" is not known${suggestion(key, POLICY_KEYS)}; it is ignored.`);
  }

  const urls = stringList('packUrls') ?? [];
  for (const [i, text] of urls.entries()) {
    const checked = checkPackUrl(text);
    if ('error' in checked) warnings.push(`Policy packUrls[${i}]: ${checked.error} It is ignored.`);
    else if (!config.packUrls.includes(checked.url)) config.packUrls.push(checked.url);
  }

  const packs = (stringList('packs') ?? []) as unknown[];
  for (const [i, item] of packs.entries()) {
    if (typeof item !== 'string') {
      config.inlinePacks.push(item); // Firefox policies.json may hold the pack as an object
      continue;
    }
    const parsed = parseJsonWithLocations(item);
    if (parsed.ok) config.inlinePacks.push(parsed.value);
    else
      warnings.push(
        `Policy packs[${i}] is not valid JSON (line ${parsed.line}, column ${parsed.column}: ${parsed.message}); it is ignored.`,
      );
  }

  const keys = (stringList('trustedKeys') ?? []) as unknown[];
  for (const [i, item] of keys.entries()) {
    let key: TrustedKey | { error: string };
    if (typeof item === 'string') key = parseTrustedKey(item);
    else if (isRecord(item) && typeof item.publicKey === 'string') {
      const parsed = parseTrustedKey(item.publicKey);
      key =
        'error' in parsed
          ? parsed
          : typeof item.keyId === 'string' && item.keyId
            ? { ...parsed, keyId: item.keyId }
            : parsed;
    } else key = { error: 'should be "keyId:base64", a base64 public key, or {"keyId", "publicKey"}.' };
    if ('error' in key) warnings.push(`Policy trustedKeys[${i}]: ${key.error} It is ignored.`);
    else if (!config.trustedKeys.some((k) => k.publicKey === key.publicKey)) config.trustedKeys.push(key);
  }

  for (const key of ['lockPacks', 'allowUserPacks'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') config[key] = value;
    else if (value === 'true' || value === 'false' || value === 1 || value === 0) {
      config[key] = value === 'true' || value === 1;
      warnings.push(
        `Policy value "${key}" should be true or false (not ${JSON.stringify(value)}); read as ${config[key]}.`,
      );
    } else ignored(key, 'true or false');
  }

  for (const [i, text] of (stringList('helpdeskDomains') ?? []).entries()) {
    const host = normalizeHost(String(text));
    if (!host)
      warnings.push(
        `Policy helpdeskDomains[${i}]: "${text}" is not a host name such as support.example.com; it is ignored.`,
      );
    else if (!config.helpdeskDomains.includes(host)) config.helpdeskDomains.push(host);
  }

  const team = isRecord(raw.team) ? raw.team : {};
  if (raw.team !== undefined && !isRecord(raw.team)) ignored('team', 'an object with name, phone and hours');
  const fields = [
    ['name', 'teamName'],
    ['phone', 'teamPhone'],
    ['hours', 'teamHours'],
  ] as const;
  for (const [field, flatKey] of fields) {
    const value = raw[flatKey] ?? team[field];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim()) config.team[field] = value.trim();
    else ignored(raw[flatKey] !== undefined ? flatKey : `team.${field}`, 'text');
  }

  if (raw.uiLanguage !== undefined) {
    const lang = typeof raw.uiLanguage === 'string' ? normalizeLangHint(raw.uiLanguage) : undefined;
    if (lang) config.uiLanguage = lang;
    else ignored('uiLanguage', 'one of en, nb, sv, fi');
  }

  if (config.lockPacks && config.trustedKeys.length === 0)
    warnings.push('Policy sets lockPacks but no trustedKeys: every pack will be refused.');
  if (config.lockPacks && raw.allowUserPacks === true)
    warnings.push('Policy sets both lockPacks and allowUserPacks: lockPacks wins, agents cannot add packs.');
  return { config, warnings };
}

/** Whether packs from outside the extension must carry a signature by a trusted key. */
export const signatureRequired = (config: PolicyConfig) => config.lockPacks || config.trustedKeys.length > 0;

/** Whether the agent may add team URLs and files. */
export const userPacksAllowed = (config: PolicyConfig) =>
  !config.lockPacks && config.allowUserPacks !== false;
