import { useEffect, useRef, useState } from 'preact/hooks';
import { type FillValues, type PendingAction, usePanel } from '../store';
import { useT } from '../useT';

/** Asks for the fill-in values a phrase needs (time, date, amount); focused, Enter confirms, Esc cancels. */
export function FillForm({ pending }: { pending: PendingAction }) {
  const t = useT();
  const insert = usePanel((s) => s.insertSuggestion);
  const copy = usePanel((s) => s.copySuggestion);
  const cancel = usePanel((s) => s.cancelFill);
  const [values, setValues] = useState<FillValues>({});
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    if (pending.fields.some((field) => !values[field]?.trim())) return;
    const run = pending.action === 'insert' ? insert : copy;
    void run(pending.suggestion, values, pending.origin);
  };

  return (
    <form class="fill-form" data-testid="fill-form" onSubmit={submit} aria-label={t('fill.heading')}>
      <p class="eyebrow">{t('fill.heading')}</p>
      {pending.fields.map((field, index) => {
        const id = `fill-${pending.suggestion.phraseId}-${field}`;
        return (
          <div class="field-row" key={field}>
            <label for={id}>{t(`fill.${field}`)}</label>
            <input
              ref={index === 0 ? first : undefined}
              id={id}
              data-testid="fill-field"
              data-field={field}
              required
              placeholder={t(`fill.${field}.placeholder`)}
              value={values[field] ?? ''}
              onInput={(event) =>
                setValues({ ...values, [field]: (event.currentTarget as HTMLInputElement).value })
              }
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  cancel();
                }
              }}
            />
          </div>
        );
      })}
      <div class="row">
        <button type="submit" class="primary small" data-testid="fill-submit">
          {pending.action === 'insert' ? t('fill.submit') : t('fill.submit.copy')}
        </button>
        <button type="button" class="ghost small" onClick={cancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
