import { useMemo, useState } from 'preact/hooks';
import { compose } from '../../core/suggest';
import type { Suggestion } from '../../core/suggestion';
import { FILL_FIELDS, type FillValues, fillOf, usePanel } from '../store';
import { useT } from '../useT';
import { Dialog } from './Dialog';

/** Builds one reply from the top phrase of chosen stages, with greeting and sign-off, editable before insert. */
export function ComposeDialog() {
  const t = useT();
  const open = usePanel((s) => s.composeOpen);
  if (!open) return null;
  return <ComposeBody t={t} />;
}

function ComposeBody({ t }: { t: ReturnType<typeof useT> }) {
  const stages = usePanel((s) => s.stages);
  const result = usePanel((s) => s.result);
  const close = usePanel((s) => s.openCompose);
  const insertText = usePanel((s) => s.insertText);
  const copyText = usePanel((s) => s.copyText);

  const tops = useMemo(
    () => stages.map((stage) => result?.byStage[stage]?.[0]).filter((s): s is Suggestion => Boolean(s)),
    [stages, result],
  );
  const leading = new Set(result?.leading.map((l) => l.stage));
  const [chosen, setChosen] = useState<string[]>(() =>
    tops
      .filter((s) => leading.has(s.stage))
      .slice(0, 4)
      .map((s) => s.phraseId),
  );
  const [withFrame, setWithFrame] = useState(true);
  const [values, setValues] = useState<FillValues>({});
  const [edited, setEdited] = useState<string | undefined>(undefined);

  const parts = tops.filter((s) => chosen.includes(s.phraseId));
  const fields = FILL_FIELDS.filter((field) => parts.some((p) => p.needs.includes(field)));

  // compose() fills each part's template again with the engine's context plus the agent's values.
  const composed = useMemo(() => {
    const base = result?.fill ?? {};
    return compose(parts, withFrame ? result?.frame : undefined, {
      ...base,
      fill: fillOf(values, base.fill),
    });
  }, [parts, withFrame, result, values]);

  const text = edited ?? composed.text;
  const cursor = edited === undefined ? composed.cursor : undefined;
  const missing = fields.some((field) => !values[field]?.trim());
  const ids = parts.map((p) => p.phraseId);

  const toggle = (id: string) => {
    setEdited(undefined);
    setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  };

  const done = (action: 'insert' | 'copy') => {
    if (!parts.length || missing) return;
    close(false);
    if (action === 'insert') void insertText(text, cursor, ids);
    else void copyText(text, ids);
  };

  return (
    <Dialog labelledBy="compose-heading" testId="compose-dialog" onClose={() => close(false)}>
      <h2 id="compose-heading">{t('compose.heading')}</h2>
      <fieldset>
        <legend class="eyebrow">{t('compose.parts')}</legend>
        {tops.map((s) => (
          <label key={s.phraseId} class="check">
            <input
              type="checkbox"
              data-testid="compose-part"
              data-stage={s.stage}
              checked={chosen.includes(s.phraseId)}
              onChange={() => toggle(s.phraseId)}
            />
            <span>
              <strong>{t(`stage.${s.stage}`)}</strong> —{' '}
              {s.text.length > 70 ? `${s.text.slice(0, 70)}…` : s.text}
            </span>
          </label>
        ))}
        <label class="check">
          <input
            type="checkbox"
            data-testid="compose-frame"
            checked={withFrame}
            onChange={() => {
              setEdited(undefined);
              setWithFrame(!withFrame);
            }}
          />
          <span>{t('compose.frame')}</span>
        </label>
      </fieldset>
      {fields.map((field) => (
        <div class="field-row" key={field}>
          <label for={`compose-${field}`}>{t(`fill.${field}`)}</label>
          <input
            id={`compose-${field}`}
            data-testid="fill-field"
            data-field={field}
            required
            placeholder={t(`fill.${field}.placeholder`)}
            value={values[field] ?? ''}
            onInput={(event) => {
              setEdited(undefined);
              setValues({ ...values, [field]: (event.currentTarget as HTMLInputElement).value });
            }}
          />
        </div>
      ))}
      <label for="compose-text" class="eyebrow">
        {t('compose.preview')}
      </label>
      <textarea
        id="compose-text"
        data-testid="compose-text"
        rows={9}
        value={text}
        onInput={(event) => setEdited((event.currentTarget as HTMLTextAreaElement).value)}
      />
      {!parts.length && <p class="muted small">{t('compose.empty')}</p>}
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="compose-insert"
          disabled={!parts.length || missing}
          onClick={() => done('insert')}
        >
          {t('compose.insert')}
        </button>
        <button
          type="button"
          data-testid="compose-copy"
          disabled={!parts.length || missing}
          onClick={() => done('copy')}
        >
          {t('compose.copy')}
        </button>
        <button type="button" class="ghost" onClick={() => close(false)}>
          {t('action.close')}
        </button>
      </div>
    </Dialog>
  );
}
