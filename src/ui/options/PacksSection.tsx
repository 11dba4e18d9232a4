import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDate } from '../i18n';
import { loadPhraseSource, onPhraseSourceChanged, type PhraseSource } from '../phrases';
import { useT, useUiLang } from '../useT';
import { askBackground, type OptionsModel } from './useOptions';

/** Pack sources with status and last update; import, team URL and refresh unless policy locks packs. */
export function PacksSection({ model, locked }: { model: OptionsModel; locked: boolean }) {
  const t = useT();
  const lang = useUiLang((s) => s.lang);
  const { setNote } = model;
  const [source, setSource] = useState<PhraseSource | undefined>(undefined);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadPhraseSource().then(setSource);
    return onPhraseSourceChanged(setSource);
  }, []);

  const isLocked = locked || source?.locked === true;

  const onImport = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const answer = await askBackground({ type: 'ui/importPack', name: file.name, text });
    if (answer?.ok) setNote(t('options.packs.importDone', { name: answer.name ?? file.name }));
    else setNote(t('options.packs.importFailed', { message: answer?.error ?? '—' }), true);
  };

  const onAddUrl = (event: Event) => {
    event.preventDefault();
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
      if (parsed.protocol !== 'https:') throw new Error('not https');
    } catch {
      setNote(t('options.packs.urlInvalid'), true);
      return;
    }
    // The worker fetches the pack: ask for that origin inside the click, before any await.
    const permission = browser.permissions.request({ origins: [`${parsed.origin}/*`] }).catch(() => false);
    void permission.then(async () => {
      const answer = await askBackground({ type: 'ui/addPackUrl', url: parsed.href });
      if (answer?.ok) {
        setUrl('');
        setNote(t('options.saved'));
      } else setNote(t('options.saveFailed', { message: answer?.error ?? '—' }), true);
    });
  };

  const onRemove = async (sourceId: string) => {
    const answer = await askBackground({ type: 'ui/removePack', sourceId });
    if (answer?.ok === false) setNote(t('options.saveFailed', { message: answer.error ?? '—' }), true);
    else setNote(t('options.saved'));
  };

  const onToggle = async (sourceId: string, disabled: boolean) => {
    const answer = await askBackground({ type: 'ui/setPackDisabled', sourceId, disabled });
    if (answer?.ok === false) setNote(t('options.saveFailed', { message: answer.error ?? '—' }), true);
    else setNote(t('options.saved'));
  };

  const onRefresh = async () => {
    setBusy(true);
    setNote(t('options.packs.refreshing'));
    const answer = await askBackground({ type: 'ui/refreshPacks' });
    setBusy(false);
    if (answer?.ok === false) setNote(t('options.saveFailed', { message: answer.error ?? '—' }), true);
    else setNote(t('options.packs.refreshed'));
  };

  return (
    <section class="card" aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('options.packs.heading')}</h2>
      <p class="muted">{t('options.packs.intro')}</p>
      {isLocked && (
        <p class="note" data-testid="packs-locked" id="packs-locked">
          {t('options.packs.locked')}
        </p>
      )}
      <ul class="list" data-testid="pack-sources">
        {(source?.sources ?? []).map((s) => (
          <li key={s.sourceId} data-testid="pack-source" data-kind={s.kind} data-status={s.status}>
            <strong>{s.name ?? s.sourceId}</strong>
            <span class="muted small">{t(`options.packs.kind.${s.kind}`)}</span>
            {s.kind === 'policy' && <span class="badge">{t('options.packs.policy')}</span>}
            <span class={`badge ${s.status === 'ok' ? 'ok' : s.status === 'error' ? 'error' : ''}`}>
              {t(`options.packs.status.${s.status}`)}
            </span>
            {s.phraseCount !== undefined && (
              <span class="muted small">{t('options.packs.phrases', { count: s.phraseCount })}</span>
            )}
            {s.kind !== 'bundled' && (
              <span class="muted small">
                {s.lastGoodAt
                  ? t('options.packs.lastGood', { date: formatDate(s.lastGoodAt, lang) })
                  : t('options.packs.never')}
              </span>
            )}
            {s.lastCheckedAt && (
              <span class="muted small">
                {t('options.packs.lastChecked', { date: formatDate(s.lastCheckedAt, lang) })}
              </span>
            )}
            {s.url && <span class="muted small">{s.url}</span>}
            {s.kind !== 'policy' && s.kind !== 'bundled' && (
              <label class="check small">
                <input
                  type="checkbox"
                  data-testid="pack-enabled"
                  checked={!s.disabled}
                  disabled={isLocked}
                  onChange={(e) => void onToggle(s.sourceId, !(e.currentTarget as HTMLInputElement).checked)}
                />
                <span>{t('options.packs.enabled')}</span>
              </label>
            )}
            {(s.kind === 'url' || s.kind === 'file') && (
              <button
                type="button"
                class="small ghost"
                data-testid="pack-remove"
                disabled={isLocked}
                onClick={() => void onRemove(s.sourceId)}
              >
                {t('options.packs.remove', { name: s.name ?? s.sourceId })}
              </button>
            )}
            {s.error && (
              <p class="error-text small">
                {s.error} {s.lastGoodAt ? t('options.packs.keptOld') : ''}
              </p>
            )}
          </li>
        ))}
      </ul>
      <div class="field-row">
        <label for="pack-file">{t('options.packs.import')}</label>
        <input
          id="pack-file"
          type="file"
          accept=".json,application/json"
          data-testid="pack-import"
          disabled={isLocked}
          aria-describedby={isLocked ? 'packs-locked' : undefined}
          onChange={(e) => void onImport(e)}
        />
      </div>
      <form class="field-row" onSubmit={onAddUrl}>
        <label for="pack-url">{t('options.packs.url')}</label>
        <input
          id="pack-url"
          type="url"
          data-testid="pack-url"
          value={url}
          disabled={isLocked}
          aria-describedby={isLocked ? 'packs-locked' : undefined}
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" data-testid="pack-url-add" disabled={isLocked}>
          {t('options.packs.addUrl')}
        </button>
      </form>
      <div class="row">
        <button type="button" data-testid="pack-refresh" disabled={busy} onClick={() => void onRefresh()}>
          {busy ? t('options.packs.refreshing') : t('options.packs.refresh')}
        </button>
      </div>
    </section>
  );
}
