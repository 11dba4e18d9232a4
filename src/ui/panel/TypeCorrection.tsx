import { useEffect, useRef, useState } from 'preact/hooks';
import { CUSTOMER_TYPES, type CustomerType } from '../../core/taxonomy';
import { usePanel } from '../store';
import { useT } from '../useT';

/** "Not right?": a small menu of the needs; one click corrects the type and the suggestions re-rank. */
export function TypeCorrection({ current }: { current: CustomerType }) {
  const t = useT();
  const correctType = usePanel((s) => s.correctType);
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open)
      menu.current?.querySelector<HTMLElement>('[aria-checked="true"], [role="menuitemradio"]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  };

  return (
    <div class="type-correction">
      <button
        ref={trigger}
        type="button"
        class="link"
        data-testid="type-correct"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('customer.correct.label')}
        onClick={() => setOpen(!open)}
      >
        {t('customer.correct')}
      </button>
      {open && (
        <div
          ref={menu}
          class="menu"
          role="menu"
          tabIndex={-1}
          aria-label={t('customer.correct.menu')}
          onKeyDown={onKeyDown}
        >
          {CUSTOMER_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              role="menuitemradio"
              aria-checked={type === current}
              data-testid="type-option"
              data-type={type}
              onClick={() => {
                correctType(type);
                close();
              }}
            >
              {t(`need.${type}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
