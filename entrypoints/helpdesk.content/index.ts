// Isolated-world content script for the built-in helpdesk hosts. The logic lives in src/content/main.ts
// (the background registers this same script on custom domains at runtime).
import { runHelpdeskContentScript } from '../../src/content/main';

export default defineContentScript({
  matches: ['*://*.zendesk.com/*', '*://*.freshdesk.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    try {
      runHelpdeskContentScript(ctx);
    } catch {
      // Never throw into the helpdesk page.
    }
  },
});
