// The MAIN-world listener behind entrypoints/ckeditor-bridge.content.ts (kept here so the real-browser
// test can load the very same code into a fixture page). Imports nothing from the extension APIs.
import { CK_INSERT_EVENT, CK_INSERTED_EVENT } from '../adapters/insert';
import { buildParagraphs, type CkEditorLike, insertIntoCkEditor, parseCkRequest } from './ck-model';

export function installCkBridge(doc: Document): () => void {
  const onRequest = (event: Event) => {
    try {
      const request = parseCkRequest((event as CustomEvent).detail);
      const target = event.target instanceof Element ? event.target : null;
      const editable = target?.closest('.ck-editor__editable') as
        | (Element & { ckeditorInstance?: unknown })
        | null;
      if (!request || !editable) return;
      let answer: { ok: boolean; via: string; error?: string };
      try {
        const editor = editable.ckeditorInstance as CkEditorLike | undefined;
        if (!editor?.model?.change) throw new Error('no editor');
        insertIntoCkEditor(editor, buildParagraphs(request.text, request.chat === true), request.cursor);
        answer = { ok: true, via: 'ckeditor-model' };
      } catch (error) {
        answer = {
          ok: false,
          via: 'ckeditor-model',
          error: error instanceof Error ? error.message : 'failed',
        };
      }
      editable.dispatchEvent(
        new CustomEvent(CK_INSERTED_EVENT, {
          bubbles: true,
          detail: JSON.stringify({ id: request.id, ...answer }),
        }),
      );
    } catch {
      // Never throw into the helpdesk page.
    }
  };
  doc.addEventListener(CK_INSERT_EVENT, onRequest, true);
  return () => doc.removeEventListener(CK_INSERT_EVENT, onRequest, true);
}
