import type { GeneratedCode, LibraryEntryView } from '../../../shared/ipc/channels';
import { useView } from '../../app/viewStore';
import { formatCount, useT } from '../../i18n';
import { useAccounts } from '../accounts/accountsStore';
import { accountOf, KIND_LABELS, madeAt, targetOf } from '../code/codeFacts';
import { useCode } from '../code/codeStore';
import { PreviewActions } from '../code/PreviewActions';
import { RealCode } from '../code/RealCode';
import { DeleteCode } from './DeleteCode';
import { useHistory } from './historyStore';

/** The selected code large, at its true shape, with what can be done with it. */
export function HistoryDetail() {
  const { t } = useT();
  const selectedId = useHistory((s) => s.selectedId);
  const entry = useHistory((s) => s.entries?.find((e) => e.codeId === s.selectedId));
  const code = useHistory((s) => (s.selected?.codeId === s.selectedId ? s.selected : null));

  if (!selectedId || !entry) {
    return (
      <section className="history-detail" aria-label={t('previewHeading')}>
        <div className="stage">
          <div className="empty">
            <p className="empty-title">{t('historyPickTitle')}</p>
            <p className="note">{t('historyPickBody')}</p>
          </div>
        </div>
      </section>
    );
  }
  return <Detail entry={entry} code={code} />;
}

function Detail({ entry, code }: { entry: LibraryEntryView; code: GeneratedCode | null }) {
  const { t, lang } = useT();
  const accounts = useAccounts((s) => s.accounts);
  const target = targetOf(t, entry.request);
  const transparent = entry.request.kind !== 'qrcode' && entry.request.transparent;
  return (
    <section className="history-detail" aria-labelledby="history-detail-heading">
      <header className="preview-header">
        <h2 id="history-detail-heading" className="history-detail-heading">
          {target.page}
          {target.scene && (
            <>
              {' '}
              <span className="history-scene">{target.scene}</span>
            </>
          )}
        </h2>
      </header>
      <div className={`stage${transparent ? ' checkerboard' : ''}`}>
        {code && <RealCode code={code} request={entry.request} />}
      </div>
      <dl className="history-facts-table">
        <dt>{t('kind')}</dt>
        <dd>{t(KIND_LABELS[entry.kind])}</dd>
        <dt>{t('statusAccount')}</dt>
        <dd>{accountOf(t, accounts, entry)}</dd>
        <dt>{t('historySize')}</dt>
        <dd>{t('pixelSize', { width: entry.width, height: entry.height })}</dd>
        <dt>{t('historyMade')}</dt>
        <dd>
          <time dateTime={entry.createdAt}>{madeAt(lang, entry.createdAt)}</time>
        </dd>
        {entry.numUsed !== undefined && (
          <>
            <dt>{t('historyNumUsedLabel')}</dt>
            <dd>{formatCount(entry.numUsed)}</dd>
          </>
        )}
        {entry.origin && (
          <>
            <dt>{t('campaign')}</dt>
            <dd>{entry.origin.campaign ?? '—'}</dd>
            <dt>{t('historySheetRow')}</dt>
            <dd className="history-file">
              {t('historySheetRowValue', { file: entry.origin.sourceFile, row: entry.origin.row })}
            </dd>
          </>
        )}
        <dt>{t('historyFileName')}</dt>
        <dd className="history-file">{entry.suggestedName}</dd>
      </dl>
      {/* Save and copy read the stored file: they need not wait for the image to reach the page. */}
      <PreviewActions codeId={entry.codeId} />
      <div className="history-detail-actions">
        <OpenInForm entry={entry} code={code} />
        <span className="spacer" />
        <DeleteCode entry={entry} />
      </div>
    </section>
  );
}

/** The form takes the code's settings and shows the code itself, so Regenerate and restyling start from it. */
function OpenInForm({ entry, code }: { entry: LibraryEntryView; code: GeneratedCode | null }) {
  const { t } = useT();
  const accounts = useAccounts((s) => s.accounts);
  const selectAccount = useAccounts((s) => s.select);
  const open = useCode((s) => s.open);
  const show = useView((s) => s.show);
  return (
    <>
      <button
        type="button"
        disabled={!code}
        aria-describedby="history-open-note"
        onClick={() => {
          if (!code) return;
          if (accounts.some((a) => a.id === entry.accountId)) selectAccount(entry.accountId);
          open({ code, request: entry.request, accountId: entry.accountId });
          show('code');
        }}
      >
        {t('historyOpenInForm')}
      </button>
      <span id="history-open-note" className="visually-hidden">
        {t('historyOpenInFormNote')}
      </span>
    </>
  );
}
