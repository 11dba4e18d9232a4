// Bundled by tests/e2e/adapters.e2e.test.mjs (esbuild, IIFE) and injected into fixture pages: the
// adapters, the insert chain and the CKEditor bridge, exactly as the extension ships them.
import { insertText, SelectionMemory } from '../../../src/adapters/insert';
import { pickAdapter, readPage } from '../../../src/adapters/registry';
import { installCkBridge } from '../../../src/content/ck-bridge';

const memory = new SelectionMemory(document);
(window as unknown as Record<string, unknown>).__calmdesk = {
  memory,
  readPage: () => readPage(document),
  adapterId: () => pickAdapter(new URL(location.href), document)?.id,
  composerMode: () => pickAdapter(new URL(location.href), document)?.composerMode(document),
  installBridge: () => installCkBridge(document),
  insert: (text: string, cursor?: number, options: { bridgeTimeoutMs?: number } = {}) => {
    const adapter = pickAdapter(new URL(location.href), document);
    const editor = adapter?.findEditor(document);
    if (!editor) return Promise.resolve({ ok: false, error: 'no editor' });
    return insertText(editor, text, cursor, {
      memory,
      chat: adapter?.composerMode(document) === 'chat',
      bridgeTimeoutMs: options.bridgeTimeoutMs,
    });
  },
};
