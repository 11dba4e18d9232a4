import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CUES, CUSTOMER_TYPES, LANGS, STAGES, TOPICS } from '../../src/core/taxonomy';

// Format checks for the hand-labelled evaluation data under tests/data (not the classifier's accuracy).

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const NOW = Date.parse('2026-11-23T10:00:00Z');
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function readJsonl(relativePath: string): Record<string, unknown>[] {
  const lines = readFileSync(dataDir + relativePath, 'utf8').split('\n');
  const rows: Record<string, unknown>[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new Error(`${relativePath}:${index + 1} is not valid JSON: ${String(error)}`);
    }
    expect(
      typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed),
      `${relativePath}:${index + 1}`,
    ).toBe(true);
    rows.push(parsed as Record<string, unknown>);
  });
  return rows;
}

const isIn = (list: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && list.includes(value);

describe.each(LANGS)('labelled/%s.jsonl', (lang) => {
  const rows = readJsonl(`labelled/${lang}.jsonl`);

  it('has at least 110 messages with the expected fields', () => {
    expect(rows.length).toBeGreaterThanOrEqual(110);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['cues', 'id', 'lang', 'split', 'text', 'type']);
      expect(row.lang, String(row.id)).toBe(lang);
      expect(String(row.id)).toMatch(new RegExp(`^${lang}-\\d{3}$`));
      expect(typeof row.text === 'string' && row.text.trim().length > 0, String(row.id)).toBe(true);
      expect(isIn(['dev', 'test'], row.split), String(row.id)).toBe(true);
    }
  });

  it('has unique ids and texts', () => {
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(new Set(rows.map((row) => row.text)).size).toBe(rows.length);
  });

  it('uses only taxonomy types and cues, without duplicates', () => {
    for (const row of rows) {
      expect(isIn(CUSTOMER_TYPES, row.type), `${row.id} type ${String(row.type)}`).toBe(true);
      expect(Array.isArray(row.cues), String(row.id)).toBe(true);
      const cues = row.cues as unknown[];
      for (const cue of cues) expect(isIn(CUES, cue), `${row.id} cue ${String(cue)}`).toBe(true);
      expect(new Set(cues).size, String(row.id)).toBe(cues.length);
    }
  });

  it('has every type at least 9 times, in both splits', () => {
    for (const type of CUSTOMER_TYPES) {
      const ofType = rows.filter((row) => row.type === type);
      expect(ofType.length, type).toBeGreaterThanOrEqual(9);
      expect(
        ofType.some((row) => row.split === 'dev'),
        `${type} dev`,
      ).toBe(true);
      expect(
        ofType.some((row) => row.split === 'test'),
        `${type} test`,
      ).toBe(true);
    }
  });

  it('keeps the mix roughly as designed', () => {
    const share = (type: string) => rows.filter((row) => row.type === type).length / rows.length;
    expect(share('neutral')).toBeGreaterThanOrEqual(0.15);
    expect(share('angry')).toBeGreaterThanOrEqual(0.15);
    const testShare = rows.filter((row) => row.split === 'test').length / rows.length;
    expect(testShare).toBeGreaterThan(0.3);
    expect(testShare).toBeLessThan(0.5);
  });
});

describe('langid.jsonl', () => {
  const rows = readJsonl('langid.jsonl');
  const minimum: Record<string, number> = {
    en: 50,
    nb: 50,
    sv: 50,
    fi: 50,
    da: 40,
    nn: 25,
    de: 20,
    nl: 10,
    et: 10,
    und: 10,
  };

  it('has only text and lang, from the known codes', () => {
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['lang', 'text']);
      expect(typeof row.text === 'string' && row.text.length > 0).toBe(true);
      expect(Object.keys(minimum)).toContain(row.lang);
    }
    expect(new Set(rows.map((row) => row.text)).size).toBe(rows.length);
  });

  it('has the stated number per language, half of the supported ones short', () => {
    for (const [lang, count] of Object.entries(minimum)) {
      const ofLang = rows.filter((row) => row.lang === lang);
      expect(ofLang.length, lang).toBeGreaterThanOrEqual(count);
      if (isIn(LANGS, lang)) {
        const short = ofLang.filter((row) => {
          const length = (row.text as string).length;
          return length >= 15 && length <= 60;
        });
        expect(short.length * 2, `${lang} short`).toBeGreaterThanOrEqual(ofLang.length - 2);
      }
    }
  });
});

describe('conversations.jsonl', () => {
  const rows = readJsonl('conversations.jsonl');
  const conversationLangs = [...LANGS, 'nn'];

  it('has at least 12 per language, one nynorsk, unique ids', () => {
    for (const lang of LANGS)
      expect(rows.filter((row) => row.lang === lang).length, lang).toBeGreaterThanOrEqual(12);
    expect(rows.some((row) => row.lang === 'nn')).toBe(true);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('is well-formed', () => {
    for (const row of rows) {
      const id = String(row.id);
      expect(id).toMatch(/^conv-[a-z]{2}-\d{2}$/);
      expect(isIn(conversationLangs, row.lang), id).toBe(true);
      expect(id.startsWith(`conv-${row.lang}-`), id).toBe(true);
      expect(typeof row.subject === 'string' && row.subject.length > 0, id).toBe(true);
      expect(typeof row.customerName === 'string' && row.customerName.length > 0, id).toBe(true);
      const messages = row.messages as { role: unknown; text: unknown; at: unknown }[];
      expect(Array.isArray(messages) && messages.length > 0, id).toBe(true);
      let previous = 0;
      for (const message of messages) {
        expect(isIn(['customer', 'agent', 'note'], message.role), id).toBe(true);
        expect(typeof message.text === 'string' && message.text.length > 0, id).toBe(true);
        expect(message.at, id).toMatch(ISO_UTC);
        const at = Date.parse(message.at as string);
        expect(at, `${id} messages in time order`).toBeGreaterThan(previous);
        expect(at, `${id} before now`).toBeLessThan(NOW);
        previous = at;
      }
      expect(
        messages.some((message) => message.role === 'customer'),
        id,
      ).toBe(true);
    }
  });

  it('has expectations from the taxonomy, consistent with the messages', () => {
    for (const row of rows) {
      const id = String(row.id);
      const expectations = row.expect as Record<string, unknown>;
      const messages = row.messages as { role: string; at: string }[];
      expect(typeof expectations === 'object' && expectations !== null, id).toBe(true);
      for (const key of Object.keys(expectations)) {
        expect(['type', 'trajectory', 'topics', 'agentCovered', 'waitHours', 'register'], id).toContain(key);
      }
      if ('type' in expectations) expect(isIn(CUSTOMER_TYPES, expectations.type), id).toBe(true);
      if ('trajectory' in expectations) {
        expect(isIn(['escalating', 'steady', 'calming'], expectations.trajectory), id).toBe(true);
      }
      if ('topics' in expectations) {
        for (const topic of expectations.topics as unknown[])
          expect(isIn(TOPICS, topic), `${id} ${topic}`).toBe(true);
      }
      if ('agentCovered' in expectations) {
        const covered = expectations.agentCovered as unknown[];
        for (const stage of covered) expect(isIn(STAGES, stage), `${id} ${stage}`).toBe(true);
        if (covered.length > 0)
          expect(
            messages.some((message) => message.role === 'agent'),
            id,
          ).toBe(true);
      }
      const last = messages[messages.length - 1];
      if ('waitHours' in expectations) {
        expect(last.role, `${id} waitHours needs a customer message last`).toBe('customer');
        const hours = (NOW - Date.parse(last.at)) / 3_600_000;
        expect(expectations.waitHours as number, id).toBeCloseTo(hours, 1);
      }
      if ('register' in expectations) {
        expect(row.lang, id).toBe('fi');
        expect(isIn(['formal', 'informal'], expectations.register), id).toBe(true);
      }
    }
  });

  it('covers the required situations', () => {
    const expectations = rows.map((row) => row.expect as Record<string, unknown>);
    expect(expectations.some((e) => e.trajectory === 'escalating')).toBe(true);
    expect(expectations.some((e) => e.trajectory === 'calming')).toBe(true);
    const registers = rows
      .filter((row) => row.lang === 'fi')
      .map((row) => (row.expect as Record<string, unknown>).register);
    expect(registers).toContain('formal');
    expect(registers).toContain('informal');
    expect(
      rows.some((row) => (row.messages as { role: string }[]).some((message) => message.role === 'note')),
    ).toBe(true);
    const threeCustomerInARow = rows.some((row) => {
      const roles = (row.messages as { role: string }[]).map((message) => message.role).join(',');
      return roles.includes('customer,customer,customer');
    });
    expect(threeCustomerInARow).toBe(true);
  });
});
