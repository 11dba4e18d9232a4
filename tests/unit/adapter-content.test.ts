// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { insertText, SelectionMemory, stepsFromEnd, textToHtml } from '../../src/adapters/insert';
import { selectionAdapter } from '../../src/adapters/selection';
import { buildParagraphs, parseCkRequest } from '../../src/content/ck-model';
import { handleInsert, snapshotKey, TicketWatcher } from '../../src/content/main';
import { isUnreadable, type TicketSnapshot, type Unreadable } from '../../src/core/snapshot';
import { loadFixture } from './helpers/helpdesk-fixture';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('selection fallback', () => {
  it('reads the selected text as one customer message', () => {
    const doc = loadFixture('https://acme.zendesk.com/agent/dashboard');
    const quote = doc.querySelector('.customer-quote')!;
    const range = doc.createRange();
    range.selectNodeContents(quote);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    const snap = selectionAdapter.read(doc) as TicketSnapshot;
    expect(snap.helpdesk).toBe('selection');
    expect(snap.messages).toHaveLength(1);
    expect(snap.messages[0]!.role).toBe('customer');
    expect(snap.messages[0]!.text).toContain('I am furious');
  });

  it('no selection → unreadable with a sentence', () => {
    const doc = loadFixture('https://acme.zendesk.com/agent/dashboard');
    doc.getSelection()!.removeAllRanges();
    const result = selectionAdapter.read(doc);
    expect(isUnreadable(result) && result.reason).toMatch(/No text is selected/);
  });
});

describe('TicketWatcher', () => {
  it('sends once, then only when the snapshot changes (new message), debounced', async () => {
    const doc = loadFixture('https://acme.zendesk.com/agent/tickets/1002');
    const sent: Array<TicketSnapshot | Unreadable> = [];
    const watcher = new TicketWatcher({ doc, send: (s) => sent.push(s), onStop: () => {} });
    watcher.start();
    expect(sent).toHaveLength(1);
    // Typing-like noise that changes nothing the snapshot holds: no new send.
    doc.querySelector('main#main_panes > [data-pane-ticket="1002"] header')!.setAttribute('class', 'x');
    await tick(200);
    expect(sent).toHaveLength(1);
    // A new customer message arrives.
    const log = doc.querySelector(
      'main#main_panes > [data-pane-ticket="1002"] [data-test-id="omni-log-container"]',
    )!;
    const clone = log.querySelector('article')!.cloneNode(true) as Element;
    clone.querySelector('.zd-comment')!.innerHTML = '<p>Är det någon där?</p>';
    log.append(clone);
    await tick(200);
    expect(sent).toHaveLength(2);
    expect((sent[1] as TicketSnapshot).messages.at(-1)?.text).toBe('Är det någon där?');
    watcher.stop();
  });

  it('waits for the pane during an SPA switch instead of reporting the old ticket', async () => {
    const doc = loadFixture('https://acme.zendesk.com/agent/tickets/1001');
    const sent: Array<TicketSnapshot | Unreadable> = [];
    const watcher = new TicketWatcher({ doc, send: (s) => sent.push(s), onStop: () => {} });
    watcher.start();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
      'https://acme.zendesk.com/agent/tickets/1003',
    );
    watcher.schedule(0);
    await tick(50);
    expect(sent).toHaveLength(1);
    // The SPA mounts the new pane ~300 ms later.
    for (const pane of Array.from(
      doc.querySelectorAll<HTMLElement>('main#main_panes > [data-pane-ticket]'),
    )) {
      const active = pane.dataset.paneTicket === '1003';
      pane.style.display = active ? '' : 'none';
      pane.querySelector('.ticket-panes-grid-layout')!.setAttribute('data-is-active', String(active));
    }
    await tick(250);
    expect(sent).toHaveLength(2);
    expect((sent[1] as TicketSnapshot).ticketId).toBe('1003');
    watcher.stop();
  });

  it('snapshotKey ignores readAt', () => {
    const a = {
      helpdesk: 'zendesk',
      url: 'u',
      channel: 'email',
      composerMode: 'public',
      messages: [],
      readAt: '1',
    } as TicketSnapshot;
    expect(snapshotKey(a)).toBe(snapshotKey({ ...a, readAt: '2' }));
    expect(snapshotKey(a)).not.toBe(snapshotKey({ ...a, subject: 'x' }));
  });
});

describe('handleInsert', () => {
  it('asks before inserting into an internal note', async () => {
    const doc = loadFixture('https://acme.zendesk.com/agent/tickets/1003');
    const watcher = new TicketWatcher({ doc, send: () => {}, onStop: () => {} });
    const result = await handleInsert(
      { doc, watcher, memory: new SelectionMemory(doc) },
      'Hei',
      undefined,
      undefined,
    );
    expect(result).toMatchObject({ ok: false, needsConfirm: 'internal-note', composerMode: 'internal' });
  });
});

describe('insertText', () => {
  it('textarea: inserts at the remembered caret with line breaks and places the cursor', async () => {
    document.body.innerHTML = '<textarea id="t">Hello world</textarea><button id="b">x</button>';
    const field = document.getElementById('t') as HTMLTextAreaElement;
    const memory = new SelectionMemory(document);
    field.focus();
    field.setSelectionRange(6, 6);
    memory.capture();
    (document.getElementById('b') as HTMLButtonElement).focus();
    const onInput = vi.fn();
    field.addEventListener('input', onInput);
    const result = await insertText(field, 'dear\nfriend ', 4, { memory });
    expect(result.ok).toBe(true);
    expect(field.value).toBe('Hello dear\nfriend world');
    expect(field.selectionStart).toBe(10);
    expect(onInput).toHaveBeenCalled();
  });

  it('a contenteditable that ignores paste falls back and verifies', async () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>Hi</p></div>';
    const editor = document.getElementById('e')!;
    const result = await insertText(editor, 'there', undefined, {});
    // happy-dom has no execCommand editing: the chain reports failure instead of pretending.
    if (result.ok) expect(editor.textContent).toContain('there');
    else expect(result.error).toMatch(/Copy/);
  });

  it('textToHtml escapes and keeps breaks; stepsFromEnd counts a break run as one step', () => {
    expect(textToHtml('a <b>\nc\n\nd')).toBe('a &lt;b&gt;<br>c<br><br>d');
    expect(textToHtml('1. ')).toBe('1.&nbsp;'); // the space before a cursor mark survives

    expect(stepsFromEnd('ab\n\ncd', 1)).toBe(5);
    expect(stepsFromEnd('ab\n\ncd', 1, true)).toBe(4);
  });
});

describe('CKEditor bridge helpers', () => {
  it('buildParagraphs: blank line → paragraph, single break → softBreak; chat → soft breaks only', () => {
    const built = buildParagraphs('Hei Kari,\n\nTakk.\nMvh', false);
    expect(built.paragraphs).toEqual([['Hei Kari,'], ['Takk.', { softBreak: true }, 'Mvh']]);
    expect(built.caretAt(4)).toEqual([0, 4]);
    expect(built.caretAt(11)).toEqual([1, 0]);
    expect(built.caretAt(17)).toEqual([1, 6]);
    const chat = buildParagraphs('a\n\nb', true);
    expect(chat.paragraphs).toEqual([['a', { softBreak: true }, { softBreak: true }, 'b']]);
  });

  it('parseCkRequest accepts only strict plain requests', () => {
    expect(parseCkRequest(JSON.stringify({ id: 'x', text: 'hi', cursor: 1 }))).toEqual({
      id: 'x',
      text: 'hi',
      cursor: 1,
    });
    expect(parseCkRequest({ id: 'x', text: 'hi' })).toBeUndefined();
    expect(parseCkRequest(JSON.stringify({ id: 'x', text: 'hi', cursor: 1.5 }))).toBeUndefined();
    expect(parseCkRequest(JSON.stringify({ id: 'x', text: 'hi', cursor: 9 }))).toBeUndefined();
    expect(parseCkRequest(JSON.stringify({ id: 'x', text: 'a'.repeat(20_001) }))).toBeUndefined();
    expect(parseCkRequest(JSON.stringify({ id: 'x', text: 'hi', html: '<img onerror=1>' }))).toBeUndefined();
    expect(parseCkRequest('{not json')).toBeUndefined();
  });
});
