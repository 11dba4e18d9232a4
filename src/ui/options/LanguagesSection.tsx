import { LANGS, type Lang } from '../../core/taxonomy';
import type { ReplyLanguageRule, UiLanguage } from '../../platform/settings';
import { useT } from '../useT';
import type { OptionsModel } from './useOptions';

export function LanguagesSection({ model }: { model: OptionsModel }) {
  const t = useT();
  const { settings, save } = model;
  return (
    <section class="card" aria-labelledby="languages-heading">
      <h2 id="languages-heading">{t('options.languages.heading')}</h2>
      <div class="field-row">
        <label for="ui-language">{t('options.uiLanguage')}</label>
        <select
          id="ui-language"
          data-testid="ui-language"
          value={settings.uiLanguage}
          onChange={(e) =>
            void save({ uiLanguage: (e.currentTarget as HTMLSelectElement).value as UiLanguage })
          }
        >
          <option value="auto">{t('options.uiLanguage.auto')}</option>
          {/* Each language names itself, so an agent can find their own in a foreign UI. */}
          <option value="nb">Norsk (bokmål)</option>
          <option value="sv">Svenska</option>
          <option value="fi">Suomi</option>
          <option value="en">English</option>
        </select>
      </div>
      <fieldset>
        <legend>{t('options.replyRule')}</legend>
        {(['customer', 'fixed'] as ReplyLanguageRule[]).map((rule) => (
          <label class="check" key={rule}>
            <input
              type="radio"
              name="reply-rule"
              data-testid={`reply-rule-${rule}`}
              checked={settings.replyLanguageRule === rule}
              onChange={() => void save({ replyLanguageRule: rule })}
            />
            <span>{t(`options.replyRule.${rule}`)}</span>
          </label>
        ))}
        <div class="field-row">
          <label for="fixed-reply-language">{t('options.fixedReplyLanguage')}</label>
          <select
            id="fixed-reply-language"
            data-testid="fixed-reply-language"
            disabled={settings.replyLanguageRule !== 'fixed'}
            value={settings.fixedReplyLanguage}
            onChange={(e) =>
              void save({ fixedReplyLanguage: (e.currentTarget as HTMLSelectElement).value as Lang })
            }
          >
            {LANGS.map((lang) => (
              <option key={lang} value={lang}>
                {t(`language.name.${lang}`)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </section>
  );
}
