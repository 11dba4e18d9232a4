// Shared fixtures for the ui-* tests: a controllable classifier result and snapshots.
import type { ConversationAnalysis } from '../../src/core/analysis';
import type { InsertResult } from '../../src/core/messages';
import type { TicketSnapshot } from '../../src/core/snapshot';
import { CUSTOMER_TYPES, type CustomerType } from '../../src/core/taxonomy';
import type { Corrections } from '../../src/ui/derive';
import type { PanelPorts } from '../../src/ui/ports';

export const CUSTOMER_TEXT = 'Jeg har ventet i TRE dager! Hvor blir pakken av? Jeg trenger den i dag.';

export function fakeAnalysis(over: Partial<ConversationAnalysis> = {}): ConversationAnalysis {
  const type: CustomerType = (over.customerType as CustomerType) ?? 'impatient';
  const scores = Object.fromEntries(CUSTOMER_TYPES.map((t) => [t, t === type ? 0.8 : 0.05])) as Record<
    CustomerType,
    number
  >;
  return {
    lang: 'nb',
    supported: true,
    langConfidence: 0.9,
    customerType: type,
    confidence: 0.8,
    scores,
    cues: [
      {
        cue: 'urgency',
        score: 0.9,
        evidence: [{ start: 60, end: 70, text: CUSTOMER_TEXT.slice(60, 70), message: 0 }],
      },
      { cue: 'shouting', score: 0.6, evidence: [{ start: 17, end: 20, text: 'TRE', message: 0 }] },
    ],
    typeEvidence: [{ start: 60, end: 70, text: CUSTOMER_TEXT.slice(60, 70), message: 0 }],
    trajectory: 'escalating',
    temperatures: [{ message: 0, value: 0.7 }],
    lastCustomerMessage: 0,
    ...over,
  };
}

export function snapshot(over: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    helpdesk: 'zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/123',
    ticketId: '123',
    subject: 'Pakken min',
    requester: { name: 'Kari Nordmann' },
    channel: 'email',
    composerMode: 'public',
    messages: [{ role: 'customer', text: CUSTOMER_TEXT, at: '2026-11-20T09:00:00Z' }],
    readAt: '2026-11-23T10:00:00Z',
    ...over,
  };
}

export interface FakePorts extends PanelPorts {
  inserts: { tabId: number; text: string; cursor?: number; allowInternal?: boolean }[];
  copies: string[];
  saved: Record<string, unknown>[];
  corrections: Map<string, Corrections | undefined>;
  answers: InsertResult[];
  copyFails: boolean;
}

export function fakePorts(): FakePorts {
  const ports: FakePorts = {
    inserts: [],
    copies: [],
    saved: [],
    corrections: new Map(),
    answers: [],
    copyFails: false,
    async sendInsert(tabId, message) {
      ports.inserts.push({
        tabId,
        text: message.text,
        cursor: message.cursor,
        allowInternal: message.allowInternal,
      });
      return ports.answers.shift() ?? { ok: true, via: 'test' };
    },
    async copyText(text) {
      if (ports.copyFails) throw new Error('denied');
      ports.copies.push(text);
    },
    async saveSettings(change) {
      ports.saved.push(change as Record<string, unknown>);
    },
    async saveCorrection(tabId, ticketKey, corrections) {
      ports.corrections.set(`correction:${tabId}:${ticketKey}`, corrections);
    },
    async loadCorrection(tabId, ticketKey) {
      return ports.corrections.get(`correction:${tabId}:${ticketKey}`);
    },
  };
  return ports;
}

/** Lets pending promise callbacks run. */
export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
