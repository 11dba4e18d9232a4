import { usePanel } from '../store';
import { useT } from '../useT';
import { analyseSelection } from './connect';

/** The generic fallback for a page Calmdesk cannot read: analyse the text the agent selected. */
export function SelectionFallback() {
  const t = useT();
  const phase = usePanel((s) => s.phase);
  const tabId = usePanel((s) => s.tabId);
  if (phase !== 'unreadable' || tabId === undefined) return null;
  return (
    <div class="fallback">
      <button
        type="button"
        class="primary"
        data-testid="analyse-selection"
        onClick={() => void analyseSelection()}
      >
        {t('action.analyseSelection')}
      </button>
    </div>
  );
}
