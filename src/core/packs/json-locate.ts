// A small strict JSON parser that remembers where each value starts, so pack problems can name a line
// and a bad file gets "line:column" instead of an engine-specific message. No eval.

export interface SourcePosition {
  line: number;
  column: number;
}

export type LocatedJson =
  | {
      ok: true;
      value: unknown;
      /** Start of the value at a JSON pointer (`/phrases/3/stage`); for a key, where its property begins. */
      positions: Map<string, SourcePosition>;
      /** Pointers of object keys written twice (JSON.parse silently keeps the last). */
      duplicateKeys: string[];
    }
  | { ok: false; message: string; line: number; column: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const escapePointerSegment = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(String(s))}`).join('');
}

export function parseJsonWithLocations(input: string): LocatedJson {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const positions = new Map<string, SourcePosition>();
  const duplicateKeys: string[] = [];
  // Line starts, for offset → line/column.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const toPosition = (offset: number): SourcePosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };

  let index = 0;
  const describe = (offset: number) => {
    if (offset >= text.length) return 'end of file';
    const char = text[offset];
    return char === '\n' || char === '\r' ? 'end of line' : `"${char}"`;
  };
  const skipWhitespace = () => {
    while (index < text.length) {
      const c = text[index];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') index++;
      else if (c === '/' && (text[index + 1] === '/' || text[index + 1] === '*'))
        throw new JsonSyntaxError('comments are not allowed in JSON', index);
      else break;
    }
  };
  const expectChar = (char: string, context: string) => {
    if (text[index] !== char)
      throw new JsonSyntaxError(`expected ${context} but found ${describe(index)}`, index);
    index++;
  };

  const parseString = (): string => {
    const start = index;
    index++; // opening quote
    while (index < text.length) {
      const c = text.charCodeAt(index);
      if (c === 34) {
        index++;
        return JSON.parse(text.slice(start, index)) as string;
      }
      if (c === 92) {
        const next = text[index + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6)))
            throw new JsonSyntaxError('bad \\u escape in string', index);
          index += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) index += 2;
        else throw new JsonSyntaxError(`bad escape "\\${next ?? ''}" in string`, index);
        continue;
      }
      if (c < 0x20) {
        throw new JsonSyntaxError(
          c === 10
            ? 'string is not closed before the end of the line (write line breaks as \\n)'
            : 'control character in string',
          index,
        );
      }
      index++;
    }
    throw new JsonSyntaxError('string is not closed', start);
  };

  const parseValue = (path: (string | number)[]): unknown => {
    skipWhitespace();
    const start = index;
    positions.set(pointerOf(path), toPosition(start));
    const c = text[index];
    if (c === '{') {
      index++;
      const result: Record<string, unknown> = {};
      skipWhitespace();
      if (text[index] === '}') {
        index++;
        return result;
      }
      for (;;) {
        skipWhitespace();
        if (text[index] !== '"') {
          const hint =
            text[index] === '}' ? ' (remove the comma before "}")' : ' (property names need double quotes)';
          throw new JsonSyntaxError(`expected a property name but found ${describe(index)}${hint}`, index);
        }
        const keyStart = index;
        const key = parseString();
        const childPath = [...path, key];
        if (Object.hasOwn(result, key)) duplicateKeys.push(pointerOf(childPath));
        skipWhitespace();
        expectChar(':', `":" after property name "${key}"`);
        const value = parseValue(childPath);
        // Point a key's problems at the key itself, which is where people look.
        positions.set(pointerOf(childPath), toPosition(keyStart));
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        skipWhitespace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === '}') {
          index++;
          return result;
        }
        throw new JsonSyntaxError(
          `expected "," or "}" after the value of "${key}" but found ${describe(index)}`,
          index,
        );
      }
    }
    if (c === '[') {
      index++;
      const result: unknown[] = [];
      skipWhitespace();
      if (text[index] === ']') {
        index++;
        return result;
      }
      for (;;) {
        skipWhitespace();
        if (text[index] === ']') throw new JsonSyntaxError('remove the comma before "]"', index);
        result.push(parseValue([...path, result.length]));
        skipWhitespace();
        if (text[index] === ',') {
          index++;
          continue;
        }
        if (text[index] === ']') {
          index++;
          return result;
        }
        throw new JsonSyntaxError(`expected "," or "]" in list but found ${describe(index)}`, index);
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(index, index + 64),
    );
    if (literal) {
      index += literal[0].length;
      return JSON.parse(literal[0]);
    }
    if (c === "'") throw new JsonSyntaxError('strings need double quotes, not single quotes', index);
    throw new JsonSyntaxError(`unexpected ${describe(index)}`, index);
  };

  try {
    const value = parseValue([]);
    skipWhitespace();
    if (index < text.length)
      throw new JsonSyntaxError(`unexpected ${describe(index)} after the end of the document`, index);
    return { ok: true, value, positions, duplicateKeys };
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      const { line, column } = toPosition(Math.min(error.offset, text.length));
      return { ok: false, message: error.message, line, column };
    }
    throw error;
  }
}

/** The nearest recorded position for a pointer, walking up to its parents. */
export function positionOf(
  positions: Map<string, SourcePosition>,
  pointer: string,
): SourcePosition | undefined {
  let current = pointer;
  for (;;) {
    const found = positions.get(current);
    if (found) return found;
    if (current === '') return undefined;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
