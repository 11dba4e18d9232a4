import { readFileSync } from 'node:fs';
import type { Frame, Phrase } from '../src/core/suggestion';

export function loadBundledPhrases(): { phrases: (Phrase & { packId: string })[]; frames: Frame[] } {
  const phrases: (Phrase & { packId: string })[] = [];
  const frames: Frame[] = [];
  for (const lang of ['en', 'nb', 'sv', 'fi']) {
    const pack = JSON.parse(readFileSync(`src/data/packs/builtin-${lang}.json`, 'utf8'));
    for (const phrase of pack.phrases) phrases.push({ ...phrase, packId: pack.id });
    frames.push(...(pack.frames ?? []));
  }
  return { phrases, frames };
}
