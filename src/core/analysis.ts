// Shapes of the classifier's output (design.md 3.1). The CLI prints these as they are.
import type { Cue, CustomerType, Lang } from './taxonomy';

export interface Evidence {
  /** UTF-16 offsets into the analysed text (into messages[message].text for a conversation). */
  start: number;
  end: number;
  text: string;
  /** Index into the conversation's messages; absent for a single text. */
  message?: number;
}

export interface CueHit {
  cue: Cue;
  /** 0..1: how sure the classifier is that the cue is present. */
  score: number;
  /** Conversation only (design.md 3.1): the message the evidence is from — the latest one that shows the cue. */
  message?: number;
  evidence: Evidence[];
}

export type Register = 'formal' | 'informal';

export interface LanguageGuess {
  /** One of the four supported languages, or a detected other code (`da`, `de`, …), or `und`. */
  lang: Lang | string;
  supported: boolean;
  confidence: number;
  /** `nn` when a Norwegian text is written in nynorsk (analysed as `nb`). */
  variant?: 'nn';
}

export interface Analysis {
  lang: Lang | string;
  supported: boolean;
  langConfidence: number;
  variant?: 'nn';
  /** null when the language is not supported or there is no customer text. */
  customerType: CustomerType | null;
  confidence: number;
  scores: Record<CustomerType, number>;
  cues: CueHit[];
  /**
   * Why this type: the customer's words that point to it (type markers and the words the model leaned on),
   * from the latest customer message that has any. Absent for neutral, for unsupported languages and when no
   * word stands out.
   */
  typeEvidence?: Evidence[];
  /** Finnish only: te-form (formal) or sinä-form (informal) writer, when the text shows it. */
  register?: Register;
  /** The text was longer than the analysis bound and only its start (and end) were read. */
  truncated?: boolean;
}

export type Trajectory = 'escalating' | 'steady' | 'calming';

export interface ConversationMessage {
  role: 'customer' | 'agent' | 'note' | 'system';
  text: string;
  at?: string;
}

export interface ConversationAnalysis extends Analysis {
  trajectory: Trajectory;
  /** One per customer message, oldest first: 0 calm .. 1 very heated. */
  temperatures: { message: number; value: number }[];
  /** Index of the customer's last message, if any. */
  lastCustomerMessage?: number;
}
