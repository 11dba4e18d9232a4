import { render } from 'preact';
import '../../src/ui/styles.css';
import { OptionsApp } from '../../src/ui/options/OptionsApp';
import { useUiLang } from '../../src/ui/useT';

const root = document.getElementById('app');
if (root) {
  useUiLang.subscribe((s) => {
    document.documentElement.lang = s.lang;
  });
  document.documentElement.lang = useUiLang.getState().lang;
  render(<OptionsApp />, root);
}
