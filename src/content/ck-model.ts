// CKEditor 5 model insertion, used by the MAIN-world bridge. Kept free of extension APIs and of any
// import from ckeditor5 (the page's own editor instance is used through the few methods below).
import type { CkInsertRequest } from '../adapters/insert';

/** The subset of the CKEditor 5 editor API the bridge touches. */
export interface CkEditorLike {
  model: {
    change<T>(callback: (writer: CkWriter) => T): T;
    insertContent(content: unknown, selectable?: unknown): CkRange;
    schema: { isRegistered(name: string): boolean };
    document: { selection: unknown; getRoot(): unknown };
  };
  editing: { view: { focus(): void } };
}
interface CkRange {
  start: { parent: CkElement; offset: number };
  end: { parent: CkElement; offset: number };
}
interface CkElement {
  index: number | null;
  parent: CkElement | null;
  getChild(index: number): CkElement | null;
  childCount: number;
  is(type: string, name?: string): boolean;
}
interface CkWriter {
  createDocumentFragment(): unknown;
  createElement(name: string): unknown;
  append(item: unknown, parent: unknown): void;
  appendText(text: string, parent: unknown): void;
  appendElement(name: string, parent: unknown): void;
  createPositionAt(parent: unknown, offset: number | 'end'): unknown;
  setSelection(position: unknown): void;
}

export type Piece = string | { softBreak: true };

export interface BuiltText {
  paragraphs: Piece[][];
  /** Model coordinates of each UTF-16 offset's caret: [paragraph index, offset inside it]. */
  caretAt(offset: number): [number, number];
}

/**
 * "\n\n" (or more) starts a paragraph, "\n" is a soft break (Shift+Enter). In a chat composer every
 * line break is a soft break: a paragraph there would mean Enter, which sends.
 */
export function buildParagraphs(text: string, chat: boolean): BuiltText {
  const paragraphs: Piece[][] = [[]];
  const caret: Array<[number, number]> = [];
  let para = 0;
  let offset = 0;
  let buffer = '';
  const flush = () => {
    if (buffer) paragraphs[para]?.push(buffer);
    buffer = '';
  };
  for (let i = 0; i < text.length; i++) {
    caret[i] = [para, offset];
    const ch = text[i];
    if (ch === '\n') {
      let run = 1;
      while (text[i + run] === '\n') run++;
      flush();
      if (!chat && run >= 2) {
        for (let r = 1; r < run; r++) caret[i + r] = [para, offset];
        para += 1;
        paragraphs[para] = [];
        offset = 0;
        i += run - 1;
      } else {
        paragraphs[para]?.push({ softBreak: true });
        offset += 1;
      }
      continue;
    }
    buffer += ch;
    offset += 1;
  }
  flush();
  caret[text.length] = [para, offset];
  return {
    paragraphs,
    caretAt: (at) => caret[Math.max(0, Math.min(at, text.length))] ?? [para, offset],
  };
}

/** Inserts at the model selection (kept by CKEditor while blurred) as one change, one undo step. */
export function insertIntoCkEditor(editor: CkEditorLike, built: BuiltText, cursor: number | undefined): void {
  const { model } = editor;
  const hasSoftBreak = model.schema.isRegistered('softBreak');
  model.change((writer) => {
    const fragment = writer.createDocumentFragment();
    for (const pieces of built.paragraphs) {
      const paragraph = writer.createElement('paragraph');
      writer.append(paragraph, fragment);
      for (const piece of pieces) {
        if (typeof piece === 'string') writer.appendText(piece, paragraph);
        else if (hasSoftBreak) writer.appendElement('softBreak', paragraph);
        else writer.appendText(' ', paragraph);
      }
    }
    const range = model.insertContent(fragment);
    if (cursor === undefined) return;
    try {
      const [paraIndex, offset] = built.caretAt(cursor);
      const startParent = range.start.parent;
      let target: unknown = startParent;
      let at = range.start.offset + offset;
      if (paraIndex > 0 && startParent.parent && startParent.index !== null) {
        target = startParent.parent.getChild(startParent.index + paraIndex);
        at = offset;
      }
      if (target) writer.setSelection(writer.createPositionAt(target, at));
    } catch {
      // The caret stays at the end of the inserted text.
    }
  });
  try {
    editor.editing.view.focus();
  } catch {
    // Focus is a nicety; the text is in.
  }
}

/** Strict: a JSON string with exactly a short id, plain text ≤ 20000 chars, an integer cursor, a flag. */
export function parseCkRequest(detail: unknown): CkInsertRequest | undefined {
  if (typeof detail !== 'string' || detail.length > 200_000) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { id, text, cursor, chat, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  if (typeof id !== 'string' || id.length > 64) return undefined;
  if (typeof text !== 'string' || text.length > 20_000) return undefined;
  if (
    cursor !== undefined &&
    (!Number.isInteger(cursor) || (cursor as number) < 0 || (cursor as number) > text.length)
  ) {
    return undefined;
  }
  if (chat !== undefined && typeof chat !== 'boolean') return undefined;
  return {
    id,
    text,
    ...(cursor !== undefined ? { cursor: cursor as number } : {}),
    ...(chat ? { chat } : {}),
  };
}
