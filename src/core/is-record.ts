/** A plain JSON object: what every boundary (packs, policy, messages, CLI input) checks before reading fields. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
