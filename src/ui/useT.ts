// Components translate through useT() so they re-render when the UI language changes.
import { useMemo } from 'preact/hooks';
import { create } from 'zustand';
import type { Lang } from '../core/taxonomy';
import { browserLanguages, makeT, resolveUiLang, setUiLang, type Translate } from './i18n';

export const useUiLang = create<{ lang: Lang; setLang: (lang: Lang) => void }>()((set) => ({
  lang: resolveUiLang('auto', browserLanguages()),
  setLang: (lang) => {
    setUiLang(lang);
    set({ lang });
  },
}));

export function useT(): Translate {
  const lang = useUiLang((s) => s.lang);
  return useMemo(() => makeT(lang), [lang]);
}
