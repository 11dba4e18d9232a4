import { usePanel } from '../store';
import { useT } from '../useT';
import { StageGroup } from './StageGroup';

/** Suggestions grouped by stage, in the order that fits this customer. Keys 1–9 insert each group's first. */
export function StageList() {
  const t = useT();
  const stages = usePanel((s) => s.stages);
  const result = usePanel((s) => s.result);
  const openCompose = usePanel((s) => s.openCompose);
  if (!result) return null;
  return (
    <section class="stages" aria-labelledby="stages-heading">
      <div class="row spread">
        <div>
          <h2 id="stages-heading" class="eyebrow">
            {t('stages.heading')}
          </h2>
          <p class="muted small">{t('stages.order')}</p>
        </div>
        {stages.length > 0 && (
          <button
            type="button"
            class="small"
            data-testid="compose"
            aria-keyshortcuts="c"
            onClick={() => openCompose(true)}
          >
            {t('action.compose')}
          </button>
        )}
      </div>
      {stages.length === 0 && <p class="muted">{t('stages.empty')}</p>}
      <ol class="stage-list">
        {stages.map((stage, index) => (
          <StageGroup key={stage} stage={stage} index={index} />
        ))}
      </ol>
    </section>
  );
}
