import { describe, expect, it } from 'vitest';
import { languageName, makeT, resolveUiLang, translate } from '../../src/ui/i18n';

describe('resolveUiLang', () => {
  it('puts the options override first', () => {
    expect(resolveUiLang('fi', ['sv-SE', 'en'])).toBe('fi');
  });

  it('follows the browser when the override is auto, mapping no/nn/nb to nb', () => {
    expect(resolveUiLang('auto', ['no'])).toBe('nb');
    expect(resolveUiLang('auto', ['nn-NO'])).toBe('nb');
    expect(resolveUiLang('auto', ['nb-NO'])).toBe('nb');
    expect(resolveUiLang('auto', ['sv-FI'])).toBe('sv');
    expect(resolveUiLang(undefined, ['fi'])).toBe('fi');
  });

  it('takes the first supported browser language, else English', () => {
    expect(resolveUiLang('auto', ['da-DK', 'de', 'sv'])).toBe('sv');
    expect(resolveUiLang('auto', ['da-DK', 'de'])).toBe('en');
    expect(resolveUiLang('auto', [])).toBe('en');
    expect(resolveUiLang('xx', ['de'])).toBe('en');
  });
});

describe('translate', () => {
  it('interpolates {name} parameters and leaves unknown ones visible', () => {
    expect(translate('en', 'status.error', { message: 'Disk full' })).toBe('Something went wrong: Disk full');
    expect(translate('en', 'status.error')).toBe('Something went wrong: {message}');
  });

  it('picks plural forms per language', () => {
    expect(translate('en', 'search.results', { count: 1 })).toBe('1 phrase');
    expect(translate('en', 'search.results', { count: 4 })).toBe('4 phrases');
    expect(translate('fi', 'search.results', { count: 1 })).toBe('1 fraasi');
    expect(translate('fi', 'search.results', { count: 3 })).toBe('3 fraasia');
    expect(translate('sv', 'cues.dismissed', { count: 2 })).toBe('2 tecken borttagna');
  });

  it('falls back to English for a missing key, then to the key itself', () => {
    expect(translate('nb', 'no.such.key')).toBe('no.such.key');
    expect(makeT('sv')('need.impatient')).toBe('Har bråttom: ge en konkret tid');
  });

  it('names unsupported languages in the UI language', () => {
    expect(languageName('da', 'en')).toBe('Danish');
    expect(languageName('da', 'nb')).toBe('dansk');
    expect(languageName('de', 'fi').toLowerCase()).toBe('saksa');
    expect(languageName('und', 'en')).toBe('an unknown language');
    expect(languageName('nb', 'sv')).toBe('norska (bokmål)');
  });
});
