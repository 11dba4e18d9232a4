// English pattern heads that may be verbs: the first token of a pattern when it is a plain word.
import type { LexiconData } from './lexicon';

export function englishPatternHeads(lexicon: LexiconData): string[] {
  const heads = new Set<string>();
  const lists = [
    ...Object.values(lexicon.cues),
    ...Object.values(lexicon.types ?? {}),
    lexicon.positive ?? [],
  ];
  for (const list of lists) {
    for (const [pattern] of list) {
      const head = pattern.toLowerCase().split(/\s+/)[0];
      if (/^[a-z]{3,}$/.test(head)) heads.add(head);
    }
  }
  return [...heads].sort();
}

export function expandWith(table: Record<string, string[]>) {
  return (pattern: string): string[] => {
    const [head, ...rest] = pattern.split(' ');
    return (table[head.toLowerCase()] ?? []).map((form) => [form, ...rest].join(' '));
  };
}
