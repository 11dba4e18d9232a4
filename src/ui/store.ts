// The side panel's state (zustand). Inputs (snapshot, settings, phrases, corrections, reply language)
// come in through actions; the analysis and suggestions are derived in `recompute` through memoised
// pure functions, so nothing is recomputed unless one of its inputs changed.
import { create } from 'zustand';
import type { ConversationAnalysis } from '../core/analysis';
import type { InsertResult } from '../core/messages';
import { isUnreadable, type TicketSnapshot, type Unreadable } from '../core/snapshot';
import { fillTemplate } from '../core/suggest';
import type { FillContext, Suggestion } from '../core/suggestion';
import type { Cue, CustomerType, Lang, Stage } from '../core/taxonomy';
import { DEFAULT_SETTINGS, type Settings } from '../platform/settings';
import {
  type AnalysedSnapshot,
  analyseSnapshot,
  type Corrections,
  correctedAnalysis,
  fillContextFor,
  hasCorrections,
  hasCustomerMessage,
  NO_CORRECTIONS,
  replyLangFor,
  type SuggestResult,
  shownStages,
  suggestionsFor,
} from './derive';
import { browserLanguages, languageName, type Params, resolveUiLang, translate } from './i18n';
import { bundledSource, type PanelPhrase, type PhraseSource } from './phrases';
import { browserPorts, type PanelPorts } from './ports';
import { useUiLang } from './useT';

export type Phase = 'starting' | 'no-tab' | 'loading' | 'unreadable' | 'ticket' | 'error';
export type StatusState = 'ready' | 'no-ticket' | 'unsupported' | 'error' | 'loading';
export type FillField = 'fill.time' | 'fill.date' | 'fill.amount';
export type FillValues = Partial<Record<FillField, string>>;

export interface Status {
  state: StatusState;
  /** Finer reason for tests and styling: no-tab, unreadable, empty, loading, selection… */
  reason: string;
  sentence: string;
  hint?: string;
}

/** What a pending insert or copy needs before it can go: fill-in values or an internal-note confirmation. */
export interface PendingAction {
  action: 'insert' | 'copy';
  suggestion: Suggestion;
  fields: FillField[];
  /** The card that asked, so only that card opens the form. */
  origin?: string;
}

export interface PendingConfirm {
  text: string;
  cursor?: number;
  phraseIds: string[];
}

export interface PanelState {
  uiLang: Lang;
  tabId?: number;
  pinned: boolean;
  phase: Phase;
  snapshot?: TicketSnapshot;
  unreadable?: Unreadable;
  errorMessage?: string;
  /** ticketId (or the URL when the page shows none): corrections are kept per tab and ticket. */
  ticketKey?: string;
  settings: Settings;
  source: PhraseSource;
  corrections: Corrections;
  replyLangOverride?: Lang;
  /** The agent's edit of the first name; '' means "no name". */
  firstNameOverride?: string;

  analysed?: AnalysedSnapshot;
  /** The analysis with the agent's corrections applied (what the panel displays). */
  view?: ConversationAnalysis;
  replyLang?: Lang;
  result?: SuggestResult;
  stages: Stage[];

  activeCue?: Cue;
  composeOpen: boolean;
  pendingFill?: PendingAction;
  pendingConfirm?: PendingConfirm;
  live: { text: string; seq: number };
  searchQuery: string;
}

export interface PanelActions {
  setUiLang(lang: Lang): void;
  setTab(tabId: number | undefined, pinned?: boolean): void;
  setPhase(phase: Phase, errorMessage?: string): void;
  setSnapshot(snapshot: TicketSnapshot | Unreadable | undefined): void;
  setSettings(settings: Settings): void;
  setSource(source: PhraseSource): void;
  correctType(type: CustomerType): void;
  dismissCue(cue: Cue): void;
  resetCorrections(): void;
  setReplyLang(lang: Lang | undefined): void;
  setFirstName(name: string | undefined): void;
  showCue(cue: Cue | undefined): void;
  openCompose(open: boolean): void;
  setSearch(query: string): void;
  toggleFavourite(phraseId: string): void;
  insertSuggestion(suggestion: Suggestion, fill?: FillValues, origin?: string): Promise<void>;
  copySuggestion(suggestion: Suggestion, fill?: FillValues, origin?: string): Promise<void>;
  insertText(
    text: string,
    cursor: number | undefined,
    phraseIds: string[],
    allowInternal?: boolean,
  ): Promise<void>;
  copyText(text: string, phraseIds: string[]): Promise<void>;
  confirmInternal(yes: boolean): Promise<void>;
  cancelFill(): void;
  announce(key: string, params?: Params): void;
  closeDialogs(): boolean;
  topOfStage(index: number): Suggestion | undefined;
  phraseAsSuggestion(phrase: PanelPhrase): Suggestion;
}

export type PanelStore = PanelState & PanelActions;

export const FILL_FIELDS: FillField[] = ['fill.time', 'fill.date', 'fill.amount'];

/** Form values (`fill.time` …) as FillContext.fill, over any values already there. */
export function fillOf(values: FillValues, base?: FillContext['fill']): FillContext['fill'] {
  const fill = { ...base };
  if (values['fill.time']?.trim()) fill.time = values['fill.time'].trim();
  if (values['fill.date']?.trim()) fill.date = values['fill.date'].trim();
  if (values['fill.amount']?.trim()) fill.amount = values['fill.amount'].trim();
  return fill;
}
const RECENT_LIMIT = 20;

let ports: PanelPorts = browserPorts;
/** Tests swap the browser side effects for fakes. */
export function setPorts(next: PanelPorts): void {
  ports = next;
}

export function initialState(): PanelState {
  return {
    uiLang: resolveUiLang('auto', browserLanguages()),
    // Optional fields are listed so a reset (a merge in zustand) clears them too.
    tabId: undefined,
    snapshot: undefined,
    unreadable: undefined,
    errorMessage: undefined,
    ticketKey: undefined,
    replyLangOverride: undefined,
    firstNameOverride: undefined,
    analysed: undefined,
    view: undefined,
    replyLang: undefined,
    result: undefined,
    activeCue: undefined,
    pendingFill: undefined,
    pendingConfirm: undefined,
    pinned: false,
    phase: 'starting',
    settings: DEFAULT_SETTINGS,
    source: bundledSource(),
    corrections: NO_CORRECTIONS,
    stages: [],
    composeOpen: false,
    live: { text: '', seq: 0 },
    searchQuery: '',
  };
}

const ticketKeyOf = (snapshot: TicketSnapshot): string => snapshot.ticketId ?? snapshot.url.split('#')[0];

/** Recomputes the derived part; the memoised functions make unchanged inputs free. */
function derived(state: PanelState): Partial<PanelState> {
  const snapshot = state.snapshot;
  if (state.phase !== 'ticket' || !snapshot || !hasCustomerMessage(snapshot)) {
    return { analysed: undefined, view: undefined, replyLang: undefined, result: undefined, stages: [] };
  }
  const analysed = analyseSnapshot(snapshot);
  const view = correctedAnalysis(analysed.analysis, state.corrections);
  const replyLang = replyLangFor(analysed.analysis, state.settings, state.replyLangOverride);
  if (!replyLang) return { analysed, view, replyLang, result: undefined, stages: [] };
  const result = suggestionsFor({
    analysed,
    snapshot,
    corrections: state.corrections,
    replyLang,
    source: state.source,
    fill: fillContextFor(snapshot, state.settings, state.firstNameOverride),
    favourites: state.settings.favourites,
    recent: state.settings.recent,
  });
  return { analysed, view, replyLang, result, stages: shownStages(result) };
}

/** The status line: one plain sentence and what to do, plus the design.md 3.2 data-state. */
export function statusOf(state: PanelState): Status {
  const t = (key: string, params?: Params) => translate(state.uiLang, key, params);
  switch (state.phase) {
    case 'starting':
    case 'loading':
      return { state: 'loading', reason: 'loading', sentence: t('status.loading') };
    case 'no-tab':
      return {
        state: 'no-ticket',
        reason: 'no-tab',
        sentence: t('status.noTab'),
        hint: t('status.noTab.hint'),
      };
    case 'unreadable':
      // design.md 3.2 / issue 3: a page the adapter cannot read is `unsupported`, with the selection fallback.
      return {
        state: 'unsupported',
        reason: 'unreadable',
        sentence: t('status.unreadable'),
        hint: t('status.unreadable.hint'),
      };
    case 'error':
      return {
        state: 'error',
        reason: 'error',
        sentence: t('status.error', { message: state.errorMessage ?? '' }),
        hint: t('status.error.hint'),
      };
    case 'ticket':
      break;
  }
  if (!state.snapshot || !state.analysed) {
    return { state: 'no-ticket', reason: 'empty', sentence: t('status.empty'), hint: t('status.empty.hint') };
  }
  const analysis = state.analysed.analysis;
  if (!analysis.supported) {
    return {
      state: 'unsupported',
      reason: 'language',
      sentence: t('status.unsupported', { language: languageName(analysis.lang, state.uiLang) }),
      hint: t('status.unsupported.hint'),
    };
  }
  if (analysis.customerType === null) {
    return { state: 'no-ticket', reason: 'empty', sentence: t('status.empty'), hint: t('status.empty.hint') };
  }
  const selection = state.snapshot.helpdesk === 'selection';
  return {
    state: 'ready',
    reason: selection ? 'selection' : 'ready',
    sentence: selection ? t('status.selection') : t('status.ready'),
    hint: state.snapshot.truncated || analysis.truncated ? t('status.truncated') : undefined,
  };
}

export const usePanel = create<PanelStore>()((set, get) => {
  const update = (change: Partial<PanelState>) => {
    const next = { ...get(), ...change };
    set({ ...change, ...derived(next) });
  };

  const persistCorrections = (corrections: Corrections) => {
    const { tabId, ticketKey } = get();
    if (tabId === undefined || !ticketKey) return;
    void ports
      .saveCorrection(tabId, ticketKey, hasCorrections(corrections) ? corrections : undefined)
      .catch(() => {
        // storage.session full or gone: the correction still holds in memory for this panel.
      });
  };

  const noteUsed = (phraseIds: string[]) => {
    if (phraseIds.length === 0) return;
    const settings = get().settings;
    const recent = [...phraseIds, ...settings.recent.filter((id) => !phraseIds.includes(id))].slice(
      0,
      RECENT_LIMIT,
    );
    const next = { ...settings, recent };
    update({ settings: next });
    void ports.saveSettings({ recent }).catch(() => undefined);
  };

  const filledText = (suggestion: Suggestion, values: FillValues | undefined) => {
    if (!values || Object.keys(values).length === 0)
      return { text: suggestion.text, cursor: suggestion.cursor };
    const state = get();
    const template =
      suggestion.template ?? state.source.phrases.find((p) => p.id === suggestion.phraseId)?.text;
    if (!template) return { text: suggestion.text, cursor: suggestion.cursor };
    // The engine's fill context carries the measured wait; fall back to ours for search results.
    const base =
      state.result?.fill ?? fillContextFor(state.snapshot, state.settings, state.firstNameOverride);
    const result = fillTemplate(
      template,
      { ...base, fill: fillOf(values, base.fill) },
      { lang: suggestion.lang },
    );
    return { text: result.text, cursor: result.cursor };
  };

  const missingFields = (suggestion: Suggestion, values: FillValues | undefined) =>
    FILL_FIELDS.filter((field) => suggestion.needs.includes(field) && !values?.[field]?.trim());

  return {
    ...initialState(),

    setUiLang: (uiLang) => {
      useUiLang.getState().setLang(uiLang);
      set({ uiLang });
    },

    setTab: (tabId, pinned) => {
      if (tabId !== undefined && tabId === get().tabId && pinned === undefined) return;
      update({
        tabId,
        pinned: pinned ?? get().pinned,
        phase: tabId === undefined ? 'no-tab' : 'loading',
        snapshot: undefined,
        unreadable: undefined,
        ticketKey: undefined,
        corrections: NO_CORRECTIONS,
        replyLangOverride: undefined,
        firstNameOverride: undefined,
        activeCue: undefined,
        composeOpen: false,
        pendingFill: undefined,
        pendingConfirm: undefined,
      });
    },

    setPhase: (phase, errorMessage) => update({ phase, errorMessage }),

    setSnapshot: (snapshot) => {
      if (!snapshot) {
        update({
          phase: get().tabId === undefined ? 'no-tab' : 'loading',
          snapshot: undefined,
          unreadable: undefined,
        });
        return;
      }
      if (isUnreadable(snapshot)) {
        update({ phase: 'unreadable', unreadable: snapshot, snapshot: undefined });
        return;
      }
      const ticketKey = ticketKeyOf(snapshot);
      const sameTicket = ticketKey === get().ticketKey;
      update({
        phase: 'ticket',
        snapshot,
        unreadable: undefined,
        ticketKey,
        ...(sameTicket
          ? {}
          : {
              corrections: NO_CORRECTIONS,
              replyLangOverride: undefined,
              firstNameOverride: undefined,
              activeCue: undefined,
              pendingFill: undefined,
            }),
      });
      const tabId = get().tabId;
      if (!sameTicket && tabId !== undefined) {
        void ports
          .loadCorrection(tabId, ticketKey)
          .then((stored) => {
            // Only if the agent is still on that ticket and has not corrected anything meanwhile.
            if (stored && get().ticketKey === ticketKey && !hasCorrections(get().corrections)) {
              update({ corrections: stored });
            }
          })
          .catch(() => undefined);
      }
    },

    setSettings: (settings) => {
      const uiLang = resolveUiLang(settings.uiLanguage, browserLanguages());
      if (uiLang !== useUiLang.getState().lang) useUiLang.getState().setLang(uiLang);
      update({ settings, uiLang });
    },

    setSource: (source) => update({ source }),

    correctType: (type) => {
      const corrections = { ...get().corrections, type };
      update({ corrections });
      persistCorrections(corrections);
    },

    dismissCue: (cue) => {
      const current = get().corrections;
      if (current.dismissedCues.includes(cue)) return;
      const corrections = { ...current, dismissedCues: [...current.dismissedCues, cue] };
      update({ corrections, activeCue: get().activeCue === cue ? undefined : get().activeCue });
      persistCorrections(corrections);
    },

    resetCorrections: () => {
      update({ corrections: NO_CORRECTIONS });
      persistCorrections(NO_CORRECTIONS);
    },

    setReplyLang: (replyLangOverride) => update({ replyLangOverride }),

    setFirstName: (firstNameOverride) => update({ firstNameOverride }),

    showCue: (activeCue) => set({ activeCue: get().activeCue === activeCue ? undefined : activeCue }),

    openCompose: (composeOpen) => set({ composeOpen }),

    setSearch: (searchQuery) => set({ searchQuery }),

    toggleFavourite: (phraseId) => {
      const settings = get().settings;
      const favourites = settings.favourites.includes(phraseId)
        ? settings.favourites.filter((id) => id !== phraseId)
        : [...settings.favourites, phraseId];
      update({ settings: { ...settings, favourites } });
      void ports.saveSettings({ favourites }).catch(() => undefined);
    },

    insertSuggestion: async (suggestion, values, origin) => {
      const fields = missingFields(suggestion, values);
      if (fields.length > 0) {
        set({ pendingFill: { action: 'insert', suggestion, fields, origin } });
        return;
      }
      set({ pendingFill: undefined });
      const { text, cursor } = filledText(suggestion, values);
      await get().insertText(text, cursor, [suggestion.phraseId]);
    },

    copySuggestion: async (suggestion, values, origin) => {
      const fields = missingFields(suggestion, values);
      if (fields.length > 0) {
        set({ pendingFill: { action: 'copy', suggestion, fields, origin } });
        return;
      }
      set({ pendingFill: undefined });
      await get().copyText(filledText(suggestion, values).text, [suggestion.phraseId]);
    },

    insertText: async (text, cursor, phraseIds, allowInternal) => {
      const tabId = get().tabId;
      let result: InsertResult;
      try {
        if (tabId === undefined) throw new Error('no tab');
        result = await ports.sendInsert(tabId, {
          type: 'ui/insert',
          text,
          ...(cursor !== undefined ? { cursor } : {}),
          ...(allowInternal ? { allowInternal: true } : {}),
        });
      } catch {
        result = { ok: false };
      }
      if (result.needsConfirm === 'internal-note' && !allowInternal) {
        set({ pendingConfirm: { text, cursor, phraseIds } });
        return;
      }
      if (result.ok) {
        get().announce('insert.done');
        noteUsed(phraseIds);
        return;
      }
      const error = result.error?.trim() || translate(get().uiLang, 'insert.failed');
      try {
        await ports.copyText(text);
        get().announce('insert.fallback', { error });
        noteUsed(phraseIds);
      } catch {
        set({
          live: { text: `${error} ${translate(get().uiLang, 'insert.copyFailed')}`, seq: get().live.seq + 1 },
        });
      }
    },

    copyText: async (text, phraseIds) => {
      try {
        await ports.copyText(text);
        get().announce('insert.copied');
        noteUsed(phraseIds);
      } catch {
        get().announce('insert.copyFailed');
      }
    },

    confirmInternal: async (yes) => {
      const pending = get().pendingConfirm;
      set({ pendingConfirm: undefined });
      if (yes && pending) await get().insertText(pending.text, pending.cursor, pending.phraseIds, true);
    },

    cancelFill: () => set({ pendingFill: undefined }),

    announce: (key, params) =>
      set({ live: { text: translate(get().uiLang, key, params), seq: get().live.seq + 1 } }),

    closeDialogs: () => {
      const s = get();
      if (s.pendingConfirm) set({ pendingConfirm: undefined });
      else if (s.pendingFill) set({ pendingFill: undefined });
      else if (s.composeOpen) set({ composeOpen: false });
      else if (s.activeCue) set({ activeCue: undefined });
      else return false;
      return true;
    },

    topOfStage: (index) => {
      const { stages, result } = get();
      const stage = stages[index];
      return stage ? result?.byStage[stage]?.[0] : undefined;
    },

    phraseAsSuggestion: (phrase) => {
      const state = get();
      const fill = fillContextFor(state.snapshot, state.settings, state.firstNameOverride);
      const filled = fillTemplate(phrase.text, fill, { lang: phrase.lang, markMissingFills: true });
      return {
        template: phrase.text,
        ...(phrase.register ? { register: phrase.register } : {}),
        stage: phrase.stage,
        phraseId: phrase.id,
        lang: phrase.lang,
        text: filled.text,
        ...(filled.cursor !== undefined ? { cursor: filled.cursor } : {}),
        needs: filled.needs,
        tags: phrase.tags ?? [],
        score: 0,
        reasons: [],
        reason: '',
        ...(phrase.packId ? { packId: phrase.packId } : {}),
      };
    },
  };
});

/** Resets the store between tests or panel restarts. */
export function resetPanel(): void {
  usePanel.setState(initialState());
}
