import { LANGS, type Lang } from '../../core/taxonomy';
import { usePanel } from '../store';
import { useT } from '../useT';
import { FirstName } from './FirstName';

/** The reply language for this ticket and the name the reply will use. */
export function ReplyControls() {
  const t = useT();
  const replyLang = usePanel((s) => s.replyLang);
  const setReplyLang = usePanel((s) => s.setReplyLang);
  const analysed = usePanel((s) => s.analysed);
  if (!analysed) return null;
  return (
    <section class="card reply" aria-labelledby="reply-heading">
      <h2 id="reply-heading" class="eyebrow">
        {t('reply.heading')}
      </h2>
      <div class="field-row">
        <label for="reply-language">{t('reply.language')}</label>
        <select
          id="reply-language"
          data-testid="reply-language"
          value={replyLang ?? ''}
          onChange={(event) => {
            const value = (event.currentTarget as HTMLSelectElement).value;
            setReplyLang(value ? (value as Lang) : undefined);
          }}
        >
          {!replyLang && <option value="">{t('reply.language.choose')}</option>}
          {LANGS.map((lang) => (
            <option key={lang} value={lang}>
              {t(`language.name.${lang}`)}
            </option>
          ))}
        </select>
      </div>
      <FirstName />
    </section>
  );
}
