// Precomputes English verb inflections for the lexicon's pattern heads with compromise, so the classifier
// gets "charged / charges / charging" from "charge" without loading an NLP library at run time (compromise
// needs ~4 s to conjugate the whole lexicon; the lookup table costs nothing). Run after editing en.json:
//   npx tsx scripts/gen-en-inflections.ts
import { readFileSync, writeFileSync } from 'node:fs';
import nlp from 'compromise';
import { englishPatternHeads } from '../src/core/classify/inflections';

const lexicon = JSON.parse(readFileSync('src/data/lexicon/en.json', 'utf8'));
const table: Record<string, string[]> = {};
for (const head of englishPatternHeads(lexicon)) {
  const doc = nlp(head);
  const forms =
    doc.has('#Verb') && !doc.has('#Noun')
      ? (doc.verbs().conjugate()[0] as Record<string, string> | undefined)
      : undefined;
  // Only true infinitives: "are" (be) and "ages" (age) would expand into unrelated phrases.
  table[head] =
    forms && forms.Infinitive === head
      ? [
          ...new Set(
            [forms.PastTense, forms.PresentTense, forms.Gerund].filter(
              (f) => f && !f.includes(' ') && f !== head,
            ),
          ),
        ]
      : [];
}
writeFileSync('src/data/lexicon/en-inflections.json', `${JSON.stringify(table, null, 0)}\n`);
console.log(
  `${Object.keys(table).length} heads, ${Object.values(table).filter((f) => f.length).length} verbs inflected`,
);
