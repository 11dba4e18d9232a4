import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS as PLACEHOLDER_NAMES } from '../../src/core/packs/schema';
import { CUES as CUE_IDS, CUSTOMER_TYPES, STAGES as STAGE_IDS, TOPICS } from '../../src/core/taxonomy';

// The allowed ids are the contract's (design.md sections 2 and 3.3), from the one place the code keeps them.
const STAGES: readonly string[] = STAGE_IDS;
const TYPES: readonly string[] = CUSTOMER_TYPES;
const CUES: readonly string[] = CUE_IDS;
const TAGS: readonly string[] = TOPICS;
const PLACEHOLDERS: readonly string[] = PLACEHOLDER_NAMES;
const REGISTERS = ['informal', 'formal'];
const LANGS = ['nb', 'sv', 'fi', 'en'] as const;
const MIN_PHRASES = 130;

interface Phrase {
  id: string;
  stage: string;
  lang: string;
  text: string;
  types?: string[];
  cues?: string[];
  tags?: string[];
  register?: string;
}

interface Frame {
  lang: string;
  greeting: string;
  signoff: string;
  register?: string;
}

interface Pack {
  schemaVersion: number;
  id: string;
  name: string;
  version: string;
  publisher: string;
  languages: string[];
  frames: Frame[];
  phrases: Phrase[];
}

const placeholderPattern = /{{\s*([\w.]+)\s*}}/g;

function readPackText(lang: string): string {
  return readFileSync(new URL(`../../src/data/packs/builtin-${lang}.json`, import.meta.url), 'utf8');
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(placeholderPattern)].map((match) => match[1] ?? '');
}

/** Slug without the Finnish formal suffix, so `fi.ask.details` and `fi.ask.details-te` share one. */
function baseSlug(id: string): string {
  return id.split('.').slice(2).join('.').replace(/-te$/, '');
}

describe.each(LANGS)('built-in pack %s', (lang) => {
  const pack = JSON.parse(readPackText(lang)) as Pack;
  const phrases = pack.phrases;

  it('has the pack header of schemaVersion 1', () => {
    expect(pack.schemaVersion).toBe(1);
    expect(pack.id).toBe(`calmdesk-builtin-${lang}`);
    expect(pack.languages).toEqual([lang]);
    expect(pack.publisher).toBe('Calmdesk');
    expect(pack.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pack.name.length).toBeGreaterThan(0);
  });

  it('has greeting and signoff frames in its language', () => {
    expect(pack.frames.length).toBeGreaterThan(0);
    for (const frame of pack.frames) {
      expect(frame.lang).toBe(lang);
      expect(frame.greeting.trim().length).toBeGreaterThan(0);
      expect(frame.signoff.trim().length).toBeGreaterThan(0);
      for (const name of placeholdersIn(frame.greeting + frame.signoff)) {
        expect(PLACEHOLDERS, `frame placeholder ${name}`).toContain(name);
      }
    }
    if (lang === 'fi') {
      expect(pack.frames.map((frame) => frame.register).sort()).toEqual(['formal', 'informal']);
    }
  });

  it(`has at least ${MIN_PHRASES} phrases`, () => {
    expect(phrases.length).toBeGreaterThanOrEqual(MIN_PHRASES);
    if (lang === 'fi') {
      expect(new Set(phrases.map((phrase) => baseSlug(phrase.id))).size).toBeGreaterThanOrEqual(MIN_PHRASES);
    }
  });

  it('has unique ids of the form <lang>.<stage>.<slug>', () => {
    const ids = phrases.map((phrase) => phrase.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
    for (const phrase of phrases) {
      expect(phrase.id).toMatch(new RegExp(`^${lang}\\.${phrase.stage}\\.[a-z0-9-]+$`));
      expect(phrase.lang).toBe(lang);
    }
  });

  it('uses only known stages, types, cues, tags and registers', () => {
    for (const phrase of phrases) {
      expect(STAGES, phrase.id).toContain(phrase.stage);
      for (const type of phrase.types ?? []) expect(TYPES, phrase.id).toContain(type);
      for (const cue of phrase.cues ?? []) expect(CUES, phrase.id).toContain(cue);
      for (const tag of phrase.tags ?? []) expect(TAGS, phrase.id).toContain(tag);
      if (phrase.register !== undefined) {
        expect(lang, `${phrase.id} has a register outside Finnish`).toBe('fi');
        expect(REGISTERS, phrase.id).toContain(phrase.register);
      }
    }
  });

  it('keeps texts plain, short and with known placeholders only', () => {
    for (const phrase of phrases) {
      const { text, id } = phrase;
      expect(text.trim().length, id).toBeGreaterThan(0);
      expect(text.length, id).toBeLessThan(600);
      expect(text, `${id} contains < or >`).not.toMatch(/[<>]/);
      for (const name of placeholdersIn(text)) expect(PLACEHOLDERS, `${id} placeholder`).toContain(name);
      // Every brace must belong to a well-formed placeholder.
      expect(text.replace(placeholderPattern, ''), `${id} stray braces`).not.toMatch(/[{}]/);
      expect(placeholdersIn(text).filter((name) => name === 'cursor').length, id).toBeLessThanOrEqual(1);
    }
  });

  it('covers every stage for every customer type', () => {
    const missing: string[] = [];
    for (const type of TYPES) {
      for (const stage of STAGES) {
        const covered = phrases.some(
          (phrase) =>
            phrase.stage === stage &&
            (!phrase.types || phrase.types.length === 0 || phrase.types.includes(type)),
        );
        if (!covered) missing.push(`${type}/${stage}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has phrases for the cues agents need most', () => {
    const cuesUsed = new Set(phrases.flatMap((phrase) => phrase.cues ?? []));
    for (const cue of [
      'repeatContact',
      'hardship',
      'escalation',
      'churn',
      'threat',
      'abuse',
      'gratitude',
      'confusion',
      'worry',
      'urgency',
    ]) {
      expect(cuesUsed, cue).toContain(cue);
    }
    const texts = phrases.map((phrase) => phrase.text).join('\n');
    expect(texts).toContain('{{wait.duration}}');
    expect(texts).toContain('{{fill.time}}');
  });

  it('has topic-specific restate, apologize, solve and expectations phrases for each topic', () => {
    const missing: string[] = [];
    for (const tag of TAGS.filter((tag) => tag !== 'general')) {
      for (const stage of ['restate', 'apologize', 'solve', 'expectations']) {
        if (!phrases.some((phrase) => phrase.stage === stage && phrase.tags?.includes(tag))) {
          missing.push(`${tag}/${stage}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  if (lang === 'fi') {
    it('pairs every Finnish phrase with a register with its counterpart in the other register', () => {
      const byId = new Map(phrases.map((phrase) => [phrase.id, phrase]));
      const problems: string[] = [];
      for (const phrase of phrases) {
        if (phrase.register === undefined) {
          if (phrase.id.endsWith('-te')) problems.push(`${phrase.id} ends in -te but has no register`);
          continue;
        }
        const isFormalId = phrase.id.endsWith('-te');
        const expectedRegister = isFormalId ? 'formal' : 'informal';
        if (phrase.register !== expectedRegister) problems.push(`${phrase.id} should be ${expectedRegister}`);
        const counterpartId = isFormalId ? phrase.id.slice(0, -3) : `${phrase.id}-te`;
        const counterpart = byId.get(counterpartId);
        if (!counterpart) problems.push(`${phrase.id} has no ${counterpartId}`);
        else if (counterpart.register === undefined || counterpart.register === phrase.register) {
          problems.push(`${counterpartId} must have the other register than ${phrase.id}`);
        } else if (counterpart.stage !== phrase.stage) {
          problems.push(`${counterpartId} is in another stage than ${phrase.id}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('built-in packs across languages', () => {
  it('share slugs for the same intent so missing translations stand out', () => {
    const slugsOf = (lang: string) =>
      new Set((JSON.parse(readPackText(lang)) as Pack).phrases.map((phrase) => baseSlug(phrase.id)));
    const english = slugsOf('en');
    for (const lang of ['nb', 'sv', 'fi']) {
      const other = slugsOf(lang);
      const shared = [...english].filter((slug) => other.has(slug));
      // Languages may add their own phrases, but most of the English intents must exist in each.
      expect(shared.length / english.size, lang).toBeGreaterThan(0.9);
    }
  });
});
