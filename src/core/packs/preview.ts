// A readable, self-contained HTML page of a pack for review and approval. Every text from the pack is
// escaped; the page carries no script and a CSP that forbids loading anything.
import { STAGES } from '../taxonomy';
import type { Pack, PackPhrase } from './schema';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Escaped text with placeholders marked; line breaks kept by CSS (white-space: pre-wrap). */
function phraseTextHtml(text: string): string {
  // Escaping leaves "{{name}}" untouched, so marking after escaping cannot inject markup.
  return escapeHtml(text).replace(
    /\{\{([^{}]*)\}\}/g,
    (_, name: string) => `<span class="ph">{{${name}}}</span>`,
  );
}

const LANG_NAMES: Record<string, string> = { en: 'English', nb: 'Norsk bokmål', sv: 'Svenska', fi: 'Suomi' };

export interface PreviewOptions {
  /** Shown in the header, e.g. "signed by key 1a2b… (verified)" or "unsigned". */
  signatureNote?: string;
  /** Where the page came from, e.g. the file name. */
  source?: string;
  generatedAt?: string;
}

export function renderPreviewHtml(pack: Pack, options: PreviewOptions = {}): string {
  const e = escapeHtml;
  const chips = (label: string, values: readonly string[] | undefined) =>
    values && values.length > 0
      ? `<span class="chips"><span class="k">${e(label)}</span> ${values.map((v) => `<span class="chip">${e(v)}</span>`).join(' ')}</span>`
      : '';
  const phraseHtml = (phrase: PackPhrase) => `
      <article class="phrase" id="${e(phrase.id)}">
        <div class="meta"><code>${e(phrase.id)}</code>${phrase.register ? ` <span class="chip">${e(phrase.register)}</span>` : ''}</div>
        <p class="text">${phraseTextHtml(phrase.text)}</p>
        <div class="meta">${chips('types', phrase.types)} ${chips('cues', phrase.cues)} ${chips('tags', phrase.tags)}</div>
      </article>`;

  const sections = pack.languages
    .map((lang) => {
      const phrases = pack.phrases.filter((p) => p.lang === lang);
      const frames = (pack.frames ?? []).filter((f) => f.lang === lang);
      const frameHtml = frames
        .map(
          (frame) => `
      <div class="frame"><span class="k">frame${frame.register ? ` (${e(frame.register)})` : ''}</span>
        <p class="text">${phraseTextHtml(frame.greeting ?? '')}</p><p class="dots">…</p><p class="text">${phraseTextHtml(frame.signoff ?? '')}</p></div>`,
        )
        .join('');
      const stages = STAGES.filter((stage) => phrases.some((p) => p.stage === stage))
        .map((stage) => {
          const list = phrases.filter((p) => p.stage === stage);
          return `
    <section class="stage"><h3>${e(stage)} <small>${list.length}</small></h3>${list.map(phraseHtml).join('')}
    </section>`;
        })
        .join('');
      return `
  <section class="lang" lang="${e(lang)}"><h2>${e(LANG_NAMES[lang] ?? lang)} <small>${e(lang)} · ${phrases.length} phrases</small></h2>${frameHtml}${stages}
  </section>`;
    })
    .join('');

  const rows: [string, string | undefined][] = [
    ['id', pack.id],
    ['version', pack.version],
    ['publisher', pack.publisher],
    ['languages', pack.languages.join(', ')],
    ['approved by', pack.approvedBy],
    ['approved at', pack.approvedAt],
    ['signature', options.signatureNote],
    ['source', options.source],
    ['generated', options.generatedAt],
  ];
  const table = rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`)
    .join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(pack.name)} ${e(pack.version)} · Calmdesk phrase pack</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2330; }
  h1 { margin-bottom: .2rem; } h2 { border-bottom: 2px solid #d6dbe6; margin-top: 2.5rem; }
  h3 { margin: 1.5rem 0 .5rem; color: #3b4a6b; } small { color: #6b7385; font-weight: normal; }
  table { border-collapse: collapse; margin: 1rem 0; } th { text-align: left; padding-right: 1rem; color: #6b7385; font-weight: normal; }
  .description { white-space: pre-wrap; }
  .phrase, .frame { border: 1px solid #d6dbe6; border-radius: 6px; padding: .6rem .8rem; margin: .5rem 0; background: #fbfcfe; }
  .frame { background: #f3f6fb; } .dots { margin: 0; color: #6b7385; }
  .text { white-space: pre-wrap; margin: .3rem 0; }
  .ph { background: #fff2c6; border-radius: 3px; padding: 0 2px; font-family: ui-monospace, monospace; font-size: 90%; }
  .meta { color: #6b7385; font-size: 85%; } .k { margin-right: .2rem; }
  .chip { display: inline-block; background: #e8ecf4; border-radius: 9px; padding: 0 .5rem; margin-right: .2rem; }
  .chips { margin-right: .8rem; }
  @media print { .phrase, .frame { break-inside: avoid; } }
</style>
</head>
<body>
<header>
  <h1>${e(pack.name)}</h1>
  ${pack.description ? `<p class="description">${e(pack.description)}</p>` : ''}
  <table>${table}</table>
  <p>${pack.phrases.length} phrases. Placeholders are <span class="ph">{{marked}}</span>; they are filled in when an agent inserts the phrase.</p>
</header>
<main>${sections}
</main>
</body>
</html>
`;
}
