import { useT } from '../useT';

export function PrivacySection() {
  const t = useT();
  return (
    <section class="card" aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading">{t('options.privacy.heading')}</h2>
      <p>{t('options.privacy.read')}</p>
      <p>{t('options.privacy.local')}</p>
      <p>{t('options.privacy.network')}</p>
      <p>{t('options.privacy.stored')}</p>
    </section>
  );
}
