// STUB: replaced by the real classifier (lead engineer). Signatures are the contract.
import type { Analysis, ConversationAnalysis, ConversationMessage } from '../analysis';
import { CUSTOMER_TYPES, type CustomerType } from '../taxonomy';

export interface AnalyzeOptions {
  /** Language hint (helpdesk locale or user choice): `nb`, `no`, `nn`, `sv`, `fi`, `en`, `sv-SE`… */
  lang?: string;
}

const zeroScores = () => Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, 0])) as Record<CustomerType, number>;

export function analyze(text: string, _options: AnalyzeOptions = {}): Analysis {
  return { lang: 'en', supported: true, langConfidence: 0.5, customerType: text ? 'neutral' : null, confidence: 0.5, scores: zeroScores(), cues: [] };
}

export function analyzeConversation(messages: ConversationMessage[], options: AnalyzeOptions = {}): ConversationAnalysis {
  const last = messages.map((m) => m.role).lastIndexOf('customer');
  return { ...analyze(messages[last]?.text ?? '', options), trajectory: 'steady', temperatures: [], lastCustomerMessage: last >= 0 ? last : undefined };
}
