// MAIN-world bridge for CKEditor 5 (Zendesk's composer). The isolated content script cannot see
// `editable.ckeditorInstance`, so it asks here with a CustomEvent ('calmdesk:ck-insert', detail a JSON
// string); this script inserts through the editor's model (one undo step, at the caret, seen by
// Zendesk's draft state) and answers with 'calmdesk:ck-inserted' {id, ok, via}.
// It imports nothing from the extension APIs: it runs as page code. The page can forge these events
// too, so it accepts only a strictly validated insert of bounded plain text (src/content/ck-model.ts).
// When the editor is not focused (the agent clicked in the side panel), CKEditor keeps its model
// selection from before the blur: that remembered caret is where the text goes.
import { installCkBridge } from '../src/content/ck-bridge';

export default defineContentScript({
  matches: ['*://*.zendesk.com/*'],
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    installCkBridge(document);
  },
});
