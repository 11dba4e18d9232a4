import { usePanel } from '../store';
import { useT } from '../useT';
import { Dialog } from './Dialog';

/** The reply box is an internal note and the phrase is customer-facing: ask before inserting. */
export function ConfirmInternal() {
  const t = useT();
  const pending = usePanel((s) => s.pendingConfirm);
  const confirm = usePanel((s) => s.confirmInternal);
  if (!pending) return null;
  return (
    <Dialog
      labelledBy="confirm-internal-text"
      role="alertdialog"
      testId="confirm-internal-dialog"
      onClose={() => void confirm(false)}
    >
      <p id="confirm-internal-text">{t('confirm.internal')}</p>
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="confirm-internal"
          data-autofocus
          onClick={() => void confirm(true)}
        >
          {t('confirm.internal.yes')}
        </button>
        <button type="button" data-testid="confirm-internal-cancel" onClick={() => void confirm(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
