// Pure derivations for the panel: snapshot → analysis → suggestions. Memoised on what they depend on
// (snapshot hash, corrections, reply language, phrases), so the panel recomputes only when one changes.
import type { ConversationAnalysis, ConversationMessage } from '../core/analysis';
import { analyzeConversation } from '../core/classify';
import type { TicketSnapshot } from '../core/snapshot';
import { firstNameOf, suggest } from '../core/suggest';
import type { FillContext } from '../core/suggestion';
import {
  type Cue,
  type CustomerType,
  isLang,
  type Lang,
  normalizeLangHint,
  STAGES,
  type Stage,
} from '../core/taxonomy';
import type { Settings } from '../platform/settings';
import type { PhraseSource } from './phrases';

export type SuggestResult = ReturnType<typeof suggest>;

/** The agent's corrections for one ticket: ids only, never ticket text. */
export interface Corrections {
  type?: CustomerType;
  dismissedCues: Cue[];
}

export const NO_CORRECTIONS: Corrections = { dismissedCues: [] };

export const hasCorrections = (c: Corrections): boolean => c.type !== undefined || c.dismissedCues.length > 0;

/** A small LRU so switching between two tabs does not redo the work. */
class Memo<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
  clear(): void {
    this.entries.clear();
  }
}

/** FNV-1a over a string: a cheap, stable key (collisions only cost a stale view until the next change). */
export function hashString(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}.${text.length.toString(36)}`;
}

export function conversationOf(snapshot: TicketSnapshot): ConversationMessage[] {
  return snapshot.messages.map((m) => ({ role: m.role, text: m.text, ...(m.at ? { at: m.at } : {}) }));
}

/** The part of a snapshot the analysis depends on. */
export function snapshotHash(snapshot: TicketSnapshot): string {
  const parts = snapshot.messages.map((m) => `${m.role}\u0001${m.at ?? ''}\u0001${m.text}`);
  return hashString(
    `${snapshot.requester?.locale ?? ''}\u0002${snapshot.subject ?? ''}\u0002${parts.join('\u0003')}`,
  );
}

export interface AnalysedSnapshot {
  key: string;
  messages: ConversationMessage[];
  analysis: ConversationAnalysis;
}

const analysisMemo = new Memo<AnalysedSnapshot>(8);
let analysisRuns = 0;

/** How many times the classifier actually ran (tests check the memoisation). */
export const analysisRunCount = (): number => analysisRuns;

export function analyseSnapshot(snapshot: TicketSnapshot): AnalysedSnapshot {
  const key = snapshotHash(snapshot);
  return analysisMemo.get(key, () => {
    analysisRuns += 1;
    const messages = conversationOf(snapshot);
    const lang = snapshot.requester?.locale;
    return { key, messages, analysis: analyzeConversation(messages, lang ? { lang } : {}) };
  });
}

export const hasCustomerMessage = (snapshot: TicketSnapshot): boolean =>
  snapshot.messages.some((m) => m.role === 'customer' && m.text.trim().length > 0);

/** The analysis as the agent sees it after corrections: corrected type, dismissed cues removed. */
export function correctedAnalysis(
  analysis: ConversationAnalysis,
  corrections: Corrections,
): ConversationAnalysis {
  if (!hasCorrections(corrections) || !analysis.supported) return analysis;
  return {
    ...analysis,
    customerType: corrections.type ?? analysis.customerType,
    cues: analysis.cues.filter((hit) => !corrections.dismissedCues.includes(hit.cue)),
  };
}

/** The reply language: the agent's choice for this ticket, else the options rule. Undefined = none yet. */
export function replyLangFor(
  analysis: ConversationAnalysis | undefined,
  settings: Pick<Settings, 'replyLanguageRule' | 'fixedReplyLanguage'>,
  override: Lang | undefined,
): Lang | undefined {
  if (override) return override;
  if (settings.replyLanguageRule === 'fixed') return settings.fixedReplyLanguage;
  if (analysis?.supported && isLang(analysis.lang)) return analysis.lang;
  if (analysis?.supported) return normalizeLangHint(analysis.lang);
  return undefined;
}

/** The first name the reply will use: the agent's edit ('' = none), else the page's, else derived. */
export function customerFirstName(
  snapshot: TicketSnapshot | undefined,
  override: string | undefined,
): string | undefined {
  if (override !== undefined) return override.trim() || undefined;
  const requester = snapshot?.requester;
  return requester?.firstName?.trim() || firstNameOf(requester?.name);
}

export function fillContextFor(
  snapshot: TicketSnapshot | undefined,
  settings: Pick<Settings, 'agentName' | 'team'>,
  firstNameOverride: string | undefined,
): FillContext {
  const firstName = customerFirstName(snapshot, firstNameOverride);
  const agentName = settings.agentName.trim() || snapshot?.agent?.name;
  const agentFirst = settings.agentName.trim() ? firstNameOf(settings.agentName) : snapshot?.agent?.firstName;
  const team = Object.fromEntries(Object.entries(settings.team).filter(([, v]) => v.trim() !== ''));
  return {
    // With an explicit "no name" the full name must not sneak back in through customer.name.
    customer: firstName ? { name: snapshot?.requester?.name, firstName } : {},
    agent: { ...(agentName ? { name: agentName } : {}), ...(agentFirst ? { firstName: agentFirst } : {}) },
    ticket: {
      ...(snapshot?.ticketId ? { id: snapshot.ticketId } : {}),
      ...(snapshot?.subject ? { subject: snapshot.subject } : {}),
    },
    ...(Object.keys(team).length ? { team } : {}),
  };
}

export interface SuggestArgs {
  analysed: AnalysedSnapshot;
  snapshot: TicketSnapshot;
  corrections: Corrections;
  replyLang: Lang;
  source: PhraseSource;
  fill: FillContext;
  favourites: readonly string[];
  recent: readonly string[];
  perStage?: number;
}

const suggestMemo = new Memo<SuggestResult>(8);
let suggestRuns = 0;
export const suggestRunCount = (): number => suggestRuns;

export function suggestionsFor(args: SuggestArgs): SuggestResult {
  const key = [
    args.analysed.key,
    args.replyLang,
    args.source.version,
    args.corrections.type ?? '',
    [...args.corrections.dismissedCues].sort().join(','),
    args.favourites.join(','),
    args.recent.slice(0, 20).join(','),
    JSON.stringify(args.fill),
    args.snapshot.readAt,
    args.perStage ?? 3,
  ].join('|');
  return suggestMemo.get(key, () => {
    suggestRuns += 1;
    return suggest({
      analysis: args.analysed.analysis,
      messages: args.analysed.messages,
      subject: args.snapshot.subject,
      phrases: args.source.phrases,
      frames: args.source.frames,
      fill: args.fill,
      // The snapshot's read time, not Date.now(): stable keys, and "waited 3 days" as of the last read.
      now: args.snapshot.readAt,
      replyLang: args.replyLang,
      corrections: { type: args.corrections.type, dismissedCues: args.corrections.dismissedCues },
      favourites: [...args.favourites],
      recent: [...args.recent],
      perStage: args.perStage ?? 3,
    });
  });
}

/** Stages in display order: the leading ones first (as the engine ordered them), then the rest. */
export function shownStages(result: SuggestResult): Stage[] {
  const order: Stage[] = [];
  for (const lead of result.leading) {
    if (!order.includes(lead.stage) && result.byStage[lead.stage]?.length) order.push(lead.stage);
  }
  for (const stage of STAGES) {
    if (!order.includes(stage) && result.byStage[stage]?.length) order.push(stage);
  }
  return order;
}

export function clearMemos(): void {
  analysisMemo.clear();
  suggestMemo.clear();
}
