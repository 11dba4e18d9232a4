// What the agent's earlier replies already did (an apology given, a time promised), so those stages
// step back, and which pack phrases were already sent in this ticket, so they are never offered again.
import coveredData from '../../data/covered.json';
import type { Phrase } from '../suggestion';
import { LANGS, STAGES, type Stage } from '../taxonomy';
import { compileLexicon, type LexiconEntry, matchLexicon, normalizeAligned, normalizeLoose } from './lexicon';

export interface CoveredStage {
  stage: Stage;
  /** Index into the agent texts given, of the latest reply that did it. */
  message: number;
  evidence: string;
}

const MARKERS: Map<Stage, Map<string, LexiconEntry[]>> = new Map(
  Object.entries((coveredData as { stages: Record<string, Record<string, string[]>> }).stages)
    .filter(([stage]) => (STAGES as readonly string[]).includes(stage))
    .map(([stage, byLang]) => [
      stage as Stage,
      new Map(Object.entries(byLang).map(([lang, words]) => [lang, compileLexicon(words)])),
    ]),
);

/** Details of every stage the agent's replies covered, in taxonomy order. */
export function detectCoveredDetails(agentTexts: readonly string[], lang?: string): CoveredStage[] {
  // The reply language plus English (agents paste English macros); all four when unknown.
  const langs = lang && (LANGS as readonly string[]).includes(lang) ? [...new Set([lang, 'en'])] : [...LANGS];
  const found: CoveredStage[] = [];
  for (const stage of STAGES) {
    const byLang = MARKERS.get(stage);
    if (!byLang) continue;
    for (let index = agentTexts.length - 1; index >= 0; index--) {
      const text = agentTexts[index];
      const normalized = normalizeAligned(text);
      const hit = langs
        .flatMap((l) => matchLexicon(text, byLang.get(l) ?? [], normalized))
        .sort((a, b) => a.start - b.start)[0];
      if (hit) {
        found.push({ stage, message: index, evidence: hit.text });
        break;
      }
    }
  }
  return found;
}

/** Stages the agent's earlier replies already did, in taxonomy order. */
export function detectCoveredStages(agentTexts: readonly string[], lang?: string): Stage[] {
  return detectCoveredDetails(agentTexts, lang).map((covered) => covered.stage);
}

/** Phrase texts are a small fixed set per pack: normalise each once, not on every re-rank. */
const literalCache = new Map<string, string[]>();
const LITERAL_CACHE_LIMIT = 20_000;

/** Literal parts of a phrase between its placeholders, normalised; placeholders act as wildcards. */
export function literalParts(text: string): string[] {
  let parts = literalCache.get(text);
  if (!parts) {
    parts = text
      .split(/\{\{[^}]*\}\}/)
      .map(normalizeLoose)
      .filter((part) => part.length > 0);
    if (literalCache.size >= LITERAL_CACHE_LIMIT) literalCache.clear();
    literalCache.set(text, parts);
  }
  return parts;
}

// A phrase needs this much literal text before "it was sent" can be told from a chance match.
const MIN_LITERAL = 12;

/** True when the phrase's literal parts all occur, in order, in the (normalised) agent text. */
export function phraseOccursIn(phraseText: string, normalizedAgentText: string): boolean {
  const parts = literalParts(phraseText);
  if (parts.join('').length < MIN_LITERAL) return false;
  let from = 0;
  for (const part of parts) {
    const at = normalizedAgentText.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Ids of the phrases already sent in one of the agent's messages of this ticket. */
export function sentPhraseIds(
  agentTexts: readonly string[],
  phrases: readonly Pick<Phrase, 'id' | 'text'>[],
): string[] {
  const normalized = agentTexts.map(normalizeLoose).filter((text) => text.length > 0);
  if (normalized.length === 0) return [];
  return phrases
    .filter((phrase) => normalized.some((text) => phraseOccursIn(phrase.text, text)))
    .map((phrase) => phrase.id);
}
