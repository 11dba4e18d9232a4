// The four languages' lexicons, compiled once on first use. English verb patterns are expanded with
// compromise's conjugator (the one place the English-only NLP library earns its cost: at load, not per message).
import nlp from 'compromise';
import common from '../../data/lexicon/common.json';
import en from '../../data/lexicon/en.json';
import fi from '../../data/lexicon/fi.json';
import nb from '../../data/lexicon/nb.json';
import sv from '../../data/lexicon/sv.json';
import type { Lang } from '../taxonomy';
import { type CompiledLexicon, compileLexicon, type LexiconData } from './lexicon';

const DATA: Record<Lang, LexiconData> = {
  en: en as LexiconData,
  nb: nb as LexiconData,
  sv: sv as LexiconData,
  fi: fi as LexiconData,
};
const cache = new Map<Lang, CompiledLexicon>();

export function lexiconFor(lang: Lang): CompiledLexicon {
  let compiled = cache.get(lang);
  if (!compiled) {
    compiled = compileLexicon(DATA[lang], lang === 'en' ? expandEnglishVerb : undefined);
    cache.set(lang, compiled);
  }
  return compiled;
}

/** "charge me twice" → "charged me twice", "charges me twice", "charging me twice". */
function expandEnglishVerb(pattern: string): string[] {
  const [head, ...rest] = pattern.split(' ');
  if (!/^[a-z]{3,}$/.test(head)) return [];
  const doc = nlp(head);
  if (!doc.has('#Verb') || doc.has('#Noun')) return [];
  const forms = doc.verbs().conjugate()[0] as Record<string, string> | undefined;
  if (!forms) return [];
  const heads = new Set(
    [forms.PastTense, forms.PresentTense, forms.Gerund].filter((f): f is string => Boolean(f) && !f.includes(' ')),
  );
  return [...heads].map((h) => [h, ...rest].join(' '));
}

export const EMOJI = common.emoji as Record<string, Record<string, number>>;
export const ACRONYMS = new Set(common.acronyms);
