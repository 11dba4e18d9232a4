// Turns a message body (as plain text) into the words the customer wrote this time: quoted reply
// history, email signatures and mobile footers are cut, in nb, sv, fi and en. Pure: no DOM, so the
// adapters, the CLIs and the tests share it.

/** Lines that start quoted history: everything from such a line to the end is the older thread. */
const ATTRIBUTION_LINES: RegExp[] = [
  // en (Gmail, Apple Mail): "On Mon, 3 Nov 2025 at 10:00, Kari <kari@x.no> wrote:"
  /^\s*On\b.{3,300}\bwrote:\s*$/i,
  // nb/sv (Apple Mail, Outlook): "Den 3. nov. 2025 kl. 10:00 skrev Kari Nordmann <kari@x.no>:",
  // "Den 3 nov. 2025 skrev Kari …:" and "Den … skrev …:" with the name before "skrev".
  /^\s*Den\b.{3,300}\bskrev\b.{0,200}:\s*$/i,
  // nb/sv (Gmail): "tir. 4. nov. 2025 kl. 09:12 skrev Ola <ola@x.no>:" — a date, then "skrev"
  /^.{0,80}\d.{0,80}\bskrev\b.{0,200}:\s*$/i,
  // fi (Gmail, Outlook): "ti 4.11.2025 klo 9.12 Ola Nordmann (<ola@x.no>) kirjoitti:"
  /^.{0,300}\bkirjoitti:\s*$/i,
];

/** An attribution names a date, a time or an address; "On Monday my husband wrote:" is content. */
const ATTRIBUTION_EVIDENCE = /@|<|\b\d{1,2}[:.]\d{2}\b|\b(19|20)\d{2}\b/;

const SEPARATOR_LINES: RegExp[] = [
  // Outlook separators in each language.
  /^\s*-{2,}\s*(Original Message|Opprinnelig melding|Ursprungligt meddelande|Alkuperäinen viesti|Forwarded message|Videresendt melding|Vidarebefordrat meddelande|Välitetty viesti)\s*-{2,}\s*$/i,
];

const HEADER_FROM = /^\s*\*?(From|Fra|Från|Lähettäjä)\s*:\*?\s*\S/i;
const HEADER_OTHER =
  /^\s*\*?(Sent|Date|To|Cc|Subject|Sendt|Dato|Til|Emne|Kopi|Skickat|Datum|Till|Ämne|Kopia|Lähetetty|Päivämäärä|Vastaanottaja|Aihe|Kopio)\s*:\*?/i;

/** Mobile and mail-app footers: removed wherever they stand as a line of their own. */
const MOBILE_FOOTER =
  /^\s*(Sent from my\b.{0,60}|Sent from (Mail|Outlook|Yahoo Mail)\b.{0,60}|Sendt fra min\b.{0,60}|Sendt fra (Mail|Outlook)\b.{0,60}|Skickat från min\b.{0,60}|Skickat från (Mail|Outlook)\b.{0,60}|Lähetetty (iPhonesta|iPadista|Android-?puhelimesta|puhelimestani|mobiilista|Samsung\b.{0,40}|Outlookista|Mail-sovelluksella).{0,60}|Lähetetty\s+\S+\s*-?\s*(puhelimesta|laitteesta)\.?|Get Outlook for (iOS|Android)|Hent Outlook for (iOS|Android)|Skaffa Outlook för (iOS|Android)|Hanki Outlook for (iOS|Android)|Hanki Outlook (iOS|Android)-laitteelle)\s*\.?\s*$/i;

/** Sign-offs; when one stands near the end followed only by a short name block, the rest is cut. */
const SIGN_OFF =
  /^\s*(Med vennlig hilsen|Vennlig hilsen|Med venlig hilsen|Mvh\.?|MVH|Hilsen|Beste hilsen|Vänliga hälsningar|Vänlig hälsning|Med vänliga hälsningar|Med vänlig hälsning|Hälsningar|Bästa hälsningar|Ystävällisin terveisin|Ystävällisesti|Terveisin|Parhain terveisin|t\.|Best regards|Kind regards|Warm regards|Regards|Best wishes|Br|BR)\s*[,.!]?\s*(?<rest>.{0,40})$/;

/** A name-block line (name, title, company, phone): short, few words, not a question. */
const isNameBlockLine = (line: string): boolean => {
  const trimmed = line.trim();
  return trimmed.length <= 60 && trimmed.split(/\s+/).length <= 6 && !trimmed.endsWith('?');
};

const MAX_NAME_BLOCK_LINES = 5;

export interface CleanOptions {
  /** Keep signatures (for example when the whole message is a sign-off). */
  keepSignature?: boolean;
}

const isAttribution = (line: string): boolean =>
  ATTRIBUTION_LINES.some((re) => re.test(line)) && ATTRIBUTION_EVIDENCE.test(line);

const isQuoteLine = (line: string) => /^\s*>/.test(line);

/** How many lines an attribution at line `i` takes: 0 (none), 1, or 2 when its "wrote:" wraps. */
function attributionAt(lines: readonly string[], i: number): number {
  const line = lines[i] ?? '';
  if (isAttribution(line)) return 1;
  // An attribution may wrap: "On Mon, 3 Nov 2025, Kari <kari@x.no>\nwrote:".
  const next = lines[i + 1] ?? '';
  return /^\s*(wrote|skrev|kirjoitti):\s*$/i.test(next) && isAttribution(`${line} ${next}`) ? 2 : 0;
}

/** Outlook's forwarded or replied-to header block, or a separator line: the rest is the older thread. */
const opensHistory = (lines: readonly string[], i: number): boolean => {
  const line = lines[i] ?? '';
  return (
    SEPARATOR_LINES.some((re) => re.test(line)) ||
    (/^\s*_{10,}\s*$/.test(line) && HEADER_FROM.test(lines[i + 1] ?? '')) ||
    (HEADER_FROM.test(line) && lines.slice(i + 1, i + 5).some((next) => HEADER_OTHER.test(next)))
  );
};

/**
 * The lines of a message that are quoted history, as [start, end) character ranges: "> " lines, an
 * attribution ("On … wrote:") with the "> " block under it, and everything from a separator, a forwarded
 * header or an attribution with unquoted lines under it (Outlook's style) to the end. Words written after a
 * "> " block are the customer's own reply (inline answers), so they stay. Shared by stripQuoted and the
 * classifier, so the panel and the command line agree on what the customer wrote this time.
 */
export function quotedLineRanges(text: string): [number, number][] {
  const lines = text.split('\n');
  const ranges: [number, number][] = [];
  let offset = 0;
  const startOf: number[] = lines.map((line) => {
    const at = offset;
    offset += line.length + 1;
    return at;
  });
  const lineEnd = (i: number) => startOf[i] + lines[i].length;
  for (let i = 0; i < lines.length; i++) {
    const header = attributionAt(lines, i);
    if (header > 0) {
      // The first non-empty line under it (a forward walk, not a slice: linear even for hostile input).
      let next = i + header;
      while (next < lines.length && lines[next].trim() === '') next++;
      if (next < lines.length && !isQuoteLine(lines[next])) {
        ranges.push([startOf[i], text.length]);
        break;
      }
      ranges.push([startOf[i], lineEnd(i + header - 1)]);
      i += header - 1;
      continue;
    }
    if (opensHistory(lines, i)) {
      ranges.push([startOf[i], text.length]);
      break;
    }
    if (isQuoteLine(lines[i])) ranges.push([startOf[i], lineEnd(i)]);
  }
  return ranges;
}

/** Removes quoted history (quotedLineRanges): the older thread, attributions and "> " lines. */
export function stripQuoted(text: string): string {
  const ranges = quotedLineRanges(text);
  if (!ranges.length) return text;
  const kept: string[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    kept.push(text.slice(from, start));
    from = end + 1;
  }
  if (from < text.length) kept.push(text.slice(from));
  return kept.join('').replace(/\n$/, '');
}

/** Removes mobile and mail-app footer lines. */
export function stripMobileFooters(text: string): string {
  return text
    .split('\n')
    .filter((line) => !MOBILE_FOOTER.test(line))
    .join('\n');
}

/** Cuts a "-- " signature and a closing sign-off followed by a short name block. */
export function stripSignature(text: string): string {
  const lines = text.split('\n');
  const dashes = lines.findIndex((line) => /^--\s?$/.test(line));
  let end = dashes >= 0 ? dashes : lines.length;
  // Search the sign-off from the end, so "Hilsen" in the middle of a story does not cut it.
  for (let i = end - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const match = SIGN_OFF.exec(line);
    if (!match) continue;
    const rest = match.groups?.rest?.trim() ?? '';
    if (rest !== '' && !isNameBlockLine(rest)) continue;
    const after = lines.slice(i + 1, end).filter((next) => next.trim() !== '');
    if (after.length <= MAX_NAME_BLOCK_LINES && after.every(isNameBlockLine)) {
      // A sign-off that is the whole message is content ("Terveisin" alone): keep it then.
      if (lines.slice(0, i).some((prev) => prev.trim() !== '')) end = i;
    }
    break;
  }
  return lines.slice(0, end).join('\n');
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The words to classify: no quoted history, no signature, no mobile footer. */
export function cleanMessageText(raw: string, options: CleanOptions = {}): string {
  let text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u200b/g, '');
  text = stripQuoted(text);
  text = stripMobileFooters(text);
  if (!options.keepSignature) text = stripSignature(tidy(text));
  return tidy(text);
}

/** Caps a text at `max` UTF-16 units without splitting a surrogate pair. */
export function capText(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return { text: text.slice(0, cut), truncated: true };
}

/** "Kari Nordmann" → "Kari"; "Nordmann, Kari" → "Kari"; an email address gives its local part's first word. */
export function firstNameOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  let clean = name
    .replace(/<[^>]*>/g, '')
    .replace(/\([^)]*\)/g, '')
    .trim();
  if (clean.includes(',')) clean = (clean.split(',')[1] ?? '').trim() || clean;
  if (/^[^\s@]+@[^\s@]+$/.test(clean)) return undefined;
  const first = clean.split(/\s+/)[0];
  return first && /\p{L}/u.test(first) ? first : undefined;
}
