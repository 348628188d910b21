import { useEffect } from 'react';
import { useAccounts } from '../features/accounts/accountsStore';
import { BatchView } from '../features/batch/BatchView';
import { useSheetDrop } from '../features/batch/useSheetDrop';
import { CodeForm } from '../features/code/CodeForm';
import { PreviewPane } from '../features/code/PreviewPane';
import { useAutoGenerate } from '../features/code/useAutoGenerate';
import { HistoryView } from '../features/history/HistoryView';
import { PosterEditor } from '../features/posters/PosterEditor';
import { useT } from '../i18n';
import { subscribe } from './api';
import { Header } from './Header';
import { StatusBar } from './StatusBar';
import { useSettings } from './settingsStore';
import { panelId, tabId } from './ViewTabs';
import { useView } from './viewStore';
import './shell.css';

export function App() {
  const { t, lang } = useT();
  const view = useView((s) => s.view);
  useAutoGenerate();

  useEffect(() => {
    // Settings first: they name the account used last time, and the view the window was left on.
    void useSettings
      .getState()
      .load()
      .then(() => {
        const { lastView } = useSettings.getState().settings;
        if (lastView) useView.getState().show(lastView);
        return useAccounts.getState().load();
      });
  }, []);

  useEffect(() => {
    const rememberView = useView.subscribe((state, before) => {
      const saved = useSettings.getState().settings.lastView;
      if (state.view !== before.view && state.view !== saved) {
        void useSettings.getState().update({ lastView: state.view });
      }
    });
    // The menu and a clicked batch notification ask for a view from the main process.
    const fromMenu = subscribe('app:show-view', ({ view }) => useView.getState().show(view));
    // Main keeps each account's Num-Used and tells the window whenever WeChat reports a new one.
    const numUsed = subscribe('accounts:numUsed', useAccounts.getState().numUsedReported);
    return () => {
      rememberView();
      fromMenu();
      numUsed();
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }, [lang, t]);

  const { dragging, ...dropTarget } = useSheetDrop();

  return (
    <div className={dragging ? 'app app--dropping' : 'app'} {...dropTarget}>
      <Header />
      {/* One main landmark holds the view shown; each view is the tab panel of its tab in the header. */}
      <main className="views">
        {/* The code view stays mounted, hidden, so its form and preview survive a look at another view. */}
        <div
          className="workspace"
          role="tabpanel"
          id={panelId('code')}
          aria-labelledby={tabId('code')}
          hidden={view !== 'code'}
        >
          <CodeForm />
          <PreviewPane />
        </div>
        {view === 'batch' && <BatchView />}
        {view === 'history' && <HistoryView />}
      </main>
      <StatusBar />
      {/* Opened from Print in Make a code and in Batch: one dialog, whichever view asks. */}
      <PosterEditor />
    </div>
  );
}
