// What the ticket is about (delivery, billing, …), from hand-written keyword lexicons in all four
// languages (src/data/topics.json), so a delivery ticket ranks delivery solutions first.
import topicData from '../../data/topics.json';
import type { ConversationMessage } from '../analysis';
import { LANGS, type Topic } from '../taxonomy';
import { compileLexicon, type LexiconEntry, matchLexicon, normalizeAligned } from './lexicon';

export interface TopicHit {
  topic: Topic;
  score: number;
  /** The words that matched, lowercased, at most a handful. */
  evidence: string[];
}

type TopicLexicons = Record<string, Record<string, string[]>>;

const LEXICONS: Map<string, Map<string, LexiconEntry[]>> = new Map(
  Object.entries((topicData as { topics: TopicLexicons }).topics).map(([topic, byLang]) => [
    topic,
    new Map(Object.entries(byLang).map(([lang, words]) => [lang, compileLexicon(words)])),
  ]),
);

const SUBJECT_WEIGHT = 2;
const CUSTOMER_WEIGHT = 1;
const AGENT_WEIGHT = 0.5;
const MAX_EVIDENCE = 5;

/**
 * The ticket's language(s) plus English (subjects and product words are often English); all four when
 * none is known. Other languages stay out: Norwegian "tilbake" must not read as Finnish "tili" (account).
 */
const lexiconLangs = (lang: string | readonly string[] | undefined): string[] => {
  const given = (typeof lang === 'string' ? [lang] : (lang ?? [])).filter((l) =>
    (LANGS as readonly string[]).includes(l),
  );
  return given.length > 0 ? [...new Set([...given, 'en'])] : [...LANGS];
};

type TextSource = Pick<ConversationMessage, 'role' | 'text'> | string;

/**
 * Topics of a ticket, best first, each with the words that showed it. `general` alone when nothing
 * matched. Customer messages count fully, agent replies half, the subject double; notes are ignored.
 */
export function detectTopics(
  subject: string | undefined,
  messages: readonly TextSource[],
  lang?: string | readonly string[],
): TopicHit[] {
  const sources: { text: string; weight: number }[] = [];
  if (subject) sources.push({ text: subject, weight: SUBJECT_WEIGHT });
  for (const message of messages) {
    if (typeof message === 'string') sources.push({ text: message, weight: CUSTOMER_WEIGHT });
    else if (message.role === 'customer') sources.push({ text: message.text, weight: CUSTOMER_WEIGHT });
    else if (message.role === 'agent') sources.push({ text: message.text, weight: AGENT_WEIGHT });
  }
  const langs = lexiconLangs(lang);
  const hits: TopicHit[] = [];
  for (const [topic, byLang] of LEXICONS) {
    let score = 0;
    const evidence: string[] = [];
    for (const source of sources) {
      const normalized = normalizeAligned(source.text);
      // One word counts once per message, however many keywords it matches.
      const seenStarts = new Set<number>();
      for (const lexLang of langs) {
        const entries = byLang.get(lexLang);
        if (!entries) continue;
        for (const hit of matchLexicon(source.text, entries, normalized)) {
          if (seenStarts.has(hit.start)) continue;
          seenStarts.add(hit.start);
          score += source.weight;
          const word = hit.text.toLowerCase();
          if (evidence.length < MAX_EVIDENCE && !evidence.includes(word)) evidence.push(word);
        }
      }
    }
    if (score > 0) hits.push({ topic: topic as Topic, score, evidence });
  }
  hits.sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic));
  return hits.length > 0 ? hits : [{ topic: 'general', score: 0, evidence: [] }];
}

/**
 * The topics worth acting on: the best one and any other at least half as strong (at most three).
 * `general` when nothing matched.
 */
export function mainTopics(hits: readonly TopicHit[]): Topic[] {
  const best = hits[0]?.score ?? 0;
  if (best <= 0) return ['general'];
  return hits
    .filter((hit) => hit.score >= best / 2)
    .slice(0, 3)
    .map((hit) => hit.topic);
}
