import { useT } from '../useT';
import type { OptionsModel } from './useOptions';

export function CoachSection({ model }: { model: OptionsModel }) {
  const t = useT();
  return (
    <section class="card" aria-labelledby="coach-heading">
      <h2 id="coach-heading">{t('options.coach.heading')}</h2>
      <label class="check">
        <input
          type="checkbox"
          data-testid="coach-toggle"
          checked={model.settings.coach}
          aria-describedby="coach-help"
          onChange={(e) => void model.save({ coach: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{t('options.coach.label')}</span>
      </label>
      <p id="coach-help" class="muted small">
        {t('options.coach.help')}
      </p>
    </section>
  );
}
