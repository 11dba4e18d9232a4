import { usePanel } from '../store';
import { useT } from '../useT';
import { EvidenceView } from './EvidenceView';

/** One chip per cue; the chip shows the customer's words, the × dismisses the cue for this ticket. */
export function CueChips() {
  const t = useT();
  const view = usePanel((s) => s.view);
  const activeCue = usePanel((s) => s.activeCue);
  const showCue = usePanel((s) => s.showCue);
  const dismissCue = usePanel((s) => s.dismissCue);
  const dismissed = usePanel((s) => s.corrections.dismissedCues.length);
  if (!view?.supported || !view.customerType) return null;
  return (
    <section class="card cues" aria-labelledby="cues-heading">
      <h2 id="cues-heading" class="eyebrow">
        {t('cues.heading')}
      </h2>
      {view.cues.length === 0 ? (
        <p class="muted">{t('cues.none')}</p>
      ) : (
        <ul class="chips">
          {view.cues.map((hit) => {
            const label = t(`cue.${hit.cue}`);
            return (
              <li key={hit.cue} class="chip" data-testid="cue" data-cue={hit.cue}>
                <button
                  type="button"
                  class="chip-main"
                  aria-pressed={activeCue === hit.cue}
                  aria-controls="evidence"
                  aria-label={t('cues.show.label', { cue: label })}
                  data-testid="cue-show"
                  onClick={() => showCue(hit.cue)}
                >
                  {label}
                </button>
                <button
                  type="button"
                  class="chip-dismiss"
                  data-testid="cue-dismiss"
                  aria-label={t('cues.dismiss.label', { cue: label })}
                  title={t('cues.dismiss.label', { cue: label })}
                  onClick={() => dismissCue(hit.cue)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {dismissed > 0 && <p class="muted small">{t('cues.dismissed', { count: dismissed })}</p>}
      <EvidenceView />
    </section>
  );
}
