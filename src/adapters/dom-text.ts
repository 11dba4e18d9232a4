// DOM helpers shared by the adapters. No helpdesk selectors here: those live in each adapter file.

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'svg', 'BUTTON']);

/**
 * The visible text of an element with line breaks where the page shows them (`<br>`, blocks), without
 * relying on `innerText` (layout-dependent, and missing in test DOMs). `exclude` drops subtrees such as
 * quoted history or signatures before reading.
 */
export function readableText(root: Element, exclude: string[] = []): string {
  const clone = root.cloneNode(true) as Element;
  for (const selector of exclude) {
    for (const node of Array.from(clone.querySelectorAll(selector))) node.remove();
  }
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += (node.nodeValue ?? '').replace(/[ \t\r\n]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName) || el.getAttribute('aria-hidden') === 'true') return;
    if (el.tagName === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    if (block && out !== '' && !out.endsWith('\n')) out += '\n';
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block && !out.endsWith('\n')) out += '\n';
    if (el.tagName === 'P' && !out.endsWith('\n\n')) out += '\n';
  };
  walk(clone);
  return out
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A short single-line text (names, labels). */
export function shortText(el: Element | null | undefined): string | undefined {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** Hidden by inline style, the `hidden` attribute or (where layout exists) computed style. */
export function isHidden(el: Element): boolean {
  const html = el as HTMLElement;
  if (html.hidden) return true;
  const style = html.style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  const view = el.ownerDocument?.defaultView;
  if (view?.getComputedStyle) {
    try {
      const computed = view.getComputedStyle(el);
      if (computed.display === 'none' || computed.visibility === 'hidden') return true;
    } catch {
      // Detached or foreign element: treat as visible and let the caller's checks decide.
    }
  }
  return false;
}

/** An ISO date from a `datetime` or a parseable title, else undefined (never a guess). */
export function isoDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Removes an email address or angle-bracket part from a display name. */
export function displayName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const name = value
    .replace(/<[^>]*>/g, '')
    .replace(/\S+@\S+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name || undefined;
}

export function emailIn(value: string | undefined): string | undefined {
  return value?.match(/[^\s<>()"]+@[^\s<>()"]+\.[a-z]{2,}/i)?.[0];
}

/** Case- and space-insensitive name comparison. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const norm = (value: string) => value.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
