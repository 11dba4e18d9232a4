// Suggest CLI (design.md 3.6): `npm run --silent suggest -- --jsonl` reads one conversation per JSON line
// on stdin and writes one line per input, in order, with the ranked, filled suggestions. Nothing else on stdout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConversationMessage } from '../src/core/analysis';
import { analyzeConversation } from '../src/core/classify/index';
import { isRecord } from '../src/core/is-record';
import { type PackPhrase, suggest } from '../src/core/suggest/index';
import type { FillContext, Frame } from '../src/core/suggestion';
import { CUES, CUSTOMER_TYPES, type Cue, type CustomerType } from '../src/core/taxonomy';
import { requireFlag, runJsonLines } from './lib/jsonl';

// Anything a module logs goes to stderr: stdout carries only output lines.
console.log = (...args: unknown[]) => console.error(...args);

const BUILTIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../src/data/packs');
const ROLES = new Set(['customer', 'agent', 'note', 'system']);

interface LoadedPacks {
  phrases: PackPhrase[];
  frames: Frame[];
}

class InputError extends Error {}

const packCache = new Map<string, LoadedPacks>();

/** Reads one pack file; a signed envelope `{pack, signature}` gives its `pack`. No validation here. */
function loadPackFile(path: string): LoadedPacks {
  const cached = packCache.get(path);
  if (cached) return cached;
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not valid JSON';
    throw new InputError(`pack ${path}: ${why}`);
  }
  const pack =
    isRecord(document) && isRecord(document.pack) && 'signature' in document ? document.pack : document;
  if (!isRecord(pack) || !Array.isArray(pack.phrases))
    throw new InputError(`pack ${path}: no "phrases" array`);
  const packId = typeof pack.id === 'string' ? pack.id : undefined;
  const phrases = (pack.phrases as unknown[])
    .filter(
      (phrase): phrase is PackPhrase =>
        isRecord(phrase) &&
        typeof phrase.id === 'string' &&
        typeof phrase.stage === 'string' &&
        typeof phrase.lang === 'string' &&
        typeof phrase.text === 'string',
    )
    .map((phrase) => ({ ...phrase, packId }));
  const frames = Array.isArray(pack.frames)
    ? (pack.frames as unknown[]).filter(
        (frame): frame is Frame => isRecord(frame) && typeof frame.lang === 'string',
      )
    : [];
  const loaded = { phrases, frames };
  packCache.set(path, loaded);
  return loaded;
}

function mergePacks(paths: string[]): LoadedPacks {
  const merged: LoadedPacks = { phrases: [], frames: [] };
  for (const path of paths) {
    const loaded = loadPackFile(path);
    merged.phrases.push(...loaded.phrases);
    merged.frames.push(...loaded.frames);
  }
  return merged;
}

let builtin: LoadedPacks | undefined;
const builtinPacks = (): LoadedPacks => {
  if (!builtin) {
    const files = existsSync(BUILTIN_DIR)
      ? readdirSync(BUILTIN_DIR)
          .filter((name) => /^builtin-.*\.json$/.test(name))
          .sort()
      : [];
    builtin = mergePacks(files.map((name) => join(BUILTIN_DIR, name)));
  }
  return builtin;
};

const optionalString = (value: unknown, field: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InputError(`"${field}" must be a string`);
  return value;
};

function readMessages(input: Record<string, unknown>): ConversationMessage[] {
  if (input.messages === undefined && typeof input.text === 'string')
    return [{ role: 'customer', text: input.text }];
  if (!Array.isArray(input.messages)) throw new InputError('"messages" must be an array');
  return input.messages.map((message, index) => {
    if (!isRecord(message)) throw new InputError(`messages[${index}] must be an object`);
    if (typeof message.role !== 'string' || !ROLES.has(message.role)) {
      throw new InputError(`messages[${index}].role must be customer, agent or note`);
    }
    if (typeof message.text !== 'string') throw new InputError(`messages[${index}].text must be a string`);
    const out: ConversationMessage = {
      role: message.role as ConversationMessage['role'],
      text: message.text,
    };
    const at = optionalString(message.at, `messages[${index}].at`);
    if (at !== undefined) out.at = at;
    return out;
  });
}

function person(value: unknown, field: string): { name?: string; firstName?: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return { name: value };
  if (!isRecord(value)) throw new InputError(`"${field}" must be an object with "name"`);
  return {
    name: optionalString(value.name, `${field}.name`),
    firstName: optionalString(value.firstName, `${field}.firstName`),
  };
}

function runLine(input: Record<string, unknown>): Record<string, unknown> {
  const messages = readMessages(input);
  const subject = optionalString(input.subject, 'subject');
  const lang = optionalString(input.lang, 'lang');
  const replyLang = optionalString(input.replyLang, 'replyLang');
  const now = optionalString(input.now, 'now');
  let packs: LoadedPacks;
  if (input.packs === undefined || input.packs === null) packs = builtinPacks();
  else if (Array.isArray(input.packs) && input.packs.every((path) => typeof path === 'string')) {
    packs = mergePacks(input.packs as string[]);
  } else throw new InputError('"packs" must be an array of file paths');

  const fill: FillContext = {
    customer: person(input.customer, 'customer'),
    agent: person(input.agent, 'agent'),
    ticket: { id: optionalString(input.ticketId, 'ticketId'), subject },
  };
  if (isRecord(input.team)) {
    fill.team = {
      name: optionalString(input.team.name, 'team.name'),
      phone: optionalString(input.team.phone, 'team.phone'),
      hours: optionalString(input.team.hours, 'team.hours'),
    };
  }
  if (isRecord(input.fill)) {
    fill.fill = {
      time: optionalString(input.fill.time, 'fill.time'),
      date: optionalString(input.fill.date, 'fill.date'),
      amount: optionalString(input.fill.amount, 'fill.amount'),
    };
  }
  const corrections: { type?: CustomerType; dismissedCues?: Cue[] } = {};
  if (isRecord(input.corrections)) {
    const type = input.corrections.type;
    if (type !== undefined) {
      if (!(CUSTOMER_TYPES as readonly unknown[]).includes(type))
        throw new InputError('unknown corrections.type');
      corrections.type = type as CustomerType;
    }
    const dismissed = input.corrections.dismissedCues;
    if (dismissed !== undefined) {
      if (
        !Array.isArray(dismissed) ||
        !dismissed.every((cue) => (CUES as readonly unknown[]).includes(cue))
      ) {
        throw new InputError('corrections.dismissedCues must list cue ids');
      }
      corrections.dismissedCues = dismissed as Cue[];
    }
  }

  const analysis = analyzeConversation(messages, { lang });
  const result = suggest({
    analysis,
    messages,
    subject,
    phrases: packs.phrases,
    frames: packs.frames,
    fill,
    now,
    replyLang,
    corrections,
  });
  return {
    id: input.id,
    lang: result.lang,
    customerType: result.customerType,
    topics: result.topics,
    suggestions: result.suggestions.map((suggestion) => ({
      stage: suggestion.stage,
      phraseId: suggestion.phraseId,
      text: suggestion.text,
      tags: suggestion.tags,
      reason: suggestion.reason,
    })),
  };
}

// A bad line gets {"id", "error"} and the run goes on (scripts/lib/jsonl.ts); a failure that is not the
// input's fault says so.
requireFlag('--jsonl', 'usage: npm run --silent suggest -- --jsonl < conversations.jsonl');
await runJsonLines((input) => {
  try {
    return runLine(input);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new Error(`internal error: ${(error as Error).message}`);
  }
});
