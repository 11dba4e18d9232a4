import { useEffect, useState } from 'preact/hooks';
import { useT } from '../useT';
import { DetailsSection } from './DetailsSection';
import { DomainsSection } from './DomainsSection';
import { LanguagesSection } from './LanguagesSection';
import { PacksSection } from './PacksSection';
import { PrivacySection } from './PrivacySection';
import { readPolicy, useOptions } from './useOptions';

export function OptionsApp() {
  const t = useT();
  const model = useOptions(
    () => t('options.saved'),
    (message) => t('options.saveFailed', { message }),
  );
  const [policy, setPolicy] = useState({ lockPacks: false, helpdeskDomains: [] as string[] });
  useEffect(() => {
    void readPolicy().then(setPolicy);
  }, []);
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">{t('options.title')}</h1>
      <LanguagesSection model={model} />
      <DomainsSection model={model} policyDomains={policy.helpdeskDomains} />
      <PacksSection model={model} locked={policy.lockPacks} />
      <DetailsSection model={model} />
      <PrivacySection />
      <div class="live" role="status" aria-live="polite" data-testid="options-note">
        {model.note && (
          <p key={model.note.seq} class={model.note.error ? 'error' : undefined}>
            {model.note.text}
          </p>
        )}
      </div>
    </main>
  );
}
