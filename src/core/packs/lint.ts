// Advice on a valid pack: nothing here stops a pack from loading, it tells a team lead what agents will miss.
import { CUSTOMER_TYPES, STAGES, TOPICS } from '../taxonomy';
import type { Pack } from './schema';
import { findPlaceholders } from './text';
import { type Problem, type ProblemCode, readablePath } from './validate';

const PLACEHOLDER_NOTES: Record<string, string> = {
  'team.name':
    'is filled from the team settings (policy teamName or the options page); without them it is left out',
  'team.phone':
    'is filled from the team settings (policy teamPhone or the options page); without them it is left out',
  'team.hours':
    'is filled from the team settings (policy teamHours or the options page); without them it is left out',
  'wait.duration':
    'is filled only when the ticket shows how long the customer has waited; otherwise it is left out',
  'ticket.subject': 'is filled only when the helpdesk page shows a subject (chats often have none)',
};

export function lintPack(pack: Pack): Problem[] {
  const warnings: Problem[] = [];
  const warn = (code: ProblemCode, pointer: string, message: string, phraseId?: string) =>
    warnings.push({ severity: 'warning', code, pointer, path: readablePath(pointer), phraseId, message });

  if (!pack.approvedBy || !pack.approvedAt)
    warn(
      'not-approved',
      '',
      'not marked as approved: set approvedBy and approvedAt before you distribute it',
    );

  const byLang = new Map<string, number[]>();
  pack.phrases.forEach((phrase, index) => {
    byLang.set(phrase.lang, [...(byLang.get(phrase.lang) ?? []), index]);
  });
  for (const lang of pack.languages) {
    if (!byLang.has(lang))
      warn('empty-language', '/languages', `"${lang}" is listed in languages but has no phrases`);
  }

  // Translations: phrases share a key when their ids differ only by the leading "<lang>." part.
  if (pack.languages.length > 1) {
    const keys = new Map<string, { langs: Set<string>; first: number }>();
    pack.phrases.forEach((phrase, index) => {
      if (!phrase.id.startsWith(`${phrase.lang}.`)) return;
      const key = phrase.id.slice(phrase.lang.length + 1);
      const entry = keys.get(key) ?? { langs: new Set<string>(), first: index };
      entry.langs.add(phrase.lang);
      keys.set(key, entry);
    });
    for (const [key, { langs, first }] of keys) {
      const missing = pack.languages.filter((lang) => !langs.has(lang));
      if (missing.length > 0) {
        warn(
          'missing-translation',
          `/phrases/${first}`,
          `no ${missing.join(', ')} translation of "${key}" (found in ${[...langs].join(', ')})`,
          pack.phrases[first].id,
        );
      }
    }
  }

  // Coverage: for each language, which stages have nothing, then which types are left without a stage.
  for (const [lang, indexes] of byLang) {
    const phrases = indexes.map((i) => pack.phrases[i]);
    const emptyStages = STAGES.filter((stage) => !phrases.some((p) => p.stage === stage));
    if (emptyStages.length > 0)
      warn('stage-gap', '/phrases', `${lang}: no phrases at stage ${emptyStages.join(', ')}`);
    for (const type of CUSTOMER_TYPES) {
      const gaps = STAGES.filter(
        (stage) =>
          !emptyStages.includes(stage) &&
          !phrases.some((p) => p.stage === stage && (!p.types?.length || p.types.includes(type))),
      );
      if (gaps.length > 0)
        warn('stage-gap', '/phrases', `${lang}: no phrase for type "${type}" at stage ${gaps.join(', ')}`);
    }
  }

  const topics = TOPICS as readonly string[];
  const placeholderUses = new Map<string, { count: number; first: number }>();
  const seenText = new Map<string, number>();
  pack.phrases.forEach((phrase, index) => {
    for (const [t, tag] of (phrase.tags ?? []).entries()) {
      if (!topics.includes(tag)) {
        warn(
          'custom-tag',
          `/phrases/${index}/tags/${t}`,
          `custom tag "${tag}" is not a shared topic (${TOPICS.join(', ')}); tickets are never matched to it by topic`,
          phrase.id,
        );
      }
    }
    for (const use of findPlaceholders(phrase.text)) {
      const entry = placeholderUses.get(use.name) ?? { count: 0, first: index };
      entry.count++;
      placeholderUses.set(use.name, entry);
    }
    const normalized = `${phrase.lang}\u0000${phrase.text.trim().replace(/\s+/g, ' ').toLowerCase()}`;
    const earlier = seenText.get(normalized);
    if (earlier !== undefined) {
      warn(
        'duplicate-text',
        `/phrases/${index}/text`,
        `same text as phrases[${earlier}] (${pack.phrases[earlier].id})`,
        phrase.id,
      );
    } else seenText.set(normalized, index);
  });
  for (const [name, { count, first }] of placeholderUses) {
    const note = PLACEHOLDER_NOTES[name];
    if (note) {
      warn(
        'placeholder-needs-value',
        `/phrases/${first}/text`,
        `{{${name}}} (in ${count} phrase${count === 1 ? '' : 's'}) ${note}`,
        pack.phrases[first].id,
      );
    }
  }

  if (pack.frames && pack.frames.length > 0) {
    for (const lang of pack.languages) {
      if (!pack.frames.some((frame) => frame.lang === lang))
        warn(
          'no-frame',
          '/frames',
          `no frame (greeting and sign-off) for "${lang}"; agents get the built-in one`,
        );
    }
  }
  return warnings;
}
