import { useEffect } from 'preact/hooks';
import { usePanel } from '../store';

const isTyping = (target: EventTarget | null): boolean => {
  const element = target as HTMLElement | null;
  if (!element || typeof element.closest !== 'function') return false;
  return Boolean(element.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
};

/** Panel keys (when focus is not in a text field): 1–9 insert the first phrase of the n-th stage,
 *  c opens compose, / focuses phrase search, Esc closes the open dialog. */
export function handlePanelKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  const store = usePanel.getState();
  if (event.key === 'Escape') return store.closeDialogs();
  if (isTyping(event.target)) return false;
  const dialogOpen =
    store.composeOpen || store.pendingConfirm !== undefined || store.pendingFill !== undefined;
  if (dialogOpen) return false;
  if (/^[1-9]$/.test(event.key)) {
    const top = store.topOfStage(Number(event.key) - 1);
    if (!top) return false;
    void store.insertSuggestion(top, undefined, `stage:${top.stage}`);
    return true;
  }
  if (event.key === 'c' && store.stages.length > 0) {
    store.openCompose(true);
    return true;
  }
  if (event.key === '/') {
    const search = document.getElementById('phrase-search');
    if (!search) return false;
    search.focus();
    return true;
  }
  return false;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (handlePanelKey(event)) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
