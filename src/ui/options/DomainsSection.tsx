import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { normaliseDomain, originFor } from '../../background/custom-domains';
import { useT } from '../useT';
import type { OptionsModel } from './useOptions';

const originsOf = (host: string) => [originFor(host)];

/** Custom helpdesk domains: permission first (inside the click), then stored in settings.customDomains. */
export function DomainsSection({ model, policyDomains }: { model: OptionsModel; policyDomains: string[] }) {
  const t = useT();
  const { settings, save, setNote } = model;
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  const domains = settings.customDomains;
  const all = [...policyDomains.filter((d) => !domains.includes(d)), ...domains];

  useEffect(() => {
    let live = true;
    void Promise.all(
      all.map(
        async (host) =>
          [
            host,
            await browser.permissions.contains({ origins: originsOf(host) }).catch(() => false),
          ] as const,
      ),
    ).then((entries) => {
      if (live) setGranted(Object.fromEntries(entries));
    });
    return () => {
      live = false;
    };
  }, [all.join(',')]);

  /** permissions.request must be the first call in the click handler: no await before it. */
  const requestAndStore = (host: string) => {
    const request = browser.permissions.request({ origins: originsOf(host) });
    void request.then(
      async (ok) => {
        setGranted((g) => ({ ...g, [host]: ok }));
        if (!ok) {
          setNote(t('options.domains.denied', { host }), true);
          return;
        }
        if (!settings.customDomains.includes(host))
          await save({ customDomains: [...settings.customDomains, host] });
      },
      () => setNote(t('options.domains.denied', { host }), true),
    );
  };

  const onAdd = (event: Event) => {
    event.preventDefault();
    const host = normaliseDomain(draft);
    if (!host) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft('');
    requestAndStore(host);
  };

  const remove = (host: string) => {
    void save({ customDomains: settings.customDomains.filter((d) => d !== host) });
    void browser.permissions.remove({ origins: originsOf(host) }).catch(() => undefined);
  };

  return (
    <section class="card" aria-labelledby="domains-heading">
      <h2 id="domains-heading">{t('options.domains.heading')}</h2>
      <p class="muted">{t('options.domains.intro')}</p>
      {all.length === 0 ? (
        <p class="muted small">{t('options.domains.none')}</p>
      ) : (
        <ul class="list" data-testid="domains">
          {all.map((host) => {
            const fromPolicy = policyDomains.includes(host);
            return (
              <li
                key={host}
                data-testid="domain"
                data-host={host}
                data-granted={granted[host] ? 'true' : 'false'}
              >
                <strong>{host}</strong>
                {fromPolicy && <span class="badge">{t('options.domains.policy')}</span>}
                <span class={`badge ${granted[host] ? 'ok' : 'error'}`}>
                  {granted[host] ? t('options.domains.granted') : t('options.domains.notGranted')}
                </span>
                {!granted[host] && (
                  <button
                    type="button"
                    class="small"
                    data-testid="domain-grant"
                    onClick={() => requestAndStore(host)}
                  >
                    {t('options.domains.grant')}
                  </button>
                )}
                {!fromPolicy && (
                  <button
                    type="button"
                    class="small ghost"
                    data-testid="domain-remove"
                    onClick={() => remove(host)}
                  >
                    {t('options.domains.remove', { host })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form class="field-row" onSubmit={onAdd}>
        <label for="domain-input">{t('options.domains.input')}</label>
        <input
          id="domain-input"
          data-testid="domain-input"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'domain-error' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" data-testid="domain-add">
          {t('options.domains.add')}
        </button>
      </form>
      {invalid && (
        <p id="domain-error" class="error-text small" role="alert">
          {t('options.domains.invalid')}
        </p>
      )}
    </section>
  );
}
