// How long the customer has waited, measured from message times, and said in words in the customer's
// language ("tre dager", "två timmar", "kolme päivää", "over a week"), so an apology names the real wait.
import type { ConversationMessage } from '../analysis';

/**
 * Finnish only. `accusative` (default) fits a duration after a verb ("odottanut tunnin / kolme päivää"),
 * `nominative` a plain count ("yksi tunti"), `genitive` a noun phrase ("kolmen päivän odotus").
 */
export type GrammaticalCase = 'accusative' | 'nominative' | 'genitive';

export interface DurationOptions {
  grammaticalCase?: GrammaticalCase;
}

type Unit = 'hour' | 'day' | 'week' | 'month';

interface Amount {
  /** `under` = less than one unit, `over` = more than one unit (a vague "over a week"), else an exact count. */
  kind: 'count' | 'under' | 'over';
  count: number;
  unit: Unit;
}

/** Rounds a wait to what a person would say: hours under a day, days under a week, then weeks, months. */
export function roundDuration(hours: number): Amount {
  const safe = Number.isFinite(hours) && hours > 0 ? hours : 0;
  if (safe < 1) return { kind: 'under', count: 1, unit: 'hour' };
  if (safe < 23.5) return { kind: 'count', count: Math.max(1, Math.round(safe)), unit: 'hour' };
  const days = safe / 24;
  if (days < 6.5) return { kind: 'count', count: Math.max(1, Math.round(days)), unit: 'day' };
  if (days < 8) return { kind: 'count', count: 1, unit: 'week' };
  if (days < 14) return { kind: 'over', count: 1, unit: 'week' };
  if (days < 28) return { kind: 'count', count: Math.round(days / 7), unit: 'week' };
  if (days < 45) return { kind: 'over', count: 1, unit: 'month' };
  return { kind: 'count', count: Math.max(2, Math.round(days / 30)), unit: 'month' };
}

const EN_NUMBERS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const NB_NUMBERS = [
  '',
  'en',
  'to',
  'tre',
  'fire',
  'fem',
  'seks',
  'sju',
  'åtte',
  'ni',
  'ti',
  'elleve',
  'tolv',
];
const SV_NUMBERS = [
  '',
  'en',
  'två',
  'tre',
  'fyra',
  'fem',
  'sex',
  'sju',
  'åtta',
  'nio',
  'tio',
  'elva',
  'tolv',
];
const FI_NOMINATIVE = [
  '',
  'yksi',
  'kaksi',
  'kolme',
  'neljä',
  'viisi',
  'kuusi',
  'seitsemän',
  'kahdeksan',
  'yhdeksän',
  'kymmenen',
  'yksitoista',
  'kaksitoista',
];
const FI_GENITIVE = [
  '',
  'yhden',
  'kahden',
  'kolmen',
  'neljän',
  'viiden',
  'kuuden',
  'seitsemän',
  'kahdeksan',
  'yhdeksän',
  'kymmenen',
  'yhdentoista',
  'kahdentoista',
];

const word = (table: string[], n: number): string => table[n] ?? String(n);

const UNITS: Record<'en' | 'nb' | 'sv', Record<Unit, [string, string]>> = {
  en: { hour: ['hour', 'hours'], day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'] },
  nb: { hour: ['time', 'timer'], day: ['dag', 'dager'], week: ['uke', 'uker'], month: ['måned', 'måneder'] },
  sv: {
    hour: ['timme', 'timmar'],
    day: ['dag', 'dagar'],
    week: ['vecka', 'veckor'],
    month: ['månad', 'månader'],
  },
};

// Finnish noun forms: nominative singular, genitive/accusative singular, partitive singular (after 2+).
const FI_UNITS: Record<Unit, { nom: string; gen: string; part: string }> = {
  hour: { nom: 'tunti', gen: 'tunnin', part: 'tuntia' },
  day: { nom: 'päivä', gen: 'päivän', part: 'päivää' },
  week: { nom: 'viikko', gen: 'viikon', part: 'viikkoa' },
  month: { nom: 'kuukausi', gen: 'kuukauden', part: 'kuukautta' },
};

function formatScandinavian(amount: Amount, lang: 'nb' | 'sv'): string {
  const [one, many] = UNITS[lang][amount.unit];
  const numbers = lang === 'nb' ? NB_NUMBERS : SV_NUMBERS;
  if (amount.kind === 'under') return lang === 'nb' ? `under en ${one}` : `under en ${one}`;
  if (amount.kind === 'over') return lang === 'nb' ? `over en ${one}` : `över en ${one}`;
  return amount.count === 1 ? `en ${one}` : `${word(numbers, amount.count)} ${many}`;
}

function formatEnglish(amount: Amount): string {
  const [one, many] = UNITS.en[amount.unit];
  const article = amount.unit === 'hour' ? 'an' : 'a';
  if (amount.kind === 'under') return `less than ${article} ${one}`;
  if (amount.kind === 'over') return `over ${article} ${one}`;
  return amount.count === 1 ? `${article} ${one}` : `${word(EN_NUMBERS, amount.count)} ${many}`;
}

function formatFinnish(amount: Amount, grammaticalCase: GrammaticalCase): string {
  const forms = FI_UNITS[amount.unit];
  // "alle tunnin" / "yli viikon": the postposition takes the genitive whatever the sentence case.
  if (amount.kind === 'under') return `alle ${forms.gen}`;
  if (amount.kind === 'over') return `yli ${forms.gen}`;
  if (grammaticalCase === 'genitive') {
    return amount.count === 1 ? forms.gen : `${word(FI_GENITIVE, amount.count)} ${forms.gen}`;
  }
  if (amount.count === 1) return grammaticalCase === 'nominative' ? `yksi ${forms.nom}` : forms.gen;
  return `${word(FI_NOMINATIVE, amount.count)} ${forms.part}`;
}

/** A wait in words in `lang` (nb, sv, fi, en; anything else falls back to English). */
export function formatDuration(hours: number, lang: string, options: DurationOptions = {}): string {
  const amount = roundDuration(hours);
  if (lang === 'nb' || lang === 'sv') return formatScandinavian(amount, lang);
  if (lang === 'fi') return formatFinnish(amount, options.grammaticalCase ?? 'accusative');
  return formatEnglish(amount);
}

export interface WaitMeasure {
  /**
   * Hours since the first customer message that no agent has answered yet (what the customer has
   * actually waited), when times are known and the last customer message is unanswered.
   */
  hours?: number;
  /** Hours since the customer's very last message, when it is unanswered. */
  sinceLast?: number;
  /** Customer messages in a row at the end, after the last agent reply (notes do not count). */
  inRow: number;
}

const parseTime = (iso: string | undefined): number | undefined => {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

export function measureWait(
  messages: readonly Pick<ConversationMessage, 'role' | 'at'>[],
  now?: string,
): WaitMeasure {
  const unanswered: (number | undefined)[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message.role === 'agent') break;
    if (message.role === 'customer') unanswered.unshift(parseTime(message.at));
  }
  const inRow = unanswered.length;
  const nowMs = parseTime(now);
  if (inRow === 0 || nowMs === undefined) return { inRow };
  const known = unanswered.filter((ms): ms is number => ms !== undefined);
  if (known.length === 0) return { inRow };
  const toHours = (ms: number) => Math.max(0, (nowMs - ms) / 3_600_000);
  const last = unanswered[unanswered.length - 1];
  return {
    hours: toHours(Math.min(...known)),
    sinceLast: last === undefined ? undefined : toHours(last),
    inRow,
  };
}
