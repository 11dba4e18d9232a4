import { useShallow } from 'zustand/react/shallow';
import { statusOf, usePanel } from '../store';

/** design.md 3.2: [data-testid="status"] with data-state; one plain sentence and what to do. */
export function StatusLine() {
  // statusOf builds a new object each time: compare its fields, or the store would re-render forever.
  const status = usePanel(useShallow(statusOf));
  return (
    <div
      class={`status status-${status.state}`}
      data-testid="status"
      data-state={status.state}
      data-reason={status.reason}
      role="status"
      aria-live="polite"
    >
      {status.state === 'loading' && <span class="spinner" aria-hidden="true" />}
      <p class="status-sentence">{status.sentence}</p>
      {status.hint && <p class="status-hint">{status.hint}</p>}
    </div>
  );
}
