// The four languages' lexicons, compiled once on first use. English patterns get their verb inflections
// from a table that compromise generated at build time (scripts/gen-en-inflections.ts).
import common from '../../data/lexicon/common.json';
import en from '../../data/lexicon/en.json';
import enInflections from '../../data/lexicon/en-inflections.json';
import fi from '../../data/lexicon/fi.json';
import nb from '../../data/lexicon/nb.json';
import sv from '../../data/lexicon/sv.json';
import type { Lang } from '../taxonomy';
import { expandWith } from './inflections';
import { type CompiledLexicon, compileLexicon, type LexiconData } from './lexicon';

const DATA: Record<Lang, LexiconData> = {
  en: en as unknown as LexiconData,
  nb: nb as unknown as LexiconData,
  sv: sv as unknown as LexiconData,
  fi: fi as unknown as LexiconData,
};
const cache = new Map<Lang, CompiledLexicon>();
const expandEnglish = expandWith(enInflections as Record<string, string[]>);

export function lexiconFor(lang: Lang): CompiledLexicon {
  let compiled = cache.get(lang);
  if (!compiled) {
    const data = { ...DATA[lang], shortScopeNegators: common.shortScopeNegators };
    compiled = compileLexicon(data, lang === 'en' ? expandEnglish : undefined);
    cache.set(lang, compiled);
  }
  return compiled;
}

export const EMOJI = common.emoji as Record<string, Record<string, number>>;
export const ACRONYMS = new Set(common.acronyms);
export const WAITING_GREETINGS = new Set(common.waitingGreetings);
export const CHAT_NUDGES = new Set(common.chatNudges);
export const SCARE_QUOTED = new Set(common.scareQuoted);
export const SHOUTED_REPEATS = new Set(common.shoutedRepeats);
export const SHRUGS = new Set(common.shrugs);
