// Splits a message into plain and highlighted pieces for the "why" view. Evidence offsets are UTF-16
// indices into the message text (design.md 3.1), which is what String.prototype.slice uses.
import type { Evidence } from '../core/analysis';

export interface Piece {
  text: string;
  mark: boolean;
}

const CONTEXT = 90;

/** Pieces of `text` with the evidence ranges marked, trimmed to some context around them. */
export function highlightPieces(text: string, evidence: readonly Pick<Evidence, 'start' | 'end'>[]): Piece[] {
  const ranges = evidence
    .map(({ start, end }) => ({
      start: Math.max(0, Math.min(start, text.length)),
      end: Math.max(0, Math.min(end, text.length)),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  if (merged.length === 0) return [{ text: shorten(text), mark: false }];
  const pieces: Piece[] = [];
  let cursor = 0;
  merged.forEach((range, index) => {
    const before = text.slice(cursor, range.start);
    if (before) {
      let shown = before;
      if (index === 0 && before.length > CONTEXT) shown = `…${before.slice(-CONTEXT).replace(/^\S*\s/, '')}`;
      else if (index > 0 && before.length > CONTEXT * 2)
        shown = `${before.slice(0, CONTEXT)} … ${before.slice(-CONTEXT)}`;
      pieces.push({ text: shown, mark: false });
    }
    pieces.push({ text: text.slice(range.start, range.end), mark: true });
    cursor = range.end;
  });
  const after = text.slice(cursor);
  if (after)
    pieces.push({
      text: after.length > CONTEXT ? `${after.slice(0, CONTEXT).replace(/\s\S*$/, '')}…` : after,
      mark: false,
    });
  return pieces;
}

function shorten(text: string): string {
  return text.length > CONTEXT * 2 ? `${text.slice(0, CONTEXT * 2)}…` : text;
}
