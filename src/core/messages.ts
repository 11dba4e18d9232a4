// The one message union between the extension's parts, named by direction (design.md section 4).
// Every listener validates what it receives with `parse*` before acting: pages and other extensions
// can't reach these listeners, but a stale content script after an update can send old shapes.

import { isRecord } from './is-record';
import type { ComposerMode, TicketSnapshot, Unreadable } from './snapshot';

/** Content script → background. */
export type CsToBg =
  | { type: 'cs/snapshot'; snapshot: TicketSnapshot | Unreadable }
  | { type: 'cs/openPanel' };

/** Side panel / options → background. */
export type UiToBg =
  | { type: 'ui/getSnapshot'; tabId: number }
  | { type: 'ui/refreshPacks' }
  | { type: 'ui/addPackUrl'; url: string }
  | { type: 'ui/importPack'; name: string; text: string }
  | { type: 'ui/removePack'; sourceId: string }
  | { type: 'ui/setPackDisabled'; sourceId: string; disabled: boolean }
  | { type: 'ui/analyseSelection'; tabId: number };

/** Side panel → content script (tabs.sendMessage with frameId 0). */
export type UiToCs =
  | { type: 'ui/insert'; text: string; cursor?: number; allowInternal?: boolean }
  | { type: 'ui/reread' }
  | { type: 'ui/readSelection' };

export interface InsertResult {
  ok: boolean;
  /** Which strategy put the text in: `ckeditor-model`, `paste`, `execCommand`, `textarea`, … */
  via?: string;
  composerMode?: ComposerMode;
  /** A plain sentence when the text did not land (or needs confirmation). */
  error?: string;
  /** Set when the reply box is an internal note and the text is customer-facing: ask the agent first. */
  needsConfirm?: 'internal-note';
}

/** Background → side panel (runtime.sendMessage; only open panels hear it). */
export type BgToUi = { type: 'bg/insertTop'; tabId?: number };

export type AnyMessage = CsToBg | UiToBg | UiToCs | BgToUi;

const TYPES = new Set<AnyMessage['type']>([
  'cs/snapshot',
  'cs/openPanel',
  'ui/getSnapshot',
  'ui/refreshPacks',
  'ui/addPackUrl',
  'ui/importPack',
  'ui/removePack',
  'ui/setPackDisabled',
  'ui/analyseSelection',
  'ui/insert',
  'ui/reread',
  'ui/readSelection',
  'bg/insertTop',
]);

/** Returns the message when its shape is right, else undefined (so listeners ignore it). */
export function parseMessage(value: unknown): AnyMessage | undefined {
  if (!isRecord(value) || typeof value.type !== 'string' || !TYPES.has(value.type as AnyMessage['type'])) {
    return undefined;
  }
  switch (value.type) {
    case 'cs/snapshot':
      return isRecord(value.snapshot) && typeof value.snapshot.url === 'string'
        ? (value as AnyMessage)
        : undefined;
    case 'ui/getSnapshot':
    case 'ui/analyseSelection':
      return Number.isInteger(value.tabId) ? (value as AnyMessage) : undefined;
    case 'ui/addPackUrl':
      return typeof value.url === 'string' && value.url.length <= 2048 ? (value as AnyMessage) : undefined;
    case 'ui/importPack':
      return typeof value.name === 'string' &&
        typeof value.text === 'string' &&
        value.text.length <= 4_000_000
        ? (value as AnyMessage)
        : undefined;
    case 'ui/removePack':
      return typeof value.sourceId === 'string' ? (value as AnyMessage) : undefined;
    case 'ui/setPackDisabled':
      return typeof value.sourceId === 'string' && typeof value.disabled === 'boolean'
        ? (value as AnyMessage)
        : undefined;
    case 'ui/insert':
      return typeof value.text === 'string' &&
        value.text.length <= 20_000 &&
        (value.cursor === undefined || Number.isInteger(value.cursor))
        ? (value as AnyMessage)
        : undefined;
    default:
      return value as AnyMessage;
  }
}
