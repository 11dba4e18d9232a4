import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  labelledBy: string;
  role?: 'dialog' | 'alertdialog';
  testId: string;
  onClose: () => void;
  children: ComponentChildren;
}

/** A small modal: focus moves in and back out, Tab stays inside, Esc closes. */
export function Dialog({ labelledBy, role = 'dialog', testId, onClose, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first =
      box.current?.querySelector<HTMLElement>('[data-autofocus]') ??
      box.current?.querySelector<HTMLElement>('button, input, textarea, select');
    first?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const focusable = [
      ...box.current.querySelectorAll<HTMLElement>(
        'button:not([disabled]), input, textarea, select, [tabindex="0"]',
      ),
    ];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const shared = {
    ref: box,
    class: 'dialog',
    'aria-labelledby': labelledBy,
    'data-testid': testId,
    onKeyDown,
  };
  return (
    <div class="backdrop">
      {role === 'alertdialog' ? (
        <div role="alertdialog" aria-modal="true" {...shared}>
          {children}
        </div>
      ) : (
        <div role="dialog" aria-modal="true" {...shared}>
          {children}
        </div>
      )}
    </div>
  );
}
