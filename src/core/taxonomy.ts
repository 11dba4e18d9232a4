// Ids of design.md section 2. They are a contract (CLI output, test ids, packs): never rename.

export const CUSTOMER_TYPES = [
  'angry',
  'impatient',
  'demanding',
  'knowItAll',
  'indecisive',
  'talkative',
  'intimidating',
  'neutral',
] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const CUES = [
  'anger',
  'frustration',
  'urgency',
  'disappointment',
  'worry',
  'confusion',
  'sarcasm',
  'threat',
  'abuse',
  'escalation',
  'churn',
  'repeatContact',
  'hardship',
  'gratitude',
  'shouting',
] as const;
export type Cue = (typeof CUES)[number];

export const STAGES = [
  'acknowledge',
  'restate',
  'empathize',
  'apologize',
  'solve',
  'ask',
  'expectations',
  'boundary',
  'escalate',
  'followUp',
  'close',
] as const;
export type Stage = (typeof STAGES)[number];

export const TOPICS = [
  'delivery',
  'billing',
  'account',
  'technical',
  'cancellation',
  'staff',
  'product',
  'general',
] as const;
export type Topic = (typeof TOPICS)[number];

export const LANGS = ['en', 'nb', 'sv', 'fi'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (value: unknown): value is Lang =>
  typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** Maps a helpdesk locale or user hint (`nb-NO`, `no`, `nn`, `sv_SE`, `fi`) to one of the four, or undefined. */
export function normalizeLangHint(hint: string | undefined | null): Lang | undefined {
  if (!hint) return undefined;
  const base = hint.toLowerCase().split(/[-_]/)[0];
  if (base === 'no' || base === 'nn' || base === 'nb') return 'nb';
  return isLang(base) ? base : undefined;
}
