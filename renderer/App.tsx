import { useEffect } from 'react';
import { CodeForm } from './components/CodeForm';
import { Header } from './components/Header';
import { PreviewPane } from './components/PreviewPane';
import { StatusBar } from './components/StatusBar';
import { useT } from './i18n';
import { useAccounts } from './store/accountsStore';
import { useSettings } from './store/settingsStore';
import { useAutoGenerate } from './store/useAutoGenerate';

export function App() {
  const { t, lang } = useT();
  useAutoGenerate();

  useEffect(() => {
    // Settings first: they name the account used last time.
    void useSettings
      .getState()
      .load()
      .then(() => useAccounts.getState().load());
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('appTitle');
  }, [lang, t]);

  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <CodeForm />
        <PreviewPane />
      </main>
      <StatusBar />
    </div>
  );
}
