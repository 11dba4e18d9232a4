import { useMemo } from 'preact/hooks';
import type { PanelPhrase } from '../phrases';
import { usePanel } from '../store';
import { useT } from '../useT';
import { SuggestionCard } from './SuggestionCard';

const MAX_RESULTS = 30;

const fold = (text: string) =>
  text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

/** Filters the reply language's phrases by text; every word of the query must occur. */
export function searchPhrases(
  phrases: readonly PanelPhrase[],
  lang: string | undefined,
  query: string,
): PanelPhrase[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return phrases
    .filter((p) => (!lang || p.lang === lang) && words.every((w) => fold(p.text).includes(w)))
    .slice(0, MAX_RESULTS);
}

/** Phrase search ("/"), favourites and recently used phrases, all in the reply language. */
export function PhraseLibrary() {
  const t = useT();
  const query = usePanel((s) => s.searchQuery);
  const setSearch = usePanel((s) => s.setSearch);
  const phrases = usePanel((s) => s.source.phrases);
  const replyLang = usePanel((s) => s.replyLang);
  const favourites = usePanel((s) => s.settings.favourites);
  const recent = usePanel((s) => s.settings.recent);
  const asSuggestion = usePanel((s) => s.phraseAsSuggestion);
  // Re-fill when the name or details change.
  const fillVersion = usePanel(
    (s) => `${s.firstNameOverride}|${s.snapshot?.requester?.name}|${s.settings.agentName}`,
  );

  const results = useMemo(() => searchPhrases(phrases, replyLang, query), [phrases, replyLang, query]);
  const byId = useMemo(() => new Map(phrases.map((p) => [p.id, p])), [phrases]);
  const pick = (ids: readonly string[]) =>
    ids
      .map((id) => byId.get(id))
      .filter((p): p is PanelPhrase => Boolean(p) && (!replyLang || p?.lang === replyLang));
  // fillVersion is a dependency on purpose: it invalidates the filled texts.
  const cards = useMemo(
    () => ({
      results: results.map(asSuggestion),
      favourites: pick(favourites).map(asSuggestion),
      recent: pick(recent).slice(0, 8).map(asSuggestion),
    }),
    [results, favourites, recent, byId, replyLang, fillVersion],
  );

  return (
    <section class="card library" aria-labelledby="library-heading">
      <h2 id="library-heading" class="eyebrow">
        {t('search.heading')}
      </h2>
      <label class="visually-hidden" for="phrase-search">
        {t('search.label')}
      </label>
      <input
        id="phrase-search"
        type="search"
        data-testid="phrase-search"
        aria-keyshortcuts="/"
        placeholder={t('search.placeholder')}
        value={query}
        onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && query) {
            event.stopPropagation();
            setSearch('');
          }
        }}
      />
      {query.trim() && (
        <div>
          <p class="muted small" role="status" data-testid="search-count">
            {cards.results.length
              ? t('search.results', { count: cards.results.length })
              : t('search.none', { query: query.trim() })}
          </p>
          <ul class="suggestions">
            {cards.results.map((s) => (
              <SuggestionCard key={s.phraseId} suggestion={s} origin="search" testId="phrase-result" />
            ))}
          </ul>
        </div>
      )}
      <details class="shelf" data-testid="favourites">
        <summary>
          {t('favourites.heading')} ({cards.favourites.length})
        </summary>
        {cards.favourites.length === 0 ? (
          <p class="muted small">{t('favourites.none')}</p>
        ) : (
          <ul class="suggestions">
            {cards.favourites.map((s) => (
              <SuggestionCard key={s.phraseId} suggestion={s} origin="favourites" testId="favourite-phrase" />
            ))}
          </ul>
        )}
      </details>
      <details class="shelf" data-testid="recent">
        <summary>
          {t('recent.heading')} ({cards.recent.length})
        </summary>
        {cards.recent.length === 0 ? (
          <p class="muted small">{t('recent.none')}</p>
        ) : (
          <ul class="suggestions">
            {cards.recent.map((s) => (
              <SuggestionCard key={s.phraseId} suggestion={s} origin="recent" testId="recent-phrase" />
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
