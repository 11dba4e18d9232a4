import { usePanel } from '../store';
import { useT } from '../useT';
import { popOut } from './connect';

/** Opens sidepanel.html?tab=<id> in its own window (Firefox, one small screen). Hidden when already pinned. */
export function PopOutButton() {
  const t = useT();
  const tabId = usePanel((s) => s.tabId);
  const pinned = usePanel((s) => s.pinned);
  if (tabId === undefined || pinned) return null;
  return (
    <button
      type="button"
      class="ghost small"
      data-testid="popout"
      aria-label={t('action.popout.label')}
      title={t('action.popout.label')}
      onClick={() => popOut(tabId)}
    >
      <span aria-hidden="true">⧉</span> {t('action.popout')}
    </button>
  );
}
