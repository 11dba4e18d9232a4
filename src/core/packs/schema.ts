// The phrase-pack format (design.md 3.3), defined once with TypeBox: the same object is the TypeScript
// type, the published JSON Schema (scripts/gen-schema.ts) and the structural validator (Value.Check, no eval).
import { type Static, type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox';
import { CUES, CUSTOMER_TYPES, LANGS, STAGES } from '../taxonomy';

export const CURRENT_SCHEMA_VERSION = 1;
export const MAX_PHRASES = 2000;
export const MAX_TEXT_LENGTH = 1000;

export const PACK_ID_PATTERN = '^[a-z0-9][a-z0-9._-]{1,63}$';
export const PHRASE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$';
export const VERSION_PATTERN = '^\\d+\\.\\d+\\.\\d+$';
export const TAG_PATTERN = '^[a-z][a-z0-9-]{1,31}$';
export const DATE_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$';

/** Placeholder names a phrase or frame may use, exactly as written between {{ and }}. */
export const PLACEHOLDERS = [
  'customer.firstName',
  'customer.name',
  'agent.firstName',
  'agent.name',
  'ticket.id',
  'ticket.subject',
  'team.name',
  'team.phone',
  'team.hours',
  'wait.duration',
  'fill.time',
  'fill.date',
  'fill.amount',
  'cursor',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const oneOf = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  ) as unknown as TUnion<TLiteral<T>[]>;

export const LangSchema = oneOf(LANGS, 'Language: en, nb (Norwegian bokmål), sv or fi.');
export const StageSchema = oneOf(STAGES, 'Suggestion stage (design.md section 2).');
export const CustomerTypeSchema = oneOf(CUSTOMER_TYPES, 'Customer type this phrase fits.');
export const CueSchema = oneOf(CUES, 'Emotional cue this phrase answers.');
export const RegisterSchema = oneOf(['formal', 'informal'] as const, 'Formal or informal address.');

const PlainText = (description: string) =>
  Type.String({ minLength: 1, maxLength: MAX_TEXT_LENGTH, description });

export const PhraseSchema = Type.Object(
  {
    id: Type.String({
      pattern: PHRASE_ID_PATTERN,
      description: 'Unique id, by convention <lang>.<stage>.<key>.',
    }),
    stage: StageSchema,
    lang: LangSchema,
    text: PlainText('Plain text (no HTML) with optional {{placeholders}} and at most one {{cursor}}.'),
    types: Type.Optional(Type.Array(CustomerTypeSchema, { uniqueItems: true })),
    cues: Type.Optional(Type.Array(CueSchema, { uniqueItems: true })),
    tags: Type.Optional(
      Type.Array(Type.String({ pattern: TAG_PATTERN }), {
        uniqueItems: true,
        description:
          'Topic ids (delivery, billing, account, technical, cancellation, staff, product, general) or custom tags.',
      }),
    ),
    register: Type.Optional(RegisterSchema),
  },
  { additionalProperties: false },
);

export const FrameSchema = Type.Object(
  {
    lang: LangSchema,
    greeting: Type.Optional(PlainText('Opening line, e.g. "Hei {{customer.firstName}},".')),
    signoff: Type.Optional(PlainText('Closing lines, e.g. "Med vennlig hilsen\\n{{agent.name}}".')),
    register: Type.Optional(RegisterSchema),
  },
  { additionalProperties: false },
);

export const PackSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Optional link to this schema, for editors.' })),
    schemaVersion: Type.Literal(CURRENT_SCHEMA_VERSION),
    id: Type.String({ pattern: PACK_ID_PATTERN, description: 'Pack id: lowercase letters, digits, . _ -' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    version: Type.String({
      pattern: VERSION_PATTERN,
      description: 'MAJOR.MINOR.PATCH; raise it for every release.',
    }),
    publisher: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    languages: Type.Array(LangSchema, { minItems: 1, uniqueItems: true }),
    approvedBy: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    approvedAt: Type.Optional(
      Type.String({ pattern: DATE_PATTERN, description: 'ISO date, e.g. 2026-11-24.' }),
    ),
    frames: Type.Optional(Type.Array(FrameSchema)),
    phrases: Type.Array(PhraseSchema, { maxItems: MAX_PHRASES }),
  },
  {
    additionalProperties: false,
    $id: 'https://calmdesk.app/schema/pack.schema.json',
    title: 'Calmdesk phrase pack',
    description: 'A team-approved set of reply phrases for Calmdesk (schemaVersion 1).',
  },
);

export const SignatureSchema = Type.Object(
  {
    alg: Type.Literal('Ed25519'),
    keyId: Type.String({ minLength: 1, maxLength: 128 }),
    value: Type.String({ minLength: 1, description: 'Base64 of the 64-byte Ed25519 signature.' }),
  },
  { additionalProperties: false },
);

export type PackPhrase = Static<typeof PhraseSchema>;
export type PackFrame = Static<typeof FrameSchema>;
export type Pack = Static<typeof PackSchema>;
export type PackSignature = Static<typeof SignatureSchema>;
export interface SignedPack {
  pack: Pack;
  signature: PackSignature;
}

/** The JSON Schema document published at schema/pack.schema.json (TypeBox's symbols are dropped by JSON). */
export function packJsonSchema(): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(PackSchema as TSchema)) as Record<string, unknown>;
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...plain };
}
