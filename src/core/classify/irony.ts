// Ironic thanks and praise, found by their shape rather than by fixed phrases: thanks whose object is a harm
// the company did ("thanks for losing my bag", «takk for at dere sendte den til feil adresse», "kiitos kun
// hukkasitte laukun"), and a short sentence of praise right after such a harm ("Sent to the wrong address
// again. Great job."). Word lists are data (src/data/lexicon/irony.json).
import irony from '../../data/lexicon/irony.json';
import type { Lang } from '../taxonomy';
import { type CompiledLexicon, compileLexicon, type Hit, matchLexicon } from './lexicon';
import type { Token } from './tokenize';

type Role = 'thanks' | 'mishaps' | 'repair' | 'praise' | 'contrast';
type IronyData = Record<Role, string[]> & { verdict: string[] };

/** How many words after the thanks the harm may come ("thanks so much for once again losing …"). */
const REACH = 8;
/** A sentence of praise this short stands alone as a verdict ("Great job.", "Virkelig imponerende jobb."). */
const VERDICT_WORDS = 6;

export interface IronySpan {
  weight: number;
  start: number;
  end: number;
}

interface CompiledIrony {
  lexicon: CompiledLexicon;
  /** Words that may stand beside the praise in a verdict sentence ("Really great job, guys."). */
  fillers: Set<string>;
}
const cache = new Map<Lang, CompiledIrony>();

function ironyFor(lang: Lang, negators: Iterable<string>): CompiledIrony {
  let compiled = cache.get(lang);
  if (!compiled) {
    const { verdict, ...roles } = (irony as unknown as Record<Lang, IronyData>)[lang];
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
    compiled = { lexicon, fillers: new Set(verdict) };
    cache.set(lang, compiled);
  }
  return compiled;
}

/**
 * Spans of ironic thanks or praise in a message's own words (quotes already removed from `tokens`).
 * `complaints`: sentence numbers that already carry a complaint (frustration, disappointment, anger), which
 * make a verdict of praise right after them ironic just as a named harm does.
 */
export function findIrony(
  tokens: Token[],
  lang: Lang,
  negators: Iterable<string>,
  complaints: ReadonlySet<number> = new Set(),
): IronySpan[] {
  if (tokens.length < 3) return [];
  const { lexicon, fillers } = ironyFor(lang, negators);
  const hits = matchLexicon(lexicon, tokens);
  const of = (role: Role) => hits.filter((h) => h.entry.id === role);
  // A negated repair is no repair: «brukte tre uker på å ikke svare».
  const repairs = of('repair').filter((h) => !h.negated);
  const contrasts = of('contrast');
  const mishaps = of('mishaps');
  const repairedIn = (sentence: number) => repairs.some((h) => tokens[h.first].sentence === sentence);
  const between = (list: Hit[], from: number, to: number) => list.some((h) => h.first > from && h.first < to);
  const spans: IronySpan[] = [];

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

  const harmedSentences = new Set([
    ...complaints,
    ...mishaps.filter((m) => !m.negated).map((m) => tokens[m.first].sentence),
  ]);
  for (const praise of of('praise')) {
    const sentence = tokens[praise.first].sentence;
    // The harm may come just before the verdict or just after it ("Great job. Sent to the wrong address again.").
    const harmed = [sentence - 1, sentence + 1].filter((n) => harmedSentences.has(n) && !repairedIn(n));
    if (harmed.length === 0 || repairedIn(sentence)) continue;
    // Only praise and filler words: "Great job." is a verdict on the service, "Great product." a mixed review.
    const rest = tokens.filter(
      (t, i) => t.sentence === sentence && (i < praise.first || i > praise.last) && !fillers.has(t.norm),
    );
    const words = tokens.filter((t) => t.sentence === sentence).length;
    if (words > VERDICT_WORDS || rest.length > 0 || praise.negated) continue;
    if (contrasts.some((c) => tokens[c.first].sentence === sentence)) continue;
    spans.push({ weight: 0.6, start: tokens[praise.first].start, end: tokens[praise.last].end });
  }
  return spans;
}
