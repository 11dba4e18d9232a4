import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsonWithLocations } from '../../src/core/packs/json-locate';
import { loadPackText } from '../../src/core/packs/load';
import { MAX_PHRASES } from '../../src/core/packs/schema';
import { findHtml, placeholderIssues } from '../../src/core/packs/text';
import { formatProblem, type Problem, validatePack } from '../../src/core/packs/validate';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/packs/${name}`, import.meta.url), 'utf8');

const basePack = () => ({
  schemaVersion: 1,
  id: 'test-pack',
  name: 'Test pack',
  version: '1.0.0',
  publisher: 'Tests',
  languages: ['nb'],
  phrases: [
    { id: 'nb.apologize.simple', stage: 'apologize', lang: 'nb', text: 'Beklager, {{customer.firstName}}.' },
  ],
});

type PhraseInput = Record<string, unknown>;
const withPhrase = (phrase: PhraseInput) => {
  const pack = basePack();
  (pack.phrases as PhraseInput[]).push({
    id: 'nb.solve.x',
    stage: 'solve',
    lang: 'nb',
    text: 'Vi ordner det.',
    ...phrase,
  });
  return pack;
};
const errorsOf = (raw: unknown) => validatePack(raw).problems.filter((p) => p.severity === 'error');
const only = (raw: unknown): Problem => {
  const errors = errorsOf(raw);
  expect(errors.map(formatProblem)).toHaveLength(1);
  return errors[0];
};

describe('validatePack', () => {
  it('accepts a well-formed pack and types it', () => {
    const result = validatePack(basePack());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.pack?.phrases[0].stage).toBe('apologize');
  });

  it('accepts the valid fixture with frames, registers and custom tags', () => {
    const loaded = loadPackText(fixture('valid-v1.json'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.ok).toBe(true);
  });

  it('reports an unknown stage with path, phrase id and a suggestion', () => {
    const problem = only(withPhrase({ id: 'nb.apologize.x', stage: 'apologise' }));
    expect(problem.code).toBe('unknown-value');
    expect(problem.pointer).toBe('/phrases/1/stage');
    expect(problem.phraseId).toBe('nb.apologize.x');
    expect(formatProblem(problem)).toBe(
      'phrases[1] (id nb.apologize.x) .stage: unknown stage "apologise" (did you mean "apologize"?)',
    );
  });

  it('reports an unknown customer type and a cue put under types', () => {
    const errors = errorsOf(withPhrase({ types: ['angy', 'anger'] }));
    expect(errors.map((e) => e.path)).toEqual(['phrases[1].types[0]', 'phrases[1].types[1]']);
    expect(errors[0].message).toContain('did you mean "angry"');
    expect(errors[1].message).toContain('"anger" is a cue: put it in "cues"');
  });

  it('reports an unknown cue and an unknown register', () => {
    const errors = errorsOf(withPhrase({ cues: ['furious'], register: 'formell' }));
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['phrases[1].cues[0]', 'unknown-value'],
      ['phrases[1].register', 'unknown-value'],
    ]);
    expect(errors[1].message).toContain('did you mean "formal"');
  });

  it('reports a missing language on a phrase', () => {
    const pack = withPhrase({});
    delete (pack.phrases[1] as PhraseInput).lang;
    const problem = only(pack);
    expect(problem.code).toBe('missing-field');
    expect(problem.pointer).toBe('/phrases/1');
    expect(problem.message).toContain('missing required field "lang"');
  });

  it('reports a phrase language that is not listed in languages, and an unsupported language', () => {
    const problem = only(withPhrase({ lang: 'sv' }));
    expect(problem.code).toBe('lang-not-listed');
    expect(problem.path).toBe('phrases[1].lang');
    const pack = basePack();
    pack.languages = ['nb', 'da'];
    const unsupported = only(pack);
    expect(unsupported.path).toBe('languages[1]');
    expect(unsupported.message).toContain('unknown language "da"');
  });

  it('requires at least one language', () => {
    const pack = { ...basePack(), languages: [], phrases: [] };
    expect(only(pack).message).toContain('at least one language');
  });

  it('reports placeholder typos with a did-you-mean, and case slips', () => {
    const problem = only(withPhrase({ text: 'Hei {{customer.fristName}}!' }));
    expect(problem.code).toBe('placeholder');
    expect(problem.path).toBe('phrases[1].text');
    expect(problem.message).toBe(
      'unknown placeholder "{{customer.fristName}}" (did you mean "customer.firstName"?)',
    );
    expect(only(withPhrase({ text: 'Hei {{Agent.Name}}' })).message).toContain('did you mean "agent.name"');
  });

  it('reports broken placeholder braces and more than one cursor', () => {
    expect(placeholderIssues('Hei {{customer.firstName}').map((i) => i.kind)).toEqual(['unclosed']);
    expect(placeholderIssues('Hei {customer.firstName}').map((i) => i.kind)).toEqual(['single-brace']);
    expect(placeholderIssues('Hei }} du').map((i) => i.kind)).toEqual(['stray-close']);
    expect(placeholderIssues('{{ agent.name }} {{cursor}}')).toEqual([]);
    const problem = only(withPhrase({ text: '{{cursor}} og {{cursor}}' }));
    expect(problem.code).toBe('cursor');
  });

  it('reports duplicate phrase ids, naming the first use', () => {
    const problem = only(withPhrase({ id: 'nb.apologize.simple' }));
    expect(problem.code).toBe('duplicate-id');
    expect(problem.pointer).toBe('/phrases/1/id');
    expect(problem.message).toContain('phrases[0] already uses it');
  });

  it('reports empty and whitespace-only text', () => {
    expect(only(withPhrase({ text: '' })).code).toBe('empty-text');
    expect(only(withPhrase({ text: ' \n\t ' })).code).toBe('empty-text');
  });

  it('reports over-long text with its length', () => {
    const problem = only(withPhrase({ text: 'a'.repeat(1001) }));
    expect(problem.code).toBe('text-too-long');
    expect(problem.message).toContain('1001 characters (at most 1000)');
    expect(errorsOf(withPhrase({ text: 'a'.repeat(1000) }))).toEqual([]);
  });

  it('reports HTML tags and entities but allows plain angle brackets', () => {
    expect(only(withPhrase({ text: 'Takk for <b>tålmodigheten</b>.' })).code).toBe('html');
    expect(only(withPhrase({ text: 'Linje<br/>to' })).code).toBe('html');
    expect(only(withPhrase({ text: 'Fish &amp; chips' })).code).toBe('html');
    expect(findHtml('2 < 3 and <3 and mail <kundeservice@example.com>')).toBeUndefined();
  });

  it('reports unknown fields with a suggestion', () => {
    const problem = only(withPhrase({ tyeps: ['angry'] }));
    expect(problem.code).toBe('unknown-field');
    expect(problem.message).toContain('did you mean "types"');
  });

  it('reports bad pack id, version, tag and date formats', () => {
    const pack = { ...basePack(), id: 'Bad Id', version: '1.0', approvedAt: '2026-02-30' };
    (pack.phrases[0] as PhraseInput).tags = ['Billing'];
    const errors = errorsOf(pack);
    expect(errors.map((e) => e.path)).toEqual(['id', 'version', 'approvedAt', 'phrases[0].tags[0]']);
    expect(errors[3].message).toContain('did you mean "billing"');
    expect(errors[2].message).toContain('not a real date');
  });

  it('reports wrong types without crashing', () => {
    for (const raw of [null, 42, 'pack', []]) expect(validatePack(raw).ok).toBe(false);
    const errors = errorsOf({ ...basePack(), phrases: [5, { id: 3 }], languages: 'nb' });
    expect(errors.map((e) => e.path)).toContain('languages');
    expect(errors.map((e) => e.path)).toContain('phrases[0]');
    expect(errors.find((e) => e.path === 'phrases[1].id')?.message).toBe('must be text, not a number');
  });

  it('limits the number of phrases', () => {
    const pack = basePack();
    pack.phrases = Array.from({ length: MAX_PHRASES + 1 }, (_, i) => ({
      id: `nb.solve.p${i}`,
      stage: 'solve',
      lang: 'nb',
      text: `Tekst ${i}`,
    }));
    const problem = only(pack);
    expect(problem.code).toBe('too-many');
    expect(problem.message).toContain(`${MAX_PHRASES + 1}`);
  });

  it('checks frames: placeholders, HTML, cursor, listed language, one per language and register', () => {
    const pack = {
      ...basePack(),
      frames: [
        { lang: 'nb', greeting: 'Hei {{customer.firstNme}},' },
        { lang: 'nb', signoff: '<p>Hilsen</p>' },
        { lang: 'sv', greeting: 'Hej {{cursor}}' },
      ],
    };
    const codes = errorsOf(pack).map((e) => `${e.path}:${e.code}`);
    expect(codes).toEqual([
      'frames[0].greeting:placeholder',
      'frames[1].lang:duplicate-value',
      'frames[1].signoff:html',
      'frames[2].lang:lang-not-listed',
      'frames[2].greeting:cursor',
    ]);
  });

  it('gives lines for every problem of a file, in document order', () => {
    const loaded = loadPackText(fixture('invalid-many.json'));
    expect(loaded.ok).toBe(false);
    const lines = loaded.problems.map(formatProblem);
    expect(lines).toContain(
      'phrases[1] (id nb.apologize.x) .stage: unknown stage "apologise" (did you mean "apologize"?) (line 10)',
    );
    expect(lines).toContain(
      'phrases[3] (id nb.solve.nolang): missing required field "lang" (one of: en, nb, sv, fi) (line 12)',
    );
    expect(loaded.problems.map((p) => p.code)).toEqual([
      'bad-format',
      'bad-format',
      'unknown-value',
      'unknown-value',
      'unknown-value',
      'missing-field',
      'placeholder',
      'duplicate-id',
      'empty-text',
      'html',
      'lang-not-listed',
      'cursor',
      'unknown-field',
    ]);
    expect(loaded.problems.every((p) => typeof p.line === 'number')).toBe(true);
  });

  it('reports a key written twice in the file', () => {
    const loaded = loadPackText(
      '{"schemaVersion":1,"id":"ab","id":"cd","name":"n","version":"1.0.0","publisher":"p","languages":["nb"],"phrases":[]}',
    );
    expect(loaded.problems.map((p) => [p.code, p.path])).toEqual([['duplicate-field', 'id']]);
  });

  it('reports bad JSON with line and column, never throwing', () => {
    const loaded = loadPackText('{\n  "id": "x",\n  "name": "y",\n}');
    expect(loaded.ok).toBe(false);
    expect(loaded.problems[0]).toMatchObject({ code: 'json', line: 4, column: 1 });
    expect(loaded.error).toContain('line 4, column 1');
    for (const text of ['', '{', '[1,]', "{'a':1}", '{"a":"line\nbreak"}', '{"a":1} x', '// c\n{}']) {
      const parsed = parseJsonWithLocations(text);
      expect(parsed.ok).toBe(false);
    }
  });

  it('parses what JSON.parse parses, with positions', () => {
    const text = '\uFEFF{"a": [1, -2.5e3, true, null, "x\\u00e6\\n"], "b": {"c": {}}}';
    const parsed = parseJsonWithLocations(text);
    expect(parsed.ok && parsed.value).toEqual(JSON.parse(text.slice(1)));
    expect(parsed.ok && parsed.positions.get('/a/1')).toEqual({ line: 1, column: 11 });
  });
});

describe('no eval (MV3 CSP)', () => {
  it('validates, migrates and loads packs with eval and the Function constructor switched off', () => {
    const realFunction = globalThis.Function;
    const realEval: unknown = Reflect.get(globalThis, 'eval');
    const refuse = () => {
      throw new Error('code generation is not allowed');
    };
    try {
      globalThis.Function = new Proxy(realFunction, { construct: refuse, apply: refuse });
      Reflect.set(globalThis, 'eval', refuse);
      expect(loadPackText(fixture('valid-v1.json')).ok).toBe(true);
      expect(loadPackText(fixture('invalid-many.json')).problems).toHaveLength(13);
      expect(loadPackText(fixture('legacy-v0.json')).ok).toBe(true);
    } finally {
      globalThis.Function = realFunction;
      Reflect.set(globalThis, 'eval', realEval);
    }
  });

  it('has no eval or Function constructor in the pack modules', () => {
    const dir = new URL('../../src/core/packs/', import.meta.url);
    for (const name of [
      'schema',
      'validate',
      'migrate',
      'sign',
      'load',
      'store',
      'policy',
      'text',
      'json-locate',
    ]) {
      const source = readFileSync(new URL(`${name}.ts`, dir), 'utf8');
      expect(source).not.toMatch(/\beval\s*\(|new Function\b|TypeCompiler/);
    }
  });
});
