import { languageName } from '../i18n';
import { usePanel } from '../store';
import { useT } from '../useT';

/** The customer's language ([data-testid="language"]) and the nynorsk note. */
export function LanguageLine() {
  const t = useT();
  const analysis = usePanel((s) => s.analysed?.analysis);
  const uiLang = usePanel((s) => s.uiLang);
  if (!analysis) return null;
  return (
    <p class="language-line">
      <span data-testid="language" data-lang={analysis.lang}>
        {t('language.detected', { language: languageName(analysis.lang, uiLang) })}
      </span>
      {analysis.variant === 'nn' && (
        <span class="note" data-testid="nynorsk-note">
          {t('language.nynorsk')}
        </span>
      )}
    </p>
  );
}
