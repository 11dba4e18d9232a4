// The suggestion engine: from a conversation's analysis to ranked phrases per reply stage. Pure and
// deterministic (ties break on phrase id), shared by the side panel and the suggest CLI.
import stagePlanData from '../../data/stage-plan.json';
import type { ConversationAnalysis, ConversationMessage, CueHit, Register } from '../analysis';
import type { FillContext, Frame, Phrase, Reason, Suggestion } from '../suggestion';
import {
  type Cue,
  type CustomerType,
  normalizeLangHint,
  STAGES,
  type Stage,
  TOPICS,
  type Topic,
} from '../taxonomy';
import { detectCoveredStages, sentPhraseIds } from './covered';
import { formatDuration, measureWait } from './durations';
import { fillTemplate, firstNameOf, nameCandidates, placeholdersOf } from './template';
import { detectTopics, mainTopics, type TopicHit } from './topics';

export type PackPhrase = Phrase & { packId?: string };

export interface SuggestCorrections {
  /** The agent says the customer is of this type (one click in the panel). */
  type?: CustomerType;
  /** Cues the agent dismissed as wrong. */
  dismissedCues?: Cue[];
  /** Finnish: reply in te-form (`formal`) or sinä-form (`informal`) whatever the customer wrote. */
  register?: Register;
}

export interface SuggestInput {
  analysis: ConversationAnalysis;
  messages: ConversationMessage[];
  subject?: string;
  phrases: PackPhrase[];
  frames?: Frame[];
  fill?: FillContext;
  /** ISO time "now", for measuring the customer's wait; without it only messages in a row count. */
  now?: string;
  /** The agent switched the reply language. */
  replyLang?: string;
  corrections?: SuggestCorrections;
  favourites?: string[];
  recent?: string[];
  /** Suggestions kept per stage (default 3). */
  perStage?: number;
  /** Show fill-in fields without a value as `[time]` in the text (default true: the panel asks before insert). */
  markMissingFills?: boolean;
}

export interface WaitInfo {
  /** Hours the customer has waited for an answer (0 when message times are unknown). */
  hours: number;
  /** Customer messages in a row at the end. */
  inRow: number;
  /** The wait in words in the reply language, when hours are known. */
  duration?: string;
  /** True when the wait is long enough to apologise for (≥ 4 h or ≥ 2 messages in a row). */
  active: boolean;
}

export interface LeadingStage {
  stage: Stage;
  weight: number;
  reasons: Reason[];
}

export interface SuggestResult {
  lang: string;
  register?: Register;
  customerType: CustomerType | null;
  topics: Topic[];
  topicHits: TopicHit[];
  agentCovered: Stage[];
  wait?: WaitInfo;
  leading: LeadingStage[];
  /** Best first, at least one per leading stage. */
  suggestions: Suggestion[];
  byStage: Partial<Record<Stage, Suggestion[]>>;
  /** The reply frame (greeting and sign-off) for this language and register. */
  frame?: Frame;
  /** The values used for filling, including the measured wait: pass it back to compose(). */
  fill: FillContext;
  /** The first name the greeting will use, and the choices the agent can switch to. */
  customerFirstName?: string;
  nameCandidates: string[];
}

interface StagePlanData {
  types: Record<string, Partial<Record<Stage, number>>>;
  cues: Record<string, Partial<Record<Stage, number>>>;
  defaultWeight: number;
  coveredFactor: number;
  waitBoost: number;
  waitHours: number;
  waitInRow: number;
  leadCount: number;
  leadMinWeight: number;
  phrase: Record<
    | 'typeMatch'
    | 'typeMismatch'
    | 'cueMatch'
    | 'cueMismatch'
    | 'topicMatch'
    | 'topicMismatch'
    | 'wait'
    | 'favourite'
    | 'recent'
    | 'missingTeamValue',
    number
  >;
  situationalCues: string[];
}

const PLAN = stagePlanData as unknown as StagePlanData;
const SITUATIONAL = new Set<string>(PLAN.situationalCues);
const TOPIC_IDS = new Set<string>(TOPICS);
/** Cues below this score are too unsure to steer the reply. */
const MIN_CUE_SCORE = 0.25;

const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);
const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Reply language: the agent's override, else the conversation's language when supported, else English. */
export function resolveReplyLang(
  analysis: Pick<ConversationAnalysis, 'lang' | 'supported'>,
  replyLang?: string,
): string {
  const override = normalizeLangHint(replyLang);
  if (override) return override;
  const detected = normalizeLangHint(analysis.lang);
  if (analysis.supported && detected) return detected;
  return 'en';
}

/** Picks the frame for a language: same register first, then one without a register, then any. */
export function planReplyFrame(
  frames: readonly Frame[] | undefined,
  lang: string,
  register?: Register,
): Frame | undefined {
  const candidates = (frames ?? []).filter((frame) => frame.lang === lang);
  return (
    candidates.find((frame) => register !== undefined && frame.register === register) ??
    candidates.find((frame) => frame.register === undefined) ??
    candidates[0]
  );
}

const cueScale = (hit: CueHit): number => 0.5 + 0.5 * Math.min(1, Math.max(0, hit.score));

interface StagePlan {
  weight: number;
  reasons: Reason[];
}

/**
 * Weight of every stage for a type and its cues. Type weights and emotional cue boosts step back when the
 * agent already covered the stage; situational cues (repeat contact, hardship, threat…) and the measured
 * wait do not, since they are about the message being answered now.
 */
export function planStages(
  type: CustomerType | null,
  cues: readonly CueHit[],
  covered: readonly Stage[],
  wait?: WaitInfo,
): Map<Stage, StagePlan> {
  const typeWeights = PLAN.types[type ?? 'neutral'] ?? PLAN.types.neutral;
  const plan = new Map<Stage, StagePlan>();
  for (const stage of STAGES) {
    const base = typeWeights[stage];
    const reasons: Reason[] = [];
    let stepBack = base ?? PLAN.defaultWeight;
    let steady = 0;
    if (type && base !== undefined && base >= 0.5) reasons.push({ kind: 'type', id: type });
    for (const hit of cues) {
      const boost = PLAN.cues[hit.cue]?.[stage];
      if (!boost) continue;
      const amount = boost * cueScale(hit);
      if (SITUATIONAL.has(hit.cue)) steady += amount;
      else stepBack += amount;
      reasons.push({ kind: hit.cue === 'repeatContact' ? 'repeat' : 'cue', id: hit.cue });
    }
    if (covered.includes(stage) && stage !== 'close') {
      stepBack *= PLAN.coveredFactor;
      reasons.push({ kind: 'covered', id: stage });
    }
    if (stage === 'apologize' && wait?.active) {
      steady += PLAN.waitBoost;
      reasons.push({ kind: 'wait', id: 'wait', detail: waitDetail(wait) });
    }
    plan.set(stage, { weight: round(stepBack + steady), reasons });
  }
  return plan;
}

const waitDetail = (wait: WaitInfo): string =>
  wait.hours > 0 ? formatDuration(wait.hours, 'en') : `${wait.inRow} messages in a row`;

const humanize = (id: string): string => id.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** One reason in plain English, for the CLI and for anyone asking why a phrase ranks where it does. */
export function describeReason(reason: Reason): string {
  switch (reason.kind) {
    case 'type':
      return `type ${reason.id}`;
    case 'cue':
      return humanize(reason.id);
    case 'repeat':
      return 'repeat contact';
    case 'topic':
      return `topic ${reason.id}`;
    case 'wait':
      return `waited ${reason.detail ?? 'a while'}`;
    case 'covered':
      return `${humanize(reason.id)} already covered earlier`;
    case 'register':
      return reason.id === 'formal' ? 'formal register (te)' : 'informal register (sinä)';
    case 'favourite':
      return 'favourite';
    default:
      return 'fits any ticket';
  }
}

export const describeReasons = (reasons: readonly Reason[]): string =>
  `because: ${[...new Set(reasons.map(describeReason))].join('; ')}`;

const isWaitPhrase = (phrase: Phrase): boolean =>
  phrase.text.includes('{{wait.duration}}') || (phrase.tags ?? []).includes('wait');

const phraseTopics = (phrase: Phrase): string[] =>
  (phrase.tags ?? []).filter((tag) => TOPIC_IDS.has(tag) && tag !== 'general');

interface Candidate {
  phrase: PackPhrase;
  score: number;
  reasons: Reason[];
}

export function suggest(input: SuggestInput): SuggestResult {
  const { analysis, messages } = input;
  const corrections = input.corrections ?? {};
  const perStage = Math.max(1, input.perStage ?? 3);
  const lang = resolveReplyLang(analysis, input.replyLang);
  const customerType: CustomerType | null = corrections.type ?? analysis.customerType;
  const dismissed = new Set(corrections.dismissedCues ?? []);
  const cues = analysis.cues.filter((hit) => !dismissed.has(hit.cue) && hit.score >= MIN_CUE_SCORE);
  const activeCues = new Map(cues.map((hit) => [hit.cue as string, hit]));

  const register: Register | undefined =
    lang === 'fi'
      ? (corrections.register ?? (analysis.lang === 'fi' ? analysis.register : undefined) ?? 'informal')
      : undefined;

  const agentTexts = messages.filter((message) => message.role === 'agent').map((message) => message.text);
  const agentCovered = detectCoveredStages(agentTexts, lang);
  const sent = new Set(sentPhraseIds(agentTexts, input.phrases));

  const measured = measureWait(messages, input.now);
  let wait: WaitInfo | undefined;
  if (measured.inRow > 0) {
    const hours = measured.hours ?? 0;
    wait = {
      hours: round(hours),
      inRow: measured.inRow,
      duration: measured.hours !== undefined ? formatDuration(hours, lang) : undefined,
      active: hours >= PLAN.waitHours || measured.inRow >= PLAN.waitInRow,
    };
  }

  // The reply language and the detected one: they differ when the agent switched the reply language.
  const topicLangs = analysis.supported ? [lang, analysis.lang] : [lang];
  const topicHits = detectTopics(input.subject, messages, topicLangs);
  const topics = mainTopics(topicHits);
  const specificTopics = topics.filter((topic) => topic !== 'general');

  const fill: FillContext = {
    ...input.fill,
    wait: { ...input.fill?.wait, duration: input.fill?.wait?.duration ?? wait?.duration },
  };
  const plan = planStages(customerType, cues, agentCovered, wait);
  const favourites = new Set(input.favourites ?? []);
  const recent = new Set(input.recent ?? []);
  const weights = PLAN.phrase;

  const byStageCandidates = new Map<Stage, Candidate[]>();
  const seenIds = new Set<string>();
  for (const phrase of input.phrases) {
    if (phrase.lang !== lang || sent.has(phrase.id) || seenIds.has(phrase.id)) continue;
    if (!STAGES.includes(phrase.stage)) continue;
    // One reply never mixes te- and sinä-forms: keep the customer's register or phrases that fit both.
    if (register && phrase.register && phrase.register !== register) continue;
    const waitPhrase = isWaitPhrase(phrase);
    if (waitPhrase && !wait?.active) continue;
    if (waitPhrase && phrase.text.includes('{{wait.duration}}') && !fill.wait?.duration) continue;
    const phraseCues = phrase.cues ?? [];
    const matchedCues = phraseCues.filter((cue) => activeCues.has(cue));
    // A phrase that states a situation ("you have written to us several times") is wrong without it.
    if (phraseCues.length > 0 && matchedCues.length === 0 && phraseCues.every((cue) => SITUATIONAL.has(cue)))
      continue;
    seenIds.add(phrase.id);

    const stagePlan = plan.get(phrase.stage) as StagePlan;
    let score = stagePlan.weight;
    const reasons: Reason[] = [];
    if (waitPhrase) {
      score += weights.wait;
      reasons.push({ kind: 'wait', id: 'wait', detail: wait ? waitDetail(wait) : undefined });
    }
    const types = phrase.types ?? [];
    const typeMatches = customerType !== null && types.includes(customerType);
    for (const cue of matchedCues)
      reasons.push({ kind: cue === 'repeatContact' ? 'repeat' : 'cue', id: cue });
    if (matchedCues.length > 0) {
      score +=
        weights.cueMatch * Math.max(...matchedCues.map((cue) => cueScale(activeCues.get(cue) as CueHit)));
    } else if (phraseCues.length > 0 && !waitPhrase && !typeMatches) {
      // Types and cues describe the same phrase two ways: a matching type is enough.
      score += weights.cueMismatch;
    }
    if (types.length > 0 && customerType) {
      if (typeMatches) {
        score += weights.typeMatch;
        reasons.push({ kind: 'type', id: customerType });
      } else if (!waitPhrase) {
        score += weights.typeMismatch;
      }
    }
    const tagged = phraseTopics(phrase);
    if (tagged.length > 0) {
      const matched = specificTopics.filter((topic) => tagged.includes(topic));
      if (matched.length > 0) {
        // The main topic counts fully, a secondary one a little less.
        score += weights.topicMatch * (matched[0] === specificTopics[0] ? 1 : 0.6);
        for (const topic of matched) reasons.push({ kind: 'topic', id: topic });
      } else {
        score += specificTopics.length > 0 ? weights.topicMismatch : weights.topicMismatch / 2;
      }
    }
    if (register && phrase.register) reasons.push({ kind: 'register', id: phrase.register });
    if (favourites.has(phrase.id)) {
      score += weights.favourite;
      reasons.push({ kind: 'favourite', id: phrase.id });
    }
    if (recent.has(phrase.id)) score += weights.recent;
    const missingTeam = placeholdersOf(phrase.text).some(
      (name) => name.startsWith('team.') && !fill.team?.[name.slice(5) as 'name' | 'phone' | 'hours'],
    );
    if (missingTeam) score += weights.missingTeamValue;

    const all = [...reasons];
    for (const reason of stagePlan.reasons) {
      if (!all.some((r) => r.kind === reason.kind && r.id === reason.id)) all.push(reason);
    }
    if (all.length === 0) all.push({ kind: 'default', id: phrase.stage });
    const list = byStageCandidates.get(phrase.stage) ?? [];
    list.push({ phrase, score: round(score), reasons: all });
    byStageCandidates.set(phrase.stage, list);
  }

  const toSuggestion = (candidate: Candidate): Suggestion => {
    const { phrase } = candidate;
    const filled = fillTemplate(phrase.text, fill, {
      markMissingFills: input.markMissingFills ?? true,
      lang,
    });
    const suggestion: Suggestion = {
      stage: phrase.stage,
      phraseId: phrase.id,
      lang: phrase.lang,
      text: filled.text,
      needs: filled.needs,
      tags: [...(phrase.tags ?? [])],
      score: candidate.score,
      reasons: candidate.reasons,
      reason: describeReasons(candidate.reasons),
      template: phrase.text,
    };
    if (filled.cursor !== undefined) suggestion.cursor = filled.cursor;
    if (phrase.packId !== undefined) suggestion.packId = phrase.packId;
    if (phrase.register !== undefined) suggestion.register = phrase.register;
    return suggestion;
  };

  const byScore = (a: Candidate, b: Candidate) =>
    b.score - a.score || (a.phrase.id < b.phrase.id ? -1 : a.phrase.id > b.phrase.id ? 1 : 0);
  const byStage: Partial<Record<Stage, Suggestion[]>> = {};
  const ranked = new Map<Stage, Candidate[]>();
  for (const stage of STAGES) {
    const list = byStageCandidates.get(stage);
    if (!list || list.length === 0) continue;
    const top = [...list].sort(byScore).slice(0, perStage);
    ranked.set(stage, top);
    byStage[stage] = top.map(toSuggestion);
  }

  // Leading stages: the heaviest stages that have a phrase in this language.
  const stagesByWeight = [...ranked.keys()].sort(
    (a, b) => (plan.get(b)?.weight ?? 0) - (plan.get(a)?.weight ?? 0) || stageIndex(a) - stageIndex(b),
  );
  let leadingStages = stagesByWeight
    .filter((stage) => (plan.get(stage)?.weight ?? 0) >= PLAN.leadMinWeight)
    .slice(0, PLAN.leadCount);
  if (leadingStages.length === 0) leadingStages = stagesByWeight.slice(0, 1);
  const leading: LeadingStage[] = leadingStages.map((stage) => {
    const stagePlan = plan.get(stage) as StagePlan;
    const reasons =
      stagePlan.reasons.length > 0 ? stagePlan.reasons : [{ kind: 'default' as const, id: stage }];
    return { stage, weight: stagePlan.weight, reasons };
  });

  const suggestions = leadingStages
    .flatMap((stage) => ranked.get(stage) ?? [])
    .sort(byScore)
    .map(
      (candidate) =>
        byStage[candidate.phrase.stage]?.find((s) => s.phraseId === candidate.phrase.id) as Suggestion,
    );

  const customerFirstName = fill.customer?.firstName?.trim() || firstNameOf(fill.customer?.name);
  const result: SuggestResult = {
    lang,
    customerType,
    topics,
    topicHits,
    agentCovered,
    leading,
    suggestions,
    byStage,
    fill,
    // The agent's own correction first, then what the requester's name offers ("Jan", "Jan Erik").
    nameCandidates: [
      ...new Set([...(customerFirstName ? [customerFirstName] : []), ...nameCandidates(fill.customer?.name)]),
    ],
  };
  if (register) result.register = register;
  if (wait) result.wait = wait;
  const frame = planReplyFrame(input.frames, lang, register);
  if (frame) result.frame = frame;
  if (customerFirstName) result.customerFirstName = customerFirstName;
  return result;
}

export interface ComposeResult {
  text: string;
  /** UTF-16 offset of the caret: the first part's cursor mark, else the end of the last part. */
  cursor?: number;
  /** Fill-in fields still without a value across all parts. */
  needs: string[];
  /** Phrase ids left out because they were in the other Finnish register (or repeated). */
  dropped: string[];
}

/**
 * One reply from several suggestions: greeting, the parts in stage order as paragraphs, sign-off.
 * Exactly one caret. Parts in the other Finnish register than the frame (or the first part) are dropped
 * and reported, so one reply never mixes te- and sinä-forms.
 */
export function compose(parts: readonly Suggestion[], frame?: Frame, fill?: FillContext): ComposeResult {
  const dropped: string[] = [];
  const register = frame?.register ?? parts.find((part) => part.register)?.register;
  const seen = new Set<string>();
  const kept = parts
    .map((part, order) => ({ part, order }))
    .filter(({ part }) => {
      if (seen.has(part.phraseId) || (register && part.register && part.register !== register)) {
        dropped.push(part.phraseId);
        return false;
      }
      seen.add(part.phraseId);
      return true;
    })
    .sort((a, b) => stageIndex(a.part.stage) - stageIndex(b.part.stage) || a.order - b.order)
    .map(({ part }) => part);

  const needs: string[] = [];
  const paragraphs: { text: string; cursor?: number }[] = [];
  for (const part of kept) {
    if (fill && part.template) {
      const filled = fillTemplate(part.template, fill, { markMissingFills: true, lang: part.lang });
      for (const need of filled.needs) if (!needs.includes(need)) needs.push(need);
      paragraphs.push({ text: filled.text, cursor: filled.cursor });
    } else {
      for (const need of part.needs) if (!needs.includes(need)) needs.push(need);
      paragraphs.push({ text: part.text, cursor: part.cursor });
    }
  }
  const greeting = frame?.greeting ? fillTemplate(frame.greeting, fill ?? {}).text : '';
  const signoff = frame?.signoff ? fillTemplate(frame.signoff, fill ?? {}).text : '';

  const blocks: string[] = [];
  let cursor: number | undefined;
  let offset = 0;
  const push = (text: string) => {
    if (blocks.length > 0) offset += 2;
    blocks.push(text);
    const start = offset;
    offset += text.length;
    return start;
  };
  if (greeting) push(greeting);
  let endOfBody: number | undefined;
  for (const paragraph of paragraphs) {
    if (!paragraph.text) continue;
    const start = push(paragraph.text);
    if (cursor === undefined && paragraph.cursor !== undefined) cursor = start + paragraph.cursor;
    endOfBody = start + paragraph.text.length;
  }
  if (signoff) push(signoff);
  const result: ComposeResult = { text: blocks.join('\n\n'), needs, dropped };
  const caret = cursor ?? endOfBody;
  if (caret !== undefined) result.cursor = caret;
  return result;
}
