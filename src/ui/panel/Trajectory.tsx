import type { Translate } from '../i18n';
import { usePanel } from '../store';
import { useT } from '../useT';

const WIDTH = 120;
const HEIGHT = 28;
const PAD = 4;

const heatWord = (value: number, t: Translate) =>
  t(
    value >= 0.66
      ? 'trajectory.value.hot'
      : value >= 0.33
        ? 'trajectory.value.warm'
        : 'trajectory.value.calm',
  );

/** The conversation's temperature per customer message as a small sparkline, said in words for screen readers. */
export function Trajectory() {
  const t = useT();
  const view = usePanel((s) => s.view);
  if (!view?.supported || !view.customerType || view.temperatures.length === 0) return null;
  const values = view.temperatures.map((p) => Math.max(0, Math.min(1, p.value)));
  const summary = values.length === 1 ? t('trajectory.single') : t(`trajectory.${view.trajectory}`);
  const label = t('trajectory.label', { summary, values: values.map((v) => heatWord(v, t)).join(', ') });
  const step = values.length > 1 ? (WIDTH - PAD * 2) / (values.length - 1) : 0;
  const points = values.map((v, i) => ({
    x: values.length > 1 ? PAD + i * step : WIDTH / 2,
    y: PAD + (1 - v) * (HEIGHT - PAD * 2),
  }));
  const last = points[points.length - 1];
  return (
    <section class="card trajectory" aria-labelledby="trajectory-heading">
      <h2 id="trajectory-heading" class="eyebrow">
        {t('trajectory.heading')}
      </h2>
      <div class="row">
        <svg
          data-testid="trajectory"
          data-trend={view.trajectory}
          role="img"
          aria-label={label}
          width={WIDTH}
          height={HEIGHT}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          class={`spark spark-${view.trajectory}`}
        >
          <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT / 2} y2={HEIGHT / 2} class="spark-mid" />
          {points.length > 1 && (
            <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} class="spark-line" />
          )}
          <circle cx={last.x} cy={last.y} r={3} class="spark-dot" />
        </svg>
        <p class="small">{summary}</p>
      </div>
    </section>
  );
}
