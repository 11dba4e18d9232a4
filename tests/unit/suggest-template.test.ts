import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTemplate, firstNameOf, nameCandidates, placeholdersOf } from '../../src/core/suggest/template';

const kari = { customer: { name: 'Kari Nordmann' }, agent: { name: 'Ola Hansen' } };

describe('fillTemplate', () => {
  it('fills known placeholders', () => {
    const out = fillTemplate(
      'Hei {{customer.firstName}}, jeg heter {{agent.firstName}} ({{agent.name}}).',
      kari,
    );
    expect(out.text).toBe('Hei Kari, jeg heter Ola (Ola Hansen).');
    expect(out.missing).toEqual([]);
    expect(out.cursor).toBeUndefined();
  });

  it.each([
    ['Hei {{customer.firstName}},', 'Hei,'],
    ['Hi {{customer.firstName}}, thanks', 'Hi, thanks'],
    ['{{customer.firstName}}, thanks for writing', 'Thanks for writing'],
    ['Thanks, {{customer.firstName}}!', 'Thanks!'],
    ['Hej {{customer.firstName}}!', 'Hej!'],
    ['Call us ({{team.phone}}) today.', 'Call us today.'],
    ['A {{unknown.thing}} {{customer.name}} b', 'A b'],
    ['Ring oss på {{team.phone}}, så hjelper vi deg.', 'Ring oss på, så hjelper vi deg.'],
    ['Hei {{ customer.firstName }},\n\nTakk.', 'Hei,\n\nTakk.'],
  ])('removes a missing value with its space: %j', (template, expected) => {
    const out = fillTemplate(template, {});
    expect(out.text).toBe(expected);
    expect(out.text).not.toMatch(/ ,| {2}|\{\{|\}\}/);
  });

  it('reports missing and needed fields', () => {
    const out = fillTemplate('Du hører fra oss innen {{fill.time}}, {{customer.firstName}}.', {});
    expect(out.needs).toEqual(['fill.time']);
    expect(out.missing).toEqual(['fill.time', 'customer.firstName']);
    expect(out.text).toBe('Du hører fra oss innen.');
  });

  it('marks missing fill-ins in brackets only when asked, in the given language', () => {
    const template = 'Du hører fra oss innen {{fill.time}}.';
    expect(fillTemplate(template, {}, { markMissingFills: true, lang: 'nb' }).text).toBe(
      'Du hører fra oss innen [tidspunkt].',
    );
    expect(fillTemplate(template, {}, { markMissingFills: true }).text).toBe(
      'Du hører fra oss innen [time].',
    );
    expect(fillTemplate(template, { fill: { time: 'kl. 14' } }, { markMissingFills: true }).text).toBe(
      'Du hører fra oss innen kl. 14.',
    );
    expect(fillTemplate(template, { fill: { time: 'kl. 14' } }).needs).toEqual([]);
  });

  it('returns the cursor as a UTF-16 offset and removes the mark', () => {
    const out = fillTemplate('Status nå er: {{cursor}}', {});
    expect(out.text).toBe('Status nå er: ');
    expect(out.cursor).toBe(14);
    const mid = fillTemplate('Hei {{customer.firstName}} 👋 {{cursor}}ok', kari);
    expect(mid.text).toBe('Hei Kari 👋 ok');
    expect(mid.cursor).toBe(mid.text.indexOf('ok'));
    expect(mid.cursor).toBe(12); // the emoji is two UTF-16 units
    const gone = fillTemplate('Hei {{customer.firstName}} 😀😀 {{cursor}}.', {});
    expect(gone.text).toBe('Hei 😀😀 .');
    expect(gone.text.slice(gone.cursor)).toBe('.');
  });

  it('keeps only the first cursor', () => {
    const out = fillTemplate('a {{cursor}}b {{cursor}}c', {});
    expect(out.text).toBe('a b c');
    expect(out.cursor).toBe(2);
  });

  it('treats values as text, never as code or templates', () => {
    // A value that looks like a placeholder or a JS template stays literal text.
    const payload = '{{agent.name}} \u0024{process.exit()}';
    const out = fillTemplate('Hei {{customer.firstName}}!', { customer: { firstName: payload } });
    expect(out.text).toBe(`Hei ${payload}!`);
    expect(out.text).toContain('$' + '{process.exit()}');
    const broken = fillTemplate('Hei {{customer.firstName', kari);
    expect(broken.text).toBe('Hei customer.firstName');
  });

  it('is written without eval or new Function', () => {
    const source = readFileSync('src/core/suggest/template.ts', 'utf8');
    expect(source).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });

  it('lists placeholders', () => {
    expect(placeholdersOf('{{a.b}} x {{ cursor }}')).toEqual(['a.b', 'cursor']);
  });
});

describe('firstNameOf', () => {
  it.each([
    ['Kari Nordmann', 'Kari'],
    ['Anne-Marie Svensson', 'Anne-Marie'],
    ['Nordmann, Kari', 'Kari'],
    ['Jan Erik Olsen', 'Jan'],
    ['Matti Virtanen', 'Matti'],
    ['KARI NORDMANN', 'Kari'],
    ['  Ola   Hansen ', 'Ola'],
    ['Dr. Anna Berg', 'Anna'],
    ['Kari', 'Kari'],
  ])('%j → %j', (name, expected) => {
    expect(firstNameOf(name)).toBe(expected);
  });

  it.each([
    'Acme AS',
    'Oy Firma Ab',
    'Nordic Widgets AB',
    'Example Ltd',
    'kari.nordmann@example.no',
    'Kari2',
    'Customer 4711',
    'Oslo kommune',
    '',
    undefined,
  ])('no first name for %j', (name) => {
    expect(firstNameOf(name)).toBeUndefined();
  });

  it('offers the double first name as a candidate', () => {
    expect(nameCandidates('Jan Erik Olsen')).toEqual(['Jan', 'Jan Erik']);
    expect(nameCandidates('Olsen, Per Olav')).toEqual(['Per', 'Per Olav']);
    expect(nameCandidates('Kari Nordmann')).toEqual(['Kari']);
    expect(nameCandidates('Acme AS')).toEqual([]);
  });

  it('a company requester degrades the greeting to "Hei,"', () => {
    expect(fillTemplate('Hei {{customer.firstName}},', { customer: { name: 'Acme AS' } }).text).toBe('Hei,');
  });
});
