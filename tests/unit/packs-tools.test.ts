import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions, diffPacks } from '../../src/core/packs/diff';
import { lintPack } from '../../src/core/packs/lint';
import { escapeHtml, renderPreviewHtml } from '../../src/core/packs/preview';
import type { Pack } from '../../src/core/packs/schema';

const valid = (): Pack =>
  JSON.parse(readFileSync(new URL('../fixtures/packs/valid-v1.json', import.meta.url), 'utf8'));

describe('lintPack', () => {
  it('warns about missing translations, stage gaps, custom tags and placeholders that need values', () => {
    const pack = valid();
    pack.phrases.push({
      id: 'nb.expectations.call',
      stage: 'expectations',
      lang: 'nb',
      text: 'Ring oss på {{team.phone}}.',
    });
    const warnings = lintPack(pack);
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    const messages = warnings.map((w) => `${w.code}: ${w.message}`);
    expect(messages).toContain('missing-translation: no sv translation of "expectations.time" (found in nb)');
    expect(messages).toContain('stage-gap: sv: no phrase for type "impatient" at stage apologize');
    expect(
      messages.some((m) => m.startsWith('stage-gap: nb: no phrases at stage acknowledge, restate')),
    ).toBe(true);
    expect(messages.some((m) => m.startsWith('custom-tag: custom tag "vip-kunder"'))).toBe(true);
    expect(messages.some((m) => m.startsWith('placeholder-needs-value: {{team.phone}} (in 1 phrase)'))).toBe(
      true,
    );
    expect(warnings.find((w) => w.code === 'custom-tag')?.path).toBe('phrases[2].tags[0]');
  });

  it('warns about unapproved packs, empty languages, missing frames and repeated texts', () => {
    const pack = valid();
    delete pack.approvedBy;
    pack.languages = ['nb', 'sv', 'fi'];
    pack.phrases.push({ ...pack.phrases[0], id: 'nb.apologize.copy' });
    const codes = lintPack(pack).map((w) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining(['not-approved', 'empty-language', 'no-frame', 'duplicate-text']),
    );
  });
});

describe('diffPacks', () => {
  it('lists added, removed and changed phrases and accepts a raised version', () => {
    const before = valid();
    const after = valid();
    after.version = '2.0.0';
    after.phrases[0].text = 'Beklager så mye.';
    after.phrases.splice(1, 1);
    after.phrases.push({ id: 'nb.close.new', stage: 'close', lang: 'nb', text: 'Ha en fin dag.' });
    const diff = diffPacks(before, after);
    expect(diff.added.map((p) => p.id)).toEqual(['nb.close.new']);
    expect(diff.removed.map((p) => p.id)).toEqual(['sv.apologize.simple']);
    expect(diff.changed).toEqual([expect.objectContaining({ id: 'nb.apologize.simple', fields: ['text'] })]);
    expect(diff.version).toMatchObject({ ok: true, before: '1.2.0', after: '2.0.0' });
  });

  it('flags content changes without a version bump, and a version going down', () => {
    const before = valid();
    const same = valid();
    same.phrases[0].types = ['angry', 'demanding'];
    const unchangedVersion = diffPacks(before, same);
    expect(unchangedVersion.version.ok).toBe(false);
    expect(unchangedVersion.version.message).toContain('raise it');
    const lower = valid();
    lower.version = '1.1.9';
    expect(diffPacks(before, lower).version).toMatchObject({
      ok: false,
      message: expect.stringContaining('version goes down'),
    });
    expect(diffPacks(before, valid()).version).toMatchObject({
      ok: true,
      message: expect.stringContaining('no changes'),
    });
    const meta = valid();
    meta.name = 'Renamed';
    meta.version = '1.2.1';
    expect(diffPacks(before, meta).meta).toEqual([
      { field: 'name', before: 'Acme support phrases', after: 'Renamed' },
    ]);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });
});

describe('renderPreviewHtml', () => {
  it('renders a self-contained page with every pack text escaped', () => {
    const pack = valid();
    pack.name = 'Evil <script>alert(1)</script> & co';
    pack.phrases[0].text = 'Hei {{customer.firstName}} "quoted" & \'single\' <img src=x onerror=alert(1)>';
    pack.phrases[0].tags = ['delivery'];
    const html = renderPreviewHtml(pack, { source: 'a<b>.json' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    const allowed = [
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'header',
      'h1',
      'h2',
      'h3',
      'small',
      'table',
      'tr',
      'th',
      'td',
      'p',
      'main',
      'section',
      'article',
      'div',
      'span',
      'code',
    ];
    expect([...tags].filter((tag) => !allowed.includes(tag))).toEqual([]);
    expect(html).toContain('Evil &#60;script&#62;alert(1)&#60;/script&#62; &#38; co');
    expect(html).toContain('<span class="ph">{{customer.firstName}}</span>');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('a&#60;b&#62;.json');
    expect(html).toContain('nb.expectations.time');
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
  });
});
