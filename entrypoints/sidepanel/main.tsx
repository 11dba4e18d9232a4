import { render } from 'preact';
import '../../src/ui/styles.css';
import { App } from '../../src/ui/panel/App';
import { startPanel } from '../../src/ui/panel/connect';
import { usePanel } from '../../src/ui/store';
import { useUiLang } from '../../src/ui/useT';

const root = document.getElementById('app');
if (root) {
  // The document language follows the UI language (screen readers pick their voice from it).
  useUiLang.subscribe((s) => {
    document.documentElement.lang = s.lang;
  });
  document.documentElement.lang = useUiLang.getState().lang;
  render(<App />, root);
  startPanel(location.search).catch((error: unknown) => {
    usePanel.getState().setPhase('error', error instanceof Error ? error.message : String(error));
  });
}
