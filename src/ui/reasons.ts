// Renders the engine's machine reasons (`Reason`) in the UI language, short enough for a glance.
import type { Reason } from '../core/suggestion';
import type { Translate } from './i18n';

/** Translates `key`, or returns `fallback` when the catalogue has no such key (custom tags, new ids). */
const orElse = (t: Translate, key: string, fallback: string) => {
  const text = t(key);
  return text === key ? fallback : text;
};

export function reasonText(reason: Reason, t: Translate): string {
  switch (reason.kind) {
    case 'type':
      // "In a hurry: give a concrete time" → "fits “In a hurry”".
      return t('reason.type', { label: orElse(t, `need.${reason.id}`, reason.id).split(':')[0] });
    case 'cue':
      return t('reason.cue', { label: orElse(t, `cue.${reason.id}`, reason.id).toLowerCase() });
    case 'topic':
      return t('reason.topic', { label: orElse(t, `topic.${reason.id}`, reason.id) });
    case 'register':
      return orElse(t, `reason.register.${reason.id}`, reason.id);
    case 'wait':
    case 'repeat':
    case 'covered':
    case 'favourite':
    case 'default':
      return t(`reason.${reason.kind}`);
    default:
      return reason.id;
  }
}

/** "Why first: fits “In a hurry”, urgency" — duplicates removed, at most three. */
export function reasonsLine(reasons: readonly Reason[], t: Translate): string {
  const texts = [...new Set(reasons.map((r) => reasonText(r, t)))].slice(0, 3);
  return texts.length ? t('reason.prefix', { reasons: texts.join(', ') }) : '';
}
