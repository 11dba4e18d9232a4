// design.md 3.1: npm run --silent classify -- --jsonl  (stdin: {"id","text","lang"?} or {"id","messages"})
import type { ConversationMessage } from '../src/core/analysis';
import { analyze, analyzeConversation } from '../src/core/classify/index';
import { requireFlag, runJsonLines } from './lib/jsonl';

requireFlag('--jsonl', 'usage: npm run --silent classify -- --jsonl < input.jsonl');

const ROLES = new Set(['customer', 'agent', 'note', 'system']);

await runJsonLines((input) => {
  const { id } = input;
  const lang = typeof input.lang === 'string' ? input.lang : undefined;
  if (Array.isArray(input.messages)) {
    const messages = input.messages.map((m, i): ConversationMessage => {
      if (typeof m !== 'object' || m === null || typeof (m as { text?: unknown }).text !== 'string') {
        throw new Error(`messages[${i}] needs a "text" string`);
      }
      const role = (m as { role?: unknown }).role;
      if (typeof role !== 'string' || !ROLES.has(role)) {
        throw new Error(`messages[${i}].role must be one of customer, agent, note`);
      }
      return { role: role as ConversationMessage['role'], text: (m as { text: string }).text };
    });
    const { temperatures, trajectory, lastCustomerMessage, ...analysis } = analyzeConversation(messages, {
      lang,
    });
    return { id, ...analysis, trajectory, temperatures };
  }
  if (typeof input.text !== 'string') throw new Error('a line needs "text" (string) or "messages" (list)');
  return { id, ...analyze(input.text, { lang }) };
});
