// Ironic thanks and praise, found by their shape rather than by fixed phrases: thanks whose object is a harm
// the company did ("thanks for losing my bag", «takk for at dere sendte den til feil adresse», "kiitos kun
// hukkasitte laukun"), a short sentence of praise right after such a harm ("Sent to the wrong address
// again. Great job."), thanks or praise for how quick or thorough the company was next to a harm or a long
// wait ("Waited an hour. Fast service."), thanks in a form used almost only ironically («Tack så hemskt mycket
// för att ni …»), praise that opens a sentence about a harm ("Brilliant, another missed delivery."), and
// praise said twice, raised the second time ("Brilliant. Absolutely brilliant."), praise closing a sentence
// about a wait from a customer nudging ("hello?? 40 min in the queue, really efficient"), and the company's
// own words echoed back with a dry yes ('"Resolved", you said. … Resolved, right.'). Praise inside an
// intensifier compound counts as the praise («Jättehjälpsamt.»). A complaint that opens with a turn ("Thanks
// for the quick delivery. Unfortunately…") keeps the praise sincere. Word lists are data
// (src/data/lexicon/irony.json).
import irony from '../../data/lexicon/irony.json';
import type { Lang } from '../taxonomy';
import { type CompiledLexicon, compileLexicon, type Hit, intensifierPrefixOf, matchLexicon } from './lexicon';
import type { Token } from './tokenize';

type Role =
  | 'thanks'
  | 'pointedThanks'
  | 'mishaps'
  | 'repair'
  | 'praise'
  | 'contrast'
  | 'turn'
  | 'quality'
  | 'another'
  | 'notAnother';
type IronyData = Record<Role, string[]> & { verdict: string[]; selves: string[]; echoes: string[] };

/** How many words after the thanks the harm may come ("thanks so much for once again losing …"). */
const REACH = 8;
/** Text that ends with a quotation just closed: «… normalt ut». », "… on again.' " */
const CLOSING_QUOTE = /["”»'’]\s*[.!]?\s*$/u;

/** A sentence of praise this short stands alone as a verdict ("Great job.", "Virkelig imponerende jobb."). */
const VERDICT_WORDS = 6;
/** At most this many filler words between a word of praise and its echo ("Brilliant. Absolutely brilliant."). */
const ECHO_GAP = 3;
/** What is left of a compound after its intensifier prefix must be this long to be read as a word of its own. */
const STEM_LETTERS = 4;

export interface IronySpan {
  weight: number;
  start: number;
  end: number;
}

interface CompiledIrony {
  lexicon: CompiledLexicon;
  /** Words that may stand beside the praise in a verdict sentence ("Really great job, guys."). */
  fillers: Set<string>;
  /** I and we: a mishap word right after one is something the customer did. */
  selves: Set<string>;
  /** The dry yes after an echo of the company's quoted word ("Resolved, right."). */
  echoes: Set<string>;
}
const cache = new Map<Lang, CompiledIrony>();

function ironyFor(lang: Lang, negators: Iterable<string>): CompiledIrony {
  let compiled = cache.get(lang);
  if (!compiled) {
    const { verdict, selves, echoes, ...roles } = (irony as unknown as Record<Lang, IronyData>)[lang];
    const cues = Object.fromEntries(
      Object.entries(roles).map(([role, patterns]) => [
        role,
        patterns.map((p) => [p, 1] as [string, number]),
      ]),
    );
    const lexicon = compileLexicon({
      lang,
      negators: [...negators],
      intensifiers: [],
      intensifierPrefixes: [],
      cues,
      positive: [],
      types: {},
    });
    compiled = { lexicon, fillers: new Set(verdict), selves: new Set(selves), echoes: new Set(echoes) };
    cache.set(lang, compiled);
  }
  return compiled;
}

/** What the rest of the analysis already knows about a message's sentences. */
export interface SentenceContext {
  /** Sentences that carry a complaint (frustration, disappointment, anger): praise next to them is ironic. */
  complaints?: ReadonlySet<number>;
  /**
   * Sentences about waiting ("an hour in the queue") or an earlier contact ("asked once already"): praise of
   * speed next to them is ironic.
   */
  waits?: ReadonlySet<number>;
  /** Sentences with the customer's thanks in them (the gratitude lexicon). */
  thanks?: ReadonlySet<number>;
}

/** The single 'turn' words of each language, read once. */
const turnWords = new Map<Lang, ReadonlySet<string>>();

/**
 * Whether a message turns, by one of the single 'turn' words ("but", "unfortunately", «men», «dessverre»,
 * «tyvärr», «mutta»): praise in it may be meant, beside the complaint.
 */
export function turnsIn(vocabulary: readonly string[], lang: Lang): boolean {
  let turns = turnWords.get(lang);
  if (!turns) {
    turns = new Set(
      (irony as unknown as Record<Lang, IronyData>)[lang].turn.filter((word) => !word.includes(' ')),
    );
    turnWords.set(lang, turns);
  }
  return vocabulary.some((word) => turns.has(word));
}

const overlaps = (a: Hit, b: Hit) => a.first <= b.last && b.first <= a.last;

/**
 * Spans of ironic thanks or praise in a message's own words (quotes already removed from `tokens`; `text` is
 * what their offsets point into, for the comma after an opening "Great,").
 */
export function findIrony(
  tokens: Token[],
  lang: Lang,
  { negators, intensifierPrefixes }: Pick<CompiledLexicon, 'negators' | 'intensifierPrefixes'>,
  text = '',
  { complaints = new Set(), waits = new Set(), thanks = new Set() }: SentenceContext = {},
): IronySpan[] {
  if (tokens.length < 3) return [];
  const { lexicon, fillers, selves, echoes } = ironyFor(lang, negators);
  const hits = matchLexicon(lexicon, tokens);
  // Praise in an intensifier compound is praise: «Jättehjälpsamt.», «Kjempeimponerende.», "Superhelpful."
  const stems = stemsOfCompounds(tokens, intensifierPrefixes);
  if (stems) {
    for (const hit of matchLexicon(lexicon, stems)) {
      const role = hit.entry.id;
      if (
        (role === 'praise' || role === 'quality') &&
        !hits.some((h) => h.entry.id === role && overlaps(h, hit))
      )
        hits.push(hit);
    }
  }
  const of = (role: Role) => hits.filter((h) => h.entry.id === role);
  const qualities = of('quality').filter((h) => !h.negated);
  // A negated repair is no repair: «brukte tre uker på å ikke svare»; nor is a word read as a harm
  // («ilmoittamatta», without telling, is no «ilmoit…»).
  const harmWords = of('mishaps');
  const repairs = of('repair').filter((h) => !h.negated && !harmWords.some((m) => overlaps(m, h)));
  // Repairs that are actions (fixed, refunded), not qualities (quick, thorough): thanks or praise for a quality
  // next to a harm is the irony looked for below, so there only an action makes them sincere.
  const actions = repairs.filter((h) => !qualities.some((q) => overlaps(q, h)));
  const actedIn = (sentence: number) => actions.some((h) => tokens[h.first].sentence === sentence);
  const contrasts = of('contrast');
  // A harm the customer did to themselves is no harm done by the company: "Great service! I forgot my wallet
  // and the waiter ran after me with it."
  const mishaps = harmWords.filter((m) => !(m.first > 0 && selves.has(tokens[m.first - 1].norm)));
  const repairedIn = (sentence: number) => repairs.some((h) => tokens[h.first].sentence === sentence);
  const between = (list: Hit[], from: number, to: number) => list.some((h) => h.first > from && h.first < to);
  const spans: IronySpan[] = [];
  /** Thanks already read as irony by an earlier shape. */
  const alreadyIronic = (thanks: Hit) => spans.some((s) => s.start === tokens[thanks.first].start);
  /** Praise inside a span an earlier shape already read as irony. */
  const insideIrony = (praise: Hit) =>
    spans.some((s) => s.start <= tokens[praise.first].start && tokens[praise.last].end <= s.end);

  for (const thanks of of('thanks')) {
    const sentence = tokens[thanks.first].sentence;
    if (repairedIn(sentence)) continue;
    const harm = mishaps.find(
      (m) =>
        !m.negated &&
        m.first > thanks.last &&
        m.first - thanks.last <= REACH &&
        tokens[m.first].sentence === sentence &&
        !between(contrasts, thanks.last, m.first),
    );
    if (harm) spans.push({ weight: 0.7, start: tokens[thanks.first].start, end: tokens[harm.last].end });
  }

  // Thanks in a form customers use almost only ironically («Tack så hemskt mycket för att ni …»): irony unless
  // the sentence says what was sincerely done or how kindly («… för att ni ordnade det så snabbt»).
  for (const thanks of of('pointedThanks')) {
    const sentence = tokens[thanks.first].sentence;
    if (repairedIn(sentence) || alreadyIronic(thanks)) continue;
    spans.push({ weight: 0.65, start: tokens[thanks.first].start, end: tokens[thanks.last].end });
  }

  const harmedSentences = new Set([
    ...complaints,
    ...mishaps.filter((m) => !m.negated).map((m) => tokens[m.first].sentence),
  ]);
  // The harm may come just after the praise ("Great job. Sent to the wrong address again.") or up to three
  // sentences before it: "Internet down. Again. No warning. Fantastic."
  // A complaint that opens with a turn ("Thanks for the quick delivery. Unfortunately the glass was cracked.")
  // or praise that does ("The box was crushed. But thanks for the quick refund.") means the praise was meant.
  const turnedIn = new Set(of('turn').map((h) => tokens[h.first].sentence));
  const harmedNextTo = (sentence: number, alsoWaits: boolean) =>
    [sentence + 1, sentence - 1, sentence - 2, sentence - 3].some(
      (n) =>
        (harmedSentences.has(n) || (alsoWaits && waits.has(n))) &&
        !repairedIn(n) &&
        !turnedIn.has(Math.max(n, sentence)),
    );

  // Thanks for how quick or thorough they were, next to a harm or a wait: "Never arrived. Thanks for the
  // quick and thorough handling." Thanks for an action ("for the quick refund") stay sincere.
  for (const thanks of of('thanks')) {
    const sentence = tokens[thanks.first].sentence;
    const quality = qualities.find(
      (q) => q.first > thanks.last && q.first - thanks.last <= REACH && tokens[q.first].sentence === sentence,
    );
    if (!quality || actedIn(sentence) || !harmedNextTo(sentence, true)) continue;
    if (alreadyIronic(thanks)) continue;
    spans.push({ weight: 0.65, start: tokens[thanks.first].start, end: tokens[quality.last].end });
  }

  // Praise opening a sentence that goes on to a harm: "Brilliant, another missed delivery.", «Strålende
  // service, nå er den kansellert igjen». Up to the comma only praise and filler words.
  const commaAfter = (i: number) => /^\s*[,–—-]/.test(text.slice(tokens[i].end, tokens[i + 1]?.start));
  const followUps = of('notAnother');
  const anothers = of('another').filter((a) => !followUps.some((f) => overlaps(f, a)));
  for (const praise of of('praise')) {
    const sentence = tokens[praise.first].sentence;
    let comma = praise.last + 1;
    while (
      comma < tokens.length &&
      tokens[comma].sentence === sentence &&
      !commaAfter(comma - 1) &&
      fillers.has(tokens[comma].norm)
    )
      comma++;
    const after = tokens[comma];
    const opening = tokens.filter((t, i) => t.sentence === sentence && i < praise.first);
    if (praise.negated || opening.some((t) => !fillers.has(t.norm)) || !after || after.sentence !== sentence)
      continue;
    if (!commaAfter(comma - 1)) continue;
    const harmHere =
      complaints.has(sentence) ||
      anothers.some((a) => a.first === comma) ||
      mishaps.some((m) => !m.negated && m.first > praise.last && tokens[m.first].sentence === sentence);
    if (!harmHere || actedIn(sentence) || contrasts.some((c) => tokens[c.first].sentence === sentence))
      continue;
    spans.push({ weight: 0.6, start: tokens[praise.first].start, end: tokens[praise.last].end });
  }

  // A customer nudging ("??") who thanks no one.
  const nudging = /\?\s*\?/.test(text) && of('thanks').length === 0 && thanks.size === 0;
  // Praise closing a sentence about a harm or a wait, after a comma: "40 minutes in the queue, really
  // efficient.", «3 veckor utan återbetalning, snabba ni e». From the comma on only praise and filler words.
  // Only from a customer nudging ("??", so no thanks in the message): "seen it twice now, fantastic" and "the
  // man I spoke to on Tuesday, absolutely fantastic" are praise.
  for (const praise of nudging ? [...of('praise'), ...qualities] : []) {
    if (praise.negated || insideIrony(praise)) continue;
    const sentence = tokens[praise.first].sentence;
    let end = praise.last + 1;
    while (end < tokens.length && tokens[end].sentence === sentence && fillers.has(tokens[end].norm)) end++;
    if (end < tokens.length && tokens[end].sentence === sentence) continue;
    let comma = praise.first;
    while (
      comma > 0 &&
      tokens[comma - 1].sentence === sentence &&
      !commaAfter(comma - 1) &&
      fillers.has(tokens[comma - 1].norm)
    )
      comma--;
    if (comma === 0 || tokens[comma - 1].sentence !== sentence || !commaAfter(comma - 1)) continue;
    if (
      !(complaints.has(sentence) || waits.has(sentence)) ||
      actedIn(sentence) ||
      contrasts.some((c) => tokens[c.first].sentence === sentence)
    )
      continue;
    spans.push({ weight: 0.6, start: tokens[praise.first].start, end: tokens[praise.last].end });
  }

  // Praise said again, raised the second time, opening the message or in one with a complaint: "Brilliant.
  // Absolutely brilliant.", «Flott. Helt flott.», "Great, just great." Only filler words may stand between
  // the two (one at least) and after the echo; thanks in the message or a repair next to it keep it sincere.
  const praises = of('thanks').length ? [] : of('praise').filter((h) => !h.negated);
  const wordsOf = (h: Hit) =>
    tokens
      .slice(h.first, h.last + 1)
      .map((t) => t.norm)
      .join(' ');
  for (const [i, first] of praises.entries()) {
    const echo = praises.slice(i + 1).find((h) => h.first > first.last && wordsOf(h) === wordsOf(first));
    if (!echo || echo.first - first.last > ECHO_GAP || echo.first === first.last + 1) continue;
    const sentence = tokens[first.first].sentence;
    const echoSentence = tokens[echo.first].sentence;
    if (first.first > 0 && harmedSentences.size === 0) continue;
    if ([sentence, echoSentence, echoSentence + 1].some(repairedIn)) continue;
    const after = tokens.slice(echo.last + 1).filter((t) => t.sentence === tokens[echo.last].sentence);
    if ([...tokens.slice(first.last + 1, echo.first), ...after].some((t) => !fillers.has(t.norm))) continue;
    if (echoSentence - sentence > 1) continue;
    spans.push({ weight: 0.7, start: tokens[first.first].start, end: tokens[echo.last].end });
  }

  // A verdict next to a wait is a verdict on the wait: "Waited an hour. Fast service.", "hello?? 20 mins
  // waiting on this chat. great service". Plain praise only from a customer nudging ("??") who thanks no one:
  // "The new card arrived today. Great." and "Thanks for yesterday. The fitter came at the agreed time. Good
  // work!" are sincere.
  // A verdict right after the company's words quoted back, in a message with a complaint and no thanks, is a
  // verdict on those words: "'Have you tried turning it off and on again.' Groundbreaking.", «Dere har svart
  // «alt ser normalt ut». Fantastisk.»
  const firstOf = (sentence: number) => tokens.find((t) => t.sentence === sentence) as Token;
  const afterQuote = (sentence: number) =>
    harmedSentences.size > 0 &&
    of('thanks').length === 0 &&
    thanks.size === 0 &&
    CLOSING_QUOTE.test(text.slice(0, firstOf(sentence).start));
  const verdictPraise = of('praise').filter((h) => !h.negated);
  for (const praise of [...of('praise'), ...qualities]) {
    const sentence = tokens[praise.first].sentence;
    const ofQuality = qualities.includes(praise);
    if (
      !(harmedNextTo(sentence, ofQuality || nudging) || afterQuote(sentence)) ||
      (ofQuality ? actedIn(sentence) : repairedIn(sentence))
    )
      continue;
    if (insideIrony(praise)) continue;
    // Only praise and filler words: "Great job." is a verdict on the service, "Great product." a mixed review.
    const rest = tokens.filter(
      (t, i) =>
        t.sentence === sentence &&
        (i < praise.first || i > praise.last) &&
        !fillers.has(t.norm) &&
        !qualities.some((q) => i >= q.first && i <= q.last) &&
        // Praise said twice in one verdict is still a verdict: "Great job, really great."
        !verdictPraise.some((p) => i >= p.first && i <= p.last),
    );
    const words = tokens.filter((t) => t.sentence === sentence).length;
    if (words > VERDICT_WORDS || rest.length > 0 || praise.negated) continue;
    if (contrasts.some((c) => tokens[c.first].sentence === sentence)) continue;
    spans.push({ weight: 0.6, start: tokens[praise.first].start, end: tokens[praise.last].end });
  }
  // Only in a message with a complaint: 'You asked "express" or "standard"? Express, sure.' is an answer.
  if (harmedSentences.size > 0) spans.push(...echoedWords(tokens, text, echoes));
  return spans;
}

/** Quotations in double quotes or guillemets: «…», "…", “…”, ”…” (single quotes pair with apostrophes). */
const QUOTATION = /[«"“”„]([^«»"“”„\n]{2,300})[»"”“]/gu;
/** The echoed word or two must be at least this long to be a word of theirs, not a filler. */
const ECHO_LETTERS = 4;

/**
 * The company's own word, quoted earlier, echoed back in a sentence of its own with a dry yes or a dry "so",
 * the comma before it optional: «Dere skrev at saken var «løst». … Løst, ja.», 'You said "resolved within 48
 * hours". … Resolved, right.', «… «høy prioritet» … Høy prioritet altså.» Three of three such sentences in the
 * labelled sets were sarcasm, none found by the other shapes (stop 33: three more of three, with «altså»).
 */
function echoedWords(tokens: Token[], text: string, echoes: ReadonlySet<string>): IronySpan[] {
  const spans: IronySpan[] = [];
  // Read only once a sentence ends in a dry yes, which most messages never have.
  let quotations: { end: number; words: string }[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const yes = tokens[i];
    // The yes ends its sentence, which holds one or two words before it (walked back, not filtered: a long
    // message must stay linear).
    if (!echoes.has(yes.norm) || tokens[i + 1]?.sentence === yes.sentence) continue;
    let first = i;
    while (first > 0 && i - first < 2 && tokens[first - 1].sentence === yes.sentence) first--;
    if (first === i || (first > 0 && tokens[first - 1].sentence === yes.sentence)) continue;
    const echoed = tokens.slice(first, i);
    const last = echoed[echoed.length - 1];
    if (!/^\s*,?\s*$/.test(text.slice(last.end, yes.start))) continue;
    const phrase = text.slice(echoed[0].start, last.end).toLowerCase();
    if (phrase.replace(/[^\p{L}]/gu, '').length < ECHO_LETTERS) continue;
    quotations ??= [...text.matchAll(QUOTATION)].map((m) => ({
      end: (m.index ?? 0) + m[0].length,
      words: m[1].toLowerCase(),
    }));
    const wordOf = new RegExp(
      `(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
      'u',
    );
    if (quotations.some((q) => q.end <= echoed[0].start && wordOf.test(q.words)))
      spans.push({ weight: 0.65, start: echoed[0].start, end: yes.end });
  }
  return spans;
}

/** The tokens with each intensifier compound cut to its stem ("jättehjälpsamt" → "hjälpsamt"), or undefined when there is none. */
function stemsOfCompounds(tokens: Token[], prefixes: readonly string[]): Token[] | undefined {
  let changed = false;
  const stems = tokens.map((token) => {
    const prefix = intensifierPrefixOf(token.norm, prefixes, STEM_LETTERS);
    if (!prefix) return token;
    changed = true;
    return { ...token, norm: token.norm.slice(prefix.length) };
  });
  return changed ? stems : undefined;
}
