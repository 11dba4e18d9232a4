import { hasCorrections } from '../derive';
import { usePanel } from '../store';
import { useT } from '../useT';
import { TypeCorrection } from './TypeCorrection';

/** Leads with what the customer needs, in plain words; never an internal label. */
export function CustomerSummary() {
  const t = useT();
  const view = usePanel((s) => s.view);
  const corrections = usePanel((s) => s.corrections);
  const reset = usePanel((s) => s.resetCorrections);
  if (!view?.supported || !view.customerType) return null;
  const type = view.customerType;
  const typeCorrected = corrections.type !== undefined;
  const percent = Math.round(view.confidence * 100);
  return (
    <section class="card customer" aria-labelledby="customer-heading">
      <h2 id="customer-heading" class="eyebrow">
        {t('customer.heading')}
      </h2>
      <div data-testid="customer-type" data-type={type} data-corrected={typeCorrected ? 'true' : 'false'}>
        <p class="need">{t(`need.${type}`)}</p>
        {typeCorrected ? (
          <p class="muted">{t('customer.corrected')}</p>
        ) : (
          <p class="muted confidence">
            <span class="bar" aria-hidden="true">
              <span style={{ width: `${percent}%` }} />
            </span>
            {t('customer.confidence', { percent })}
          </p>
        )}
        {!typeCorrected && view.typeEvidence && view.typeEvidence.length > 0 && (
          <p class="muted small type-why" data-testid="type-evidence">
            {t('customer.why')}{' '}
            {view.typeEvidence.map((e, i) => (
              <span key={`${e.message ?? 0}:${e.start}`}>
                {i > 0 && ', '}
                <q>{e.text}</q>
              </span>
            ))}
          </p>
        )}
      </div>
      <div class="row">
        <TypeCorrection current={type} />
        {hasCorrections(corrections) && (
          <button
            type="button"
            class="link"
            data-testid="reset-correction"
            aria-label={t('action.reset.label')}
            onClick={reset}
          >
            {t('action.reset')}
          </button>
        )}
      </div>
    </section>
  );
}
