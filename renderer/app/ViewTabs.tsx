import type { KeyboardEvent } from 'react';
import { type MessageKey, useT } from '../i18n';
import { useView, VIEWS, type View } from './viewStore';

const LABELS: Record<View, MessageKey> = { code: 'viewCode', batch: 'viewBatch', history: 'viewHistory' };

export const tabId = (view: View) => `view-tab-${view}`;
export const panelId = (view: View) => `view-panel-${view}`;

/** The window's views as tabs: arrow keys move between them, as the ARIA tabs pattern has it. */
export function ViewTabs() {
  const { t } = useT();
  const { view, show } = useView();

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length]!;
    show(next);
    document.getElementById(tabId(next))?.focus();
  };

  return (
    // The tabs are how the window is navigated, so they sit in its navigation landmark.
    <nav className="view-nav">
      <div className="view-tabs" role="tablist" aria-label={t('viewsLabel')} onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v}
            id={tabId(v)}
            type="button"
            role="tab"
            aria-selected={v === view}
            aria-controls={panelId(v)}
            tabIndex={v === view ? 0 : -1}
            onClick={() => show(v)}
          >
            {t(LABELS[v])}
          </button>
        ))}
      </div>
    </nav>
  );
}
