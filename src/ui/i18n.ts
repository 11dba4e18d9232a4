// UI strings (design.md 4 "UI language"): browser i18n can't be overridden, so the panel and options page
// translate through this small t() over locales/*.json. Order: the options override, then the browser
// language (no/nn/nb → nb), then English. Missing keys fall back to English, then to the key itself.
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import nb from '../../locales/nb.json';
import sv from '../../locales/sv.json';
import { isLang, type Lang, normalizeLangHint } from '../core/taxonomy';
import type { UiLanguage } from '../platform/settings';

export type PluralForms = { one?: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalogue = Record<string, string | PluralForms>;
export type MessageKey = keyof typeof en;
export type Params = Record<string, string | number>;

export const CATALOGUES: Record<Lang, Catalogue> = { en, nb, sv, fi };

/** The UI language: the override when it is one of the four, else the browser's, else English. */
export function resolveUiLang(
  override: UiLanguage | string | undefined,
  browserLanguages: readonly string[],
): Lang {
  if (override && override !== 'auto' && isLang(override)) return override;
  for (const hint of browserLanguages) {
    const lang = normalizeLangHint(hint);
    if (lang) return lang;
  }
  return 'en';
}

/** Languages the browser reports, most preferred first (works in pages, the worker and Node tests). */
export function browserLanguages(): string[] {
  const found: string[] = [];
  const nav = (globalThis as { navigator?: { language?: string; languages?: readonly string[] } }).navigator;
  if (nav?.languages) found.push(...nav.languages);
  if (nav?.language) found.push(nav.language);
  const i18n = (globalThis as { browser?: { i18n?: { getUILanguage?: () => string } } }).browser?.i18n;
  try {
    const ui = i18n?.getUILanguage?.();
    if (ui) found.push(ui);
  } catch {
    // Not in an extension page: the navigator languages are enough.
  }
  return found;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralOf(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Translates `key` in `lang`; `params.count` picks a plural form when the entry has forms. */
export function translate(lang: Lang, key: string, params?: Params): string {
  const entry = CATALOGUES[lang][key] ?? CATALOGUES.en[key];
  if (entry === undefined) return key;
  if (typeof entry === 'string') return interpolate(entry, params);
  const count = typeof params?.count === 'number' ? params.count : Number(params?.count ?? 0);
  const form = entry[pluralOf(lang, count)] ?? entry.other;
  return interpolate(form, params);
}

export type Translate = (key: MessageKey | (string & {}), params?: Params) => string;

export const makeT =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);

let currentLang: Lang = resolveUiLang('auto', browserLanguages());

export function setUiLang(lang: Lang): void {
  currentLang = lang;
}

export function getUiLang(): Lang {
  return currentLang;
}

/** Translates in the current UI language (components use `useT()` so they re-render on a change). */
export const t: Translate = (key, params) => translate(currentLang, key, params);

/**
 * A language's name in the UI language: "Danish", "dansk", "tanska". Intl knows most codes; our own
 * strings cover the four (Norwegian bokmål reads better with our wording).
 */
export function languageName(code: string, uiLang: Lang): string {
  if (isLang(code)) return translate(uiLang, `language.name.${code}`);
  if (!code || code === 'und') return translate(uiLang, 'language.unknown');
  try {
    const name = new Intl.DisplayNames([uiLang], { type: 'language' }).of(code);
    if (name && name !== code) return name;
  } catch {
    // An invalid code: fall through to the code itself.
  }
  return code;
}

/** A date and time in the UI language, short. */
export function formatDate(iso: string | number | undefined, uiLang: Lang): string {
  if (iso === undefined) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(uiLang === 'nb' ? 'nb-NO' : uiLang, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}
