// Loads a fixture helpdesk page (the same HTML the fixture server sends) into the happy-dom document,
// without its scripts (the real editors only run in a browser: tests/e2e/adapters.e2e.test.mjs).
// @ts-expect-error plain JS fixture module
import { createStore, renderFixturePage } from '../../fixtures/helpdesk/pages.mjs';

// biome-ignore lint/suspicious/noExplicitAny: fixture data is plain JS
type Store = { zendesk: Record<string, any>; freshdesk: Record<string, any> };

export const newStore = (): Store => createStore();

export function loadFixture(href: string, store: Store = createStore()): Document {
  const page = renderFixturePage(href, store) as { status: number; body: string };
  if (page.status !== 200) throw new Error(`fixture ${href} answered ${page.status}`);
  const html = page.body.replace(/<script\b[^>]*\bsrc=[^>]*><\/script>/g, '').replace(/<link\b[^>]*>/g, '');
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  // (happy-dom cannot replace the document element: copy head, body and their attributes instead.)
  for (const [target, source] of [
    [document.documentElement, parsed.documentElement],
    [document.body, parsed.body],
  ] as const) {
    for (const attr of Array.from(target.attributes)) target.removeAttribute(attr.name);
    for (const attr of Array.from(source.attributes)) target.setAttribute(attr.name, attr.value);
  }
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  hydrateDeclarativeShadowRoots(document);
  return document;
}

/** happy-dom does not parse <template shadowrootmode>; Chromium does. Attach them by hand. */
export function hydrateDeclarativeShadowRoots(doc: Document): void {
  for (const template of Array.from(doc.querySelectorAll('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = (template as HTMLTemplateElement).innerHTML;
    template.remove();
  }
}
