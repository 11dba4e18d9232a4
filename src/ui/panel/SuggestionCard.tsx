import type { Suggestion } from '../../core/suggestion';
import { usePanel } from '../store';
import { useT } from '../useT';
import { FillForm } from './FillForm';

interface Props {
  suggestion: Suggestion;
  /** Where the card is shown (stage, search, favourites…): the fill form opens only in that card. */
  origin: string;
  testId?: string;
  /** The panel key (1–9) that inserts this phrase, for aria-keyshortcuts. */
  shortcut?: string;
}

/** One phrase with insert, copy and favourite. Fill-in fields read [time] until the agent gives them on insert. */
export function SuggestionCard({ suggestion, origin, testId = 'suggestion', shortcut }: Props) {
  const t = useT();
  const insert = usePanel((s) => s.insertSuggestion);
  const copy = usePanel((s) => s.copySuggestion);
  const toggleFavourite = usePanel((s) => s.toggleFavourite);
  const favourite = usePanel((s) => s.settings.favourites.includes(suggestion.phraseId));
  const pending = usePanel((s) =>
    s.pendingFill?.suggestion.phraseId === suggestion.phraseId && s.pendingFill.origin === origin
      ? s.pendingFill
      : undefined,
  );
  const preview = suggestion.text.length > 60 ? `${suggestion.text.slice(0, 60)}…` : suggestion.text;

  return (
    <li
      class="suggestion"
      data-testid={testId}
      data-stage={suggestion.stage}
      data-lang={suggestion.lang}
      data-phrase-id={suggestion.phraseId}
    >
      <p class="suggestion-text">{suggestion.text}</p>
      <div class="actions">
        <button
          type="button"
          class="primary small"
          data-testid="insert"
          aria-keyshortcuts={shortcut}
          aria-label={t('action.insert.label', { text: preview })}
          onClick={() => void insert(suggestion, undefined, origin)}
        >
          {t('action.insert')}
        </button>
        <button
          type="button"
          class="small"
          data-testid="copy"
          aria-label={t('action.copy.label', { text: preview })}
          onClick={() => void copy(suggestion, undefined, origin)}
        >
          {t('action.copy')}
        </button>
        <button
          type="button"
          class={`ghost small star${favourite ? ' on' : ''}`}
          data-testid="favourite"
          aria-pressed={favourite}
          aria-label={favourite ? t('suggestion.favourite.remove') : t('suggestion.favourite.add')}
          title={favourite ? t('suggestion.favourite.remove') : t('suggestion.favourite.add')}
          onClick={() => toggleFavourite(suggestion.phraseId)}
        >
          <span aria-hidden="true">{favourite ? '★' : '☆'}</span>
        </button>
      </div>
      {pending && <FillForm pending={pending} />}
    </li>
  );
}
