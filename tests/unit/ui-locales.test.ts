import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import nb from '../../locales/nb.json';
import sv from '../../locales/sv.json';
import { CUES, CUSTOMER_TYPES, STAGES, TOPICS } from '../../src/core/taxonomy';

type Entry = string | Record<string, string>;
const LOCALES: Record<string, Record<string, Entry>> = { en, nb, sv, fi };
const params = (entry: Entry) =>
  [
    ...new Set(
      (typeof entry === 'string' ? [entry] : Object.values(entry)).flatMap((s) => s.match(/\{\w+\}/g) ?? []),
    ),
  ].sort();

describe('UI locales', () => {
  const keys = Object.keys(en).sort();

  it.each(Object.keys(LOCALES))('%s has exactly the English keys', (lang) => {
    expect(Object.keys(LOCALES[lang]).sort()).toEqual(keys);
  });

  it.each(Object.keys(LOCALES))('%s: no empty strings, same {params} and plural shape as English', (lang) => {
    for (const key of keys) {
      const entry = LOCALES[lang][key];
      const source = (en as Record<string, Entry>)[key];
      expect(typeof entry, key).toBe(typeof source);
      if (typeof entry === 'string') expect(entry.trim(), key).not.toBe('');
      else expect(Object.keys(entry), key).toContain('other');
      expect(params(entry), `${lang}:${key}`).toEqual(params(source));
    }
  });

  it('has a need sentence for every customer type and a label for every cue, stage and topic', () => {
    for (const type of CUSTOMER_TYPES) expect(en).toHaveProperty([`need.${type}`]);
    for (const cue of CUES) expect(en).toHaveProperty([`cue.${cue}`]);
    for (const stage of STAGES) expect(en).toHaveProperty([`stage.${stage}`]);
    for (const topic of TOPICS) expect(en).toHaveProperty([`topic.${topic}`]);
  });

  it('never shows an embarrassing label for a customer', () => {
    const all = Object.values(LOCALES)
      .flatMap((catalogue) => Object.entries(catalogue).filter(([key]) => key.startsWith('need.')))
      .map(([, value]) => String(value).toLowerCase());
    for (const word of [
      'difficult',
      'intimidating',
      'vanskelig kunde',
      'besvärlig',
      'hankala asiakas',
      'problem customer',
    ]) {
      expect(
        all.some((text) => text.includes(word)),
        word,
      ).toBe(false);
    }
  });

  it.each(['en', 'nb', 'sv', 'fi'])('_locales/%s has only extName and extDescription', (lang) => {
    const file = join(__dirname, '../../public/_locales', lang, 'messages.json');
    const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    expect(Object.keys(messages).sort()).toEqual(['extDescription', 'extName']);
    expect(messages.extName.message).toBe('Calmdesk');
    // Chrome's limit for a manifest description.
    expect(messages.extDescription.message.length).toBeLessThanOrEqual(132);
  });
});
