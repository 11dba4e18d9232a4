import { usePanel } from '../store';
import { useT } from '../useT';
import { ComposeDialog } from './ComposeDialog';
import { ConfirmInternal } from './ConfirmInternal';
import { CueChips } from './CueChips';
import { CustomerSummary } from './CustomerSummary';
import { LanguageLine } from './LanguageLine';
import { LiveRegion } from './LiveRegion';
import { PhraseLibrary } from './PhraseLibrary';
import { PopOutButton } from './PopOutButton';
import { ReplyControls } from './ReplyControls';
import { SelectionFallback } from './SelectionFallback';
import { StageList } from './StageList';
import { StatusLine } from './StatusLine';
import { Trajectory } from './Trajectory';
import { useShortcuts } from './useShortcuts';

/** The side panel: who this customer is right now, why, and what to say next. */
export function App() {
  const t = useT();
  const analysed = usePanel((s) => s.analysed);
  const replyLang = usePanel((s) => s.replyLang);
  useShortcuts();
  return (
    <div class="panel">
      <header class="topbar">
        <h1 class="brand">{t('app.name')}</h1>
        <PopOutButton />
      </header>
      <main aria-label={t('app.panelLabel')}>
        <StatusLine />
        <SelectionFallback />
        {analysed && (
          <>
            <LanguageLine />
            <CustomerSummary />
            <CueChips />
            <Trajectory />
            <ReplyControls />
            <StageList />
            {replyLang && <PhraseLibrary />}
            <p class="muted small shortcuts">
              <span class="visually-hidden">{t('shortcuts.heading')}: </span>
              {t('shortcuts.text')}
            </p>
          </>
        )}
      </main>
      <ComposeDialog />
      <ConfirmInternal />
      <LiveRegion />
    </div>
  );
}
