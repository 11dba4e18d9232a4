import { useEffect, useRef, useState } from 'preact/hooks';
import { firstNameOf, nameCandidates } from '../../core/suggest';
import { customerFirstName } from '../derive';
import { usePanel } from '../store';
import { useT } from '../useT';

/** Shows the first name the reply will use; the agent can change it inline (Enter saves, Esc cancels). */
export function FirstName() {
  const t = useT();
  const snapshot = usePanel((s) => s.snapshot);
  const override = usePanel((s) => s.firstNameOverride);
  const setFirstName = usePanel((s) => s.setFirstName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  const fullName = snapshot?.requester?.name;
  const name = customerFirstName(snapshot, override);
  const company =
    Boolean(fullName) && override === undefined && !snapshot?.requester?.firstName && !firstNameOf(fullName);
  const candidates = fullName ? nameCandidates(fullName) : [];

  const finish = (save: boolean) => {
    if (save) setFirstName(draft.trim());
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  if (editing) {
    return (
      <form
        class="field-row"
        onSubmit={(event) => {
          event.preventDefault();
          finish(true);
        }}
      >
        <label for="first-name">{t('reply.firstName')}</label>
        <input
          ref={input}
          id="first-name"
          data-testid="first-name"
          value={draft}
          list="first-name-candidates"
          autocomplete="off"
          onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              finish(false);
            }
          }}
        />
        <datalist id="first-name-candidates">
          {candidates.map((candidate) => (
            <option key={candidate} value={candidate} />
          ))}
        </datalist>
        <button type="submit" class="small">
          {t('action.save')}
        </button>
      </form>
    );
  }
  return (
    <div class="field-row">
      <span class="label">{t('reply.firstName')}</span>
      <span class="value" data-testid="first-name-value" data-name={name ?? ''}>
        {company ? t('reply.firstName.company') : (name ?? t('reply.firstName.none'))}
      </span>
      <button
        ref={editButton}
        type="button"
        class="link"
        data-testid="first-name-edit"
        aria-label={t('reply.firstName.edit.label')}
        onClick={() => {
          setDraft(name ?? '');
          setEditing(true);
        }}
      >
        {t('action.edit')}
      </button>
    </div>
  );
}
