// Pack validation: TypeBox's interpreter (Value.Errors, no code generation, so it runs under the MV3 CSP)
// for structure, then plain-code checks for what a schema cannot say well. Every problem names its JSON path.
import type { TSchema } from '@sinclair/typebox';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { isRecord } from '../is-record';
import { CUES, CUSTOMER_TYPES, LANGS, STAGES, TOPICS } from '../taxonomy';
import { positionOf, type SourcePosition } from './json-locate';
import {
  MAX_PHRASES,
  MAX_TEXT_LENGTH,
  type Pack,
  PackSchema,
  PHRASE_ID_PATTERN,
  PLACEHOLDERS,
} from './schema';
import { findHtml, placeholderIssues, suggestion } from './text';

export type ProblemCode =
  | 'json'
  | 'wrong-type'
  | 'missing-field'
  | 'unknown-field'
  | 'duplicate-field'
  | 'unknown-value'
  | 'bad-format'
  | 'empty-text'
  | 'text-too-long'
  | 'html'
  | 'placeholder'
  | 'cursor'
  | 'duplicate-id'
  | 'lang-not-listed'
  | 'duplicate-value'
  | 'too-many'
  | 'schema-version'
  | 'signature'
  // lint
  | 'missing-translation'
  | 'stage-gap'
  | 'custom-tag'
  | 'placeholder-needs-value'
  | 'no-frame'
  | 'not-approved'
  | 'duplicate-text'
  | 'empty-language'
  | 'legacy-format';

export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  /** JSON pointer into the pack (`/phrases/3/stage`), `` for the pack itself. */
  pointer: string;
  /** Readable path (`phrases[3].stage`). */
  path: string;
  /** The id of the phrase the problem is in, when there is one. */
  phraseId?: string;
  message: string;
  line?: number;
  column?: number;
}

export interface ValidationResult {
  ok: boolean;
  /** Set when there are no errors: the pack, typed. */
  pack?: Pack;
  problems: Problem[];
}

const segmentsOf = (pointer: string): string[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

export function readablePath(pointer: string): string {
  let out = '';
  for (const segment of segmentsOf(pointer))
    out += /^\d+$/.test(segment) ? `[${segment}]` : out ? `.${segment}` : segment;
  return out;
}

/** The phrase id a pointer falls in, looked up in the raw document. */
function phraseIdAt(raw: unknown, pointer: string): string | undefined {
  const [first, index] = segmentsOf(pointer);
  if (first !== 'phrases' || index === undefined || !isRecord(raw) || !Array.isArray(raw.phrases))
    return undefined;
  const phrase = raw.phrases[Number(index)];
  return isRecord(phrase) && typeof phrase.id === 'string' && phrase.id !== '' ? phrase.id : undefined;
}

/** One line per problem: `phrases[3] (id nb.apologize.x) .stage: unknown stage "apologise" (did you mean …)`. */
export function formatProblem(problem: Problem): string {
  const segments = segmentsOf(problem.pointer);
  let where = readablePath(problem.pointer) || '(pack)';
  if (problem.phraseId && segments[0] === 'phrases' && segments.length >= 2) {
    const head = readablePath(`/phrases/${segments[1]}`);
    const tail = readablePath(problem.pointer).slice(head.length);
    where = `${head} (id ${problem.phraseId})${tail ? ` ${tail}` : ''}`;
  }
  const prefix = problem.severity === 'warning' ? 'warning: ' : '';
  const at = problem.line ? ` (line ${problem.line})` : '';
  return `${prefix}${where}: ${problem.message}${at}`;
}

/** Adds line/column from a parsed file; `base` is the pointer of the pack inside the file (`/pack` in an envelope). */
export function locateProblems(
  problems: Problem[],
  positions: Map<string, SourcePosition>,
  base = '',
): Problem[] {
  return problems.map((problem) => {
    const position = positionOf(positions, base + problem.pointer);
    return position ? { ...problem, line: position.line, column: position.column } : problem;
  });
}

const describeType = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : typeof value === 'string'
          ? 'text'
          : `a ${typeof value}`;

const ENUMS: Record<string, { label: string; values: readonly string[] }> = {
  stage: { label: 'stage', values: STAGES },
  lang: { label: 'language', values: LANGS },
  languages: { label: 'language', values: LANGS },
  types: { label: 'customer type', values: CUSTOMER_TYPES },
  cues: { label: 'cue', values: CUES },
  register: { label: 'register', values: ['formal', 'informal'] },
};

/** A value that belongs in a sibling list: a cue under types, a topic under types or cues, … */
function misplaced(field: string, value: string): string {
  const homes: [string, readonly string[], string][] = [
    ['types', CUSTOMER_TYPES, 'a customer type'],
    ['cues', CUES, 'a cue'],
    ['tags', TOPICS, 'a topic tag'],
  ];
  for (const [home, values, label] of homes) {
    if (home !== field && (field === 'types' || field === 'cues') && values.includes(value))
      return ` ("${value}" is ${label}: put it in "${home}")`;
  }
  return '';
}

/** The field an error is about: the last non-index segment (`types` for `/phrases/2/types/0`). */
const fieldOf = (pointer: string) =>
  segmentsOf(pointer)
    .filter((s) => !/^\d+$/.test(s))
    .pop() ?? '';

function patternMessage(pointer: string, value: unknown): string {
  const field = fieldOf(pointer);
  const shown = JSON.stringify(value);
  const inPhrase = segmentsOf(pointer)[0] === 'phrases';
  if (field === 'id' && inPhrase)
    return `phrase id ${shown} may use only letters, digits, ".", "_", ":" and "-" (up to 128 characters, starting with a letter or digit)`;
  if (field === 'id')
    return `pack id ${shown} must be 2-64 characters of lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`;
  if (field === 'version') return `version ${shown} must look like 1.2.0 (MAJOR.MINOR.PATCH)`;
  if (field === 'tags') {
    const hint = typeof value === 'string' ? suggestion(value, TOPICS) : '';
    return `tag ${shown} must be 2-32 characters of lowercase letters, digits and "-", starting with a letter${hint}`;
  }
  if (field === 'approvedAt') return `approvedAt ${shown} must be an ISO date like 2026-11-24`;
  return `${shown} has the wrong format`;
}

function structuralProblems(raw: unknown): Omit<Problem, 'severity' | 'path'>[] {
  const found: Omit<Problem, 'severity' | 'path'>[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(PackSchema, raw)) {
    const isRequired = error.type === ValueErrorType.ObjectRequiredProperty;
    const pointer = isRequired ? error.path.slice(0, error.path.lastIndexOf('/')) : error.path;
    // TypeBox reports several errors for one value (required + type); the first says it best.
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    const field = fieldOf(error.path);
    const value = error.value;
    let code: ProblemCode = 'wrong-type';
    let message: string;
    switch (error.type) {
      case ValueErrorType.ObjectRequiredProperty: {
        code = 'missing-field';
        const choices =
          ENUMS[field] && field !== 'languages' ? ` (one of: ${ENUMS[field].values.join(', ')})` : '';
        message = `missing required field "${field}"${choices}`;
        break;
      }
      case ValueErrorType.ObjectAdditionalProperties: {
        code = 'unknown-field';
        const allowed = Object.keys((error.schema as TSchema).properties ?? {});
        message = `unknown field "${field}"${suggestion(field, allowed)}; allowed fields: ${allowed.join(', ')}`;
        break;
      }
      case ValueErrorType.Union: {
        const known = ENUMS[field];
        if (known && typeof value === 'string') {
          code = 'unknown-value';
          const hint =
            misplaced(field, value) ||
            suggestion(value, known.values) ||
            `; expected one of: ${known.values.join(', ')}`;
          message = `unknown ${known.label} "${value}"${hint}`;
        } else if (known) {
          message = `${known.label} must be text (one of: ${known.values.join(', ')}), not ${describeType(value)}`;
        } else message = error.message;
        break;
      }
      case ValueErrorType.Literal:
        code = field === 'schemaVersion' ? 'schema-version' : 'unknown-value';
        message =
          field === 'schemaVersion'
            ? `schemaVersion must be 1, found ${JSON.stringify(value)}`
            : `must be ${JSON.stringify((error.schema as TSchema).const)}, found ${JSON.stringify(value)}`;
        break;
      case ValueErrorType.String:
        message = `must be text, not ${describeType(value)}`;
        break;
      case ValueErrorType.Array:
        message = `must be a list ([...]), not ${describeType(value)}`;
        break;
      case ValueErrorType.Object:
        message = `must be an object ({...}), not ${describeType(value)}`;
        break;
      case ValueErrorType.StringPattern:
        code = 'bad-format';
        message = patternMessage(error.path, value);
        break;
      case ValueErrorType.StringMinLength:
        code = field === 'text' || field === 'greeting' || field === 'signoff' ? 'empty-text' : 'bad-format';
        message = `${field} is empty`;
        break;
      case ValueErrorType.StringMaxLength: {
        code =
          field === 'text' || field === 'greeting' || field === 'signoff' ? 'text-too-long' : 'bad-format';
        const max = (error.schema as TSchema).maxLength as number;
        message = `${field} is too long: ${(value as string).length} characters (at most ${max})`;
        break;
      }
      case ValueErrorType.ArrayMinItems:
        code = 'missing-field';
        message =
          field === 'languages'
            ? 'list at least one language (en, nb, sv, fi)'
            : `${field} must not be empty`;
        break;
      case ValueErrorType.ArrayMaxItems:
        code = 'too-many';
        message = `too many ${field}: ${(value as unknown[]).length} (at most ${field === 'phrases' ? MAX_PHRASES : (error.schema as TSchema).maxItems})`;
        break;
      case ValueErrorType.ArrayUniqueItems: {
        code = 'duplicate-value';
        const list = value as unknown[];
        const twice = list.find(
          (item, i) => list.findIndex((other) => JSON.stringify(other) === JSON.stringify(item)) !== i,
        );
        message = `${field} lists ${JSON.stringify(twice)} more than once`;
        break;
      }
      default:
        message = error.message.toLowerCase();
    }
    // Errors inside a list item that is itself wrong are noise.
    found.push({ code, pointer, phraseId: phraseIdAt(raw, pointer), message });
  }
  return found;
}

function textProblems(
  raw: unknown,
  pointer: string,
  text: string,
  allowCursor: boolean,
): Omit<Problem, 'severity' | 'path'>[] {
  const found: Omit<Problem, 'severity' | 'path'>[] = [];
  const phraseId = phraseIdAt(raw, pointer);
  const field = fieldOf(pointer);
  if (text.length > 0 && text.trim() === '')
    found.push({ code: 'empty-text', pointer, phraseId, message: `${field} is only whitespace` });
  const html = findHtml(text);
  if (html) {
    found.push({
      code: 'html',
      pointer,
      phraseId,
      message: `${field} contains HTML (${JSON.stringify(html)}); phrases are plain text, write line breaks as \\n`,
    });
  }
  for (const issue of placeholderIssues(text)) {
    found.push({
      code: issue.kind === 'cursor-twice' ? 'cursor' : 'placeholder',
      pointer,
      phraseId,
      message: issue.message,
    });
  }
  if (!allowCursor && text.includes('{{cursor}}'))
    found.push({
      code: 'cursor',
      pointer,
      phraseId,
      message: '{{cursor}} belongs in phrases, not in frames',
    });
  return found;
}

const phraseIdPattern = new RegExp(PHRASE_ID_PATTERN);

function semanticProblems(raw: unknown): Omit<Problem, 'severity' | 'path'>[] {
  const found: Omit<Problem, 'severity' | 'path'>[] = [];
  if (!isRecord(raw)) return found;
  const languages = Array.isArray(raw.languages)
    ? raw.languages.filter((l): l is string => typeof l === 'string')
    : [];
  const checkLangListed = (value: unknown, pointer: string) => {
    if (
      typeof value === 'string' &&
      (LANGS as readonly string[]).includes(value) &&
      Array.isArray(raw.languages) &&
      !languages.includes(value)
    ) {
      found.push({
        code: 'lang-not-listed',
        pointer,
        phraseId: phraseIdAt(raw, pointer),
        message: `language "${value}" is not listed in "languages" (${JSON.stringify(languages)}); add it there or fix the lang`,
      });
    }
  };
  if (Array.isArray(raw.phrases)) {
    const firstIndexById = new Map<string, number>();
    raw.phrases.forEach((phrase, index) => {
      if (!isRecord(phrase)) return;
      const base = `/phrases/${index}`;
      if (typeof phrase.id === 'string' && phraseIdPattern.test(phrase.id)) {
        const first = firstIndexById.get(phrase.id);
        if (first === undefined) firstIndexById.set(phrase.id, index);
        else {
          found.push({
            code: 'duplicate-id',
            pointer: `${base}/id`,
            phraseId: phrase.id,
            message: `duplicate id "${phrase.id}": phrases[${first}] already uses it`,
          });
        }
      }
      checkLangListed(phrase.lang, `${base}/lang`);
      if (typeof phrase.text === 'string' && phrase.text.length <= MAX_TEXT_LENGTH)
        found.push(...textProblems(raw, `${base}/text`, phrase.text, true));
    });
  }
  if (Array.isArray(raw.frames)) {
    const seenLang = new Map<string, number>();
    raw.frames.forEach((frame, index) => {
      if (!isRecord(frame)) return;
      const base = `/frames/${index}`;
      checkLangListed(frame.lang, `${base}/lang`);
      if (typeof frame.lang === 'string') {
        const key = `${frame.lang}/${typeof frame.register === 'string' ? frame.register : ''}`;
        const first = seenLang.get(key);
        if (first !== undefined) {
          found.push({
            code: 'duplicate-value',
            pointer: `${base}/lang`,
            message: `frames[${first}] already gives a ${frame.register ? `${frame.register} ` : ''}frame for "${frame.lang}"`,
          });
        } else seenLang.set(key, index);
      }
      for (const field of ['greeting', 'signoff'] as const) {
        const text = frame[field];
        if (typeof text === 'string' && text.length <= MAX_TEXT_LENGTH)
          found.push(...textProblems(raw, `${base}/${field}`, text, false));
      }
    });
  }
  if (typeof raw.approvedAt === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw.approvedAt)) {
    const day = raw.approvedAt.slice(0, 10);
    const parsed = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day)
      found.push({
        code: 'bad-format',
        pointer: '/approvedAt',
        message: `approvedAt "${raw.approvedAt}" is not a real date`,
      });
  }
  return found;
}

export interface ValidateOptions {
  /** Pointers of keys written twice in the source file (from parseJsonWithLocations). */
  duplicateKeys?: string[];
}

/** Checks a (migrated) pack. Errors make `ok` false; nothing here throws for bad input. */
export function validatePack(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const partial: Omit<Problem, 'severity' | 'path'>[] = [];
  if (!isRecord(raw)) {
    partial.push({
      code: 'wrong-type',
      pointer: '',
      message: `a pack must be a JSON object ({...}), not ${describeType(raw)}`,
    });
  } else {
    for (const pointer of options.duplicateKeys ?? []) {
      partial.push({
        code: 'duplicate-field',
        pointer,
        phraseId: phraseIdAt(raw, pointer),
        message: `"${fieldOf(pointer)}" is written twice in this object; only the last one would count`,
      });
    }
    partial.push(...structuralProblems(raw), ...semanticProblems(raw));
  }
  const problems: Problem[] = partial
    .map((p) => ({ severity: 'error' as const, path: readablePath(p.pointer), ...p }))
    .sort((a, b) => comparePointers(a.pointer, b.pointer));
  const ok = problems.length === 0;
  return ok ? { ok, pack: raw as Pack, problems } : { ok, problems };
}

/** Document order: `/phrases/2/…` before `/phrases/10/…`. */
export function comparePointers(a: string, b: string): number {
  const left = segmentsOf(a);
  const right = segmentsOf(b);
  const order = [
    '$schema',
    'schemaVersion',
    'id',
    'name',
    'version',
    'publisher',
    'description',
    'languages',
    'approvedBy',
    'approvedAt',
    'frames',
    'phrases',
  ];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    const ln = Number(left[i]);
    const rn = Number(right[i]);
    if (!Number.isNaN(ln) && !Number.isNaN(rn)) return ln - rn;
    if (i === 0) {
      const li = order.indexOf(left[i]);
      const ri = order.indexOf(right[i]);
      return (li < 0 ? 99 : li) - (ri < 0 ? 99 : ri);
    }
    return 0;
  }
  return left.length - right.length;
}

export const supportedPlaceholders = PLACEHOLDERS;
