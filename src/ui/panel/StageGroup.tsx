import type { Stage } from '../../core/taxonomy';
import { reasonsLine } from '../reasons';
import { usePanel } from '../store';
import { useT } from '../useT';
import { SuggestionCard } from './SuggestionCard';

/** A stable empty list: a fresh [] per call would make the store selector re-render forever. */
const NO_SUGGESTIONS: never[] = [];

/** One stage: its name, why it leads, its key, and its phrases. */
export function StageGroup({ stage, index }: { stage: Stage; index: number }) {
  const t = useT();
  const suggestions = usePanel((s) => s.result?.byStage[stage] ?? NO_SUGGESTIONS);
  const leading = usePanel((s) => s.result?.leading.find((l) => l.stage === stage));
  const headingId = `stage-${stage}`;
  const key = index < 9 ? String(index + 1) : undefined;
  return (
    <li
      class={`stage${leading ? ' leading' : ''}`}
      data-testid="stage"
      data-stage={stage}
      aria-labelledby={headingId}
    >
      <div class="stage-head">
        {key && (
          <span class="key" aria-hidden="true">
            {key}
          </span>
        )}
        <h3 id={headingId}>{t(`stage.${stage}`)}</h3>
      </div>
      {leading && leading.reasons.length > 0 && (
        <p class="reason small muted" data-testid="stage-reason">
          {reasonsLine(leading.reasons, t)}
        </p>
      )}
      <ul class="suggestions">
        {suggestions.map((suggestion, position) => (
          <SuggestionCard
            key={suggestion.phraseId}
            suggestion={suggestion}
            origin={`stage:${stage}`}
            shortcut={position === 0 ? key : undefined}
          />
        ))}
      </ul>
    </li>
  );
}
