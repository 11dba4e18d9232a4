// Puts text into the helpdesk's own reply editor so its undo, formatting and "unsaved draft" state see it.
// Runs in the content script's isolated world. Measured chain per editor (helpdesk-dom.md section 3):
//   CKEditor 5 (Zendesk)  MAIN-world bridge (model.insertContent, one undo step) → synthetic paste
//                         (text/plain: "\n" soft break, "\n\n" paragraph) → execCommand('insertText')
//   Froala (Freshdesk)    synthetic paste with text/html (Froala ignores text/plain-only paste)
//                         → execCommand('insertText')
//   textarea / input      execCommand('insertText') when focused (native undo) → setRangeText + input
//   contenteditable       synthetic paste (text/html + text/plain) → execCommand('insertText')
// Every step is verified by reading the editor back; the first that lands wins.
//
// Chat composers (Enter sends): a "\n" must never arrive as an Enter keystroke or an `insertParagraph`
// input. Our choice: CKEditor gets soft breaks (the model's `softBreak`, what Shift+Enter inserts, which
// Zendesk sends as a line break inside one message); the paste fallback sends single "\n" only (soft
// breaks, never paragraphs); the execCommand and generic fallbacks join lines with spaces.
import type { InsertResult } from '../core/messages';

export type EditorKind = 'ckeditor5' | 'froala' | 'textarea' | 'contenteditable';

export const CK_INSERT_EVENT = 'calmdesk:ck-insert';
export const CK_INSERTED_EVENT = 'calmdesk:ck-inserted';
export const MAX_INSERT_CHARS = 20_000;

/** Detail (as a JSON string: objects do not cross worlds) of the request to the MAIN-world bridge. */
export interface CkInsertRequest {
  id: string;
  text: string;
  cursor?: number;
  chat?: boolean;
}
export interface CkInsertResponse {
  id?: string;
  ok: boolean;
  via?: string;
  error?: string;
}

export function editorKind(el: Element | null): EditorKind | null {
  if (!el) return null;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return 'textarea';
  if (el.matches('.ck-editor__editable') || el.closest('.ck-editor__editable')) return 'ckeditor5';
  if (el.matches('.fr-element.fr-view') || el.closest('.fr-element.fr-view')) return 'froala';
  if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true')
    return 'contenteditable';
  return null;
}

/** The editable root for any element inside an editor. */
export function editableRoot(el: Element | null): Element | null {
  if (!el) return null;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return el;
  const known = el.closest('.ck-editor__editable, .fr-element.fr-view');
  if (known) return known;
  let root: Element | null = null;
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.getAttribute('contenteditable') === 'true' || node.getAttribute('contenteditable') === '')
      root = node;
  }
  return root;
}

interface SavedSelection {
  editor: Element;
  range?: Range;
  start?: number;
  end?: number;
}

/**
 * Remembers the last caret/selection inside any editor on the page, so an insert requested from the
 * side panel (which took the focus) lands where the agent left the caret.
 */
export class SelectionMemory {
  private last: SavedSelection | undefined;

  constructor(
    private readonly doc: Document,
    signal?: AbortSignal,
  ) {
    const options = { capture: true, signal } as AddEventListenerOptions;
    const onChange = () => this.capture();
    doc.addEventListener('selectionchange', onChange, options);
    doc.addEventListener('focusin', onChange, options);
    doc.addEventListener('keyup', onChange, options);
    doc.addEventListener('mouseup', onChange, options);
    doc.addEventListener('select', onChange, options);
    doc.addEventListener('focusout', onChange, options);
  }

  capture(): void {
    try {
      const active = this.doc.activeElement;
      if (active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT')) {
        const field = active as HTMLTextAreaElement;
        this.last = { editor: field, start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 };
        return;
      }
      const selection = this.doc.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const anchor = selection.anchorNode;
      const element = anchor?.nodeType === 1 ? (anchor as Element) : anchor?.parentElement;
      const editor = editableRoot(element ?? null);
      if (editor) this.last = { editor, range: selection.getRangeAt(0).cloneRange() };
    } catch {
      // Never let bookkeeping throw into the page.
    }
  }

  /** The remembered selection when it still belongs to `editor` and is still in the document. */
  for(editor: Element): SavedSelection | undefined {
    const last = this.last;
    if (!last || last.editor !== editor || !editor.isConnected) return undefined;
    if (last.range && !editor.contains(last.range.startContainer)) return undefined;
    return last;
  }

  /** Any editor the agent last worked in (when the adapter cannot name one). */
  lastEditor(): Element | undefined {
    return this.last?.editor.isConnected ? this.last.editor : undefined;
  }
}

export interface InsertOptions {
  /** Enter sends in this composer: never turn "\n" into Enter. */
  chat?: boolean;
  memory?: SelectionMemory;
  /** How long to wait for the MAIN-world CKEditor bridge. */
  bridgeTimeoutMs?: number;
  /** Zendesk moves the caret to the start when its editor gains focus: wait this long after focusing. */
  focusSettleMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until true or `ms` passed (editors may apply a paste a tick later). */
async function settled(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() >= until) return false;
    await sleep(15);
  }
  return true;
}

const normalise = (value: string) =>
  value
    .replace(/[\u00a0\u200b]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A short piece of the text to look for when reading the editor back. */
function probeOf(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return normalise(line).slice(0, 40);
}

function countOf(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

function editorText(editor: Element): string {
  if (editor.tagName === 'TEXTAREA' || editor.tagName === 'INPUT')
    return (editor as HTMLTextAreaElement).value;
  // innerText keeps line structure in a browser; textContent is the fallback in test DOMs.
  return (editor as HTMLElement).innerText ?? editor.textContent ?? '';
}

function makeVerifier(editor: Element, text: string): () => boolean {
  const probe = probeOf(text);
  const before = editorText(editor);
  const beforeCount = countOf(normalise(before), probe);
  return () => {
    const after = editorText(editor);
    if (probe === '') return after !== before;
    return countOf(normalise(after), probe) > beforeCount;
  };
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Escaped text as inline HTML: every line break a <br>, so the first line joins the paragraph at the
 * caret (Froala turns a pasted <p> into a new paragraph before the caret's). A blank line shows as an
 * empty line inside the paragraph.
 */
export function textToHtml(text: string): string {
  return (
    text
      .split('\n')
      // HTML drops a space at either end of a line ("1. {{cursor}}" would lose the space before the caret).
      .map((line) =>
        escapeHtml(line).replace(/ {2}/g, ' &nbsp;').replace(/^ /, '&nbsp;').replace(/ $/, '&nbsp;'),
      )
      .join('<br>')
  );
}

/**
 * How many caret steps the cursor is before the end. Each "\n" is one step where line breaks are <br>s;
 * with `paragraphs`, a run of line breaks (a paragraph boundary) is one step.
 */
export function stepsFromEnd(text: string, cursor: number, paragraphs = false): number {
  const tail = text.slice(Math.max(0, Math.min(cursor, text.length)));
  return (paragraphs ? tail.replace(/\n{2,}/g, '\n') : tail).length;
}

function restoreRange(editor: Element, saved: SavedSelection | undefined): void {
  const doc = editor.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const inside = selection.rangeCount > 0 && editor.contains(selection.getRangeAt(0).startContainer);
  if (saved?.range) {
    selection.removeAllRanges();
    selection.addRange(saved.range);
  } else if (!inside) {
    const range = doc.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
}

function dispatchPaste(editor: Element, plain: string, html?: string): boolean {
  try {
    const data = new DataTransfer();
    data.setData('text/plain', plain);
    if (html !== undefined) data.setData('text/html', html);
    const event = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
      composed: true,
    });
    editor.dispatchEvent(event);
    return event.defaultPrevented;
  } catch {
    return false;
  }
}

function moveCaretBack(editor: Element, steps: number): void {
  const selection = editor.ownerDocument.getSelection() as
    | (Selection & { modify?: (...args: string[]) => void })
    | null;
  if (!selection?.modify || steps <= 0) return;
  for (let i = 0; i < steps; i++) selection.modify('move', 'backward', 'character');
}

let requestCounter = 0;

/** Asks the MAIN-world bridge (entrypoints/ckeditor-bridge.content.ts) to insert through the model. */
function askBridge(
  editor: Element,
  request: Omit<CkInsertRequest, 'id'>,
  timeoutMs: number,
): Promise<CkInsertResponse> {
  const id = `cd${Date.now().toString(36)}${(requestCounter++).toString(36)}`;
  return new Promise((resolve) => {
    const done = (response: CkInsertResponse) => {
      clearTimeout(timer);
      editor.ownerDocument.removeEventListener(CK_INSERTED_EVENT, onAnswer, true);
      resolve(response);
    };
    const onAnswer = (event: Event) => {
      const detail = (event as CustomEvent).detail;
      if (typeof detail !== 'string') return;
      try {
        const answer = JSON.parse(detail) as CkInsertResponse;
        if (answer.id === id) done({ ok: answer.ok === true, via: String(answer.via ?? 'ckeditor-model') });
      } catch {
        // not ours
      }
    };
    const timer = setTimeout(() => done({ ok: false, error: 'no bridge' }), timeoutMs);
    editor.ownerDocument.addEventListener(CK_INSERTED_EVENT, onAnswer, true);
    editor.dispatchEvent(
      new CustomEvent(CK_INSERT_EVENT, {
        bubbles: true,
        composed: true,
        detail: JSON.stringify({ ...request, id }),
      }),
    );
  });
}

async function focusEditor(editor: Element, settleMs: number): Promise<void> {
  if (editor.ownerDocument.activeElement !== editor && !editor.contains(editor.ownerDocument.activeElement)) {
    (editor as HTMLElement).focus({ preventScroll: true });
    if (settleMs > 0) await sleep(settleMs);
  }
}

function insertIntoField(
  field: HTMLTextAreaElement | HTMLInputElement,
  text: string,
  cursor: number,
  memory?: SelectionMemory,
): InsertResult {
  const saved = memory?.for(field);
  const start = saved?.start ?? field.selectionStart ?? field.value.length;
  const end = saved?.end ?? field.selectionEnd ?? start;
  const value = field.tagName === 'INPUT' ? text.replace(/\s*\n+\s*/g, ' ') : text;
  const before = field.value;
  const expected = before.slice(0, start) + value + before.slice(end);
  const doc = field.ownerDocument;
  if (doc.activeElement === field || doc.hasFocus?.()) {
    try {
      field.focus({ preventScroll: true });
      field.setSelectionRange(start, end);
      // Native undo stack: only execCommand puts the change there.
      if (doc.execCommand('insertText', false, value) && field.value === expected) {
        field.setSelectionRange(
          start + Math.min(cursor, value.length),
          start + Math.min(cursor, value.length),
        );
        return { ok: true, via: 'execCommand' };
      }
    } catch {
      // fall through to setRangeText
    }
    if (field.value !== before) return { ok: field.value.includes(value), via: 'execCommand' };
  }
  field.setRangeText(value, start, end, 'end');
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
  const caret = start + Math.min(cursor, value.length);
  field.setSelectionRange(caret, caret);
  return field.value === expected
    ? { ok: true, via: 'textarea' }
    : { ok: false, error: 'The reply box did not take the text.' };
}

/**
 * Inserts `text` at the remembered caret of `editor` and puts the caret at `cursor` (a UTF-16 offset into
 * `text`; the end when absent). Resolves with where it landed; never throws.
 */
export async function insertText(
  target: Element,
  text: string,
  cursor: number | undefined,
  options: InsertOptions = {},
): Promise<InsertResult> {
  try {
    if (text.length > MAX_INSERT_CHARS) return { ok: false, error: 'The text is too long to insert.' };
    const editor = editableRoot(target) ?? target;
    const kind = editorKind(editor);
    const caret = cursor === undefined ? text.length : Math.max(0, Math.min(cursor, text.length));
    const chat = options.chat === true;
    if (!kind) return { ok: false, error: 'Calmdesk could not find a reply box to insert into.' };
    if (kind === 'textarea')
      return insertIntoField(editor as HTMLTextAreaElement, text, caret, options.memory);

    const saved = options.memory?.for(editor);
    const landed = makeVerifier(editor, text);

    if (kind === 'ckeditor5') {
      const answer = await askBridge(editor, { text, cursor: caret, chat }, options.bridgeTimeoutMs ?? 400);
      if (answer.ok && landed()) return { ok: true, via: answer.via ?? 'ckeditor-model' };
      // Paste fallback: CKEditor reads its selection from the DOM only while focused.
      await focusEditor(editor, options.focusSettleMs ?? 100);
      restoreRange(editor, saved);
      const plain = chat ? text.replace(/\n{2,}/g, '\n') : text;
      dispatchPaste(editor, plain);
      if (await settled(landed, 150)) {
        moveCaretBack(editor, stepsFromEnd(plain, Math.min(caret, plain.length), true));
        return { ok: true, via: 'paste' };
      }
      const flat = chat ? text.replace(/\s*\n+\s*/g, ' ') : text;
      editor.ownerDocument.execCommand('insertText', false, flat);
      if (landed()) return { ok: true, via: 'execCommand' };
      return { ok: false, error: 'The editor did not accept the text. Use Copy and paste it instead.' };
    }

    await focusEditor(editor, options.focusSettleMs ?? (kind === 'froala' ? 30 : 0));
    restoreRange(editor, saved);
    const body = chat ? text.replace(/\s*\n+\s*/g, ' ') : text;
    // Froala and most rich editors want text/html; escaped text keeps the agent's words literal.
    dispatchPaste(editor, body, textToHtml(body));
    if (await settled(landed, kind === 'froala' ? 250 : 60)) {
      moveCaretBack(editor, stepsFromEnd(body, Math.min(caret, body.length)));
      return { ok: true, via: 'paste' };
    }
    if (editor.ownerDocument.execCommand('insertText', false, body) && landed()) {
      moveCaretBack(editor, stepsFromEnd(body, Math.min(caret, body.length)));
      return { ok: true, via: 'execCommand' };
    }
    return { ok: false, error: 'The editor did not accept the text. Use Copy and paste it instead.' };
  } catch {
    return { ok: false, error: 'Inserting failed on this page. Use Copy and paste the text instead.' };
  }
}
