// Shapes of the suggestion engine's output (design.md 3.6), shared by the side panel and the suggest CLI.
import type { Register } from './analysis';
import type { Cue, CustomerType, Stage } from './taxonomy';

export interface Phrase {
  id: string;
  stage: Stage;
  lang: string;
  text: string;
  types?: CustomerType[];
  cues?: Cue[];
  tags?: string[];
  register?: Register;
}

export interface Frame {
  lang: string;
  greeting?: string;
  signoff?: string;
  register?: Register;
}

/** Values for placeholders. Missing ones are removed with their neighbouring space, never left as {{…}}. */
export interface FillContext {
  customer?: { name?: string; firstName?: string };
  agent?: { name?: string; firstName?: string };
  ticket?: { id?: string; subject?: string };
  team?: { name?: string; phone?: string; hours?: string };
  wait?: { duration?: string };
  fill?: { time?: string; date?: string; amount?: string };
}

/** Why a stage leads or a phrase ranks: machine id plus the cue/type/topic it came from. */
export interface Reason {
  kind: 'type' | 'cue' | 'topic' | 'wait' | 'repeat' | 'covered' | 'register' | 'favourite' | 'default';
  id: string;
  /** Extra words for display, e.g. the measured wait in English ("3 days") for kind `wait`. */
  detail?: string;
}

export interface Suggestion {
  stage: Stage;
  phraseId: string;
  lang: string;
  /** Filled as it would be inserted: no `{{`, no cursor mark. */
  text: string;
  /** UTF-16 offset in `text` where the caret goes after insert, when the phrase has {{cursor}}. */
  cursor?: number;
  /** Fill-in fields (`fill.time`, …) the agent should give before inserting. */
  needs: string[];
  tags: string[];
  score: number;
  reasons: Reason[];
  /** Human-readable reason in English for the CLI (the panel renders `reasons` in the UI language). */
  reason: string;
  packId?: string;
  /** The phrase text before filling, so compose() can fill it again once the agent gives a time or a name. */
  template?: string;
  /** Finnish te-form (`formal`) or sinä-form (`informal`) phrase; absent when the phrase fits both. */
  register?: Register;
}
