import type { CodeRequest } from '../../../shared/codeRequest';
import { type Translate, useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useAccounts } from '../accounts/accountsStore';
import { ObjectUrls } from '../code/preview/objectUrls';
import { usePrintChoiceKey } from './batchPrintStore';
import { useBatch } from './batchStore';
import { sampleSeen } from './store/sampleSlice';
import { requestStyleLine } from './styleLine';

/** The first row's code, shown until another check replaces it. */
const sampleUrls = new ObjectUrls(2);

/** Where the code leads, as the row asks for it. */
function targetLine(request: CodeRequest, t: Translate): string {
  if (request.kind !== 'unlimited') return t('samplePath', { path: request.path });
  return t('sampleScene', { scene: request.scene, page: request.page || t('sampleHomePage') });
}

/**
 * "See one before making all": the first valid row is made (or taken from the library) on the
 * user's click and shown large, with what names it, where it leads, how it looks and the file it
 * gets; Start makes the others only after that.
 */
export function FirstRowCheck() {
  const { t } = useT();
  const accountId = useAccounts((a) => a.activeId);
  // The Print part is part of the setup the check was made from (setupKey).
  const printKey = usePrintChoiceKey();
  const plan = useBatch((s) => s.plan);
  const planError = useBatch((s) => s.planError);
  const planning = useBatch((s) => s.planning);
  const sampling = useBatch((s) => s.sampling);
  const error = useBatch((s) => s.sampleError);
  const makeSample = useBatch((s) => s.makeSample);
  const seen = useBatch((s) => sampleSeen(s, accountId));
  const sample = useBatch((s) => s.sample?.view);
  const ran = useBatch((s) => s.job !== null);
  if (!plan || planError || plan.valid === 0) return null;
  // After a run the summary tells what was made; a changed setup asks for a new look again.
  if (ran && seen) return null;
  return (
    <section className="first-row" aria-labelledby="first-row-title">
      <h4 id="first-row-title">{t('sampleHeading')}</h4>
      {error && (
        <div className="inline-error" role="alert">
          <ErrorText error={error} />
        </div>
      )}
      {seen && sample ? (
        <figure
          className={sample.printed?.kind === 'poster' ? 'first-row-code first-row-poster' : 'first-row-code'}
        >
          {/* As Start prints it: the row's poster, or its code with labels and logo; else the code. */}
          {sample.printed ? (
            <img
              src={sampleUrls.urlFor(`${sample.code.codeId}-printed-${printKey}`, sample.printed.png)}
              alt={t(sample.printed.kind === 'poster' ? 'samplePosterAlt' : 'samplePrintedAlt', {
                row: sample.row,
              })}
              width={sample.printed.width}
              height={sample.printed.height}
            />
          ) : (
            <img
              src={sampleUrls.urlFor(sample.code.codeId, sample.code.png)}
              alt={t('sampleAlt', { row: sample.row })}
              width={sample.code.width}
              height={sample.code.height}
            />
          )}
          <figcaption>
            <p className="first-row-name">
              {sample.name
                ? t('sampleRowNamed', { row: sample.row, name: sample.name })
                : t('sampleRow', { row: sample.row })}
            </p>
            <p>{targetLine(sample.request, t)}</p>
            <p>{requestStyleLine(sample.request, t)}</p>
            {sample.printed && (
              <p>
                {t(sample.printed.kind === 'poster' ? 'samplePosterSize' : 'samplePrintedSize', {
                  width: sample.printed.width,
                  height: sample.printed.height,
                })}
              </p>
            )}
            <p>
              <span className="muted-label">{t('sampleFile')}</span> <code>{sample.fileName}</code>
            </p>
            <p className="note">{sample.code.fromLibrary ? t('sampleFromLibrary') : t('sampleMade')}</p>
          </figcaption>
        </figure>
      ) : (
        <div className="first-row-ask">
          <p className="note">{t('sampleNote')}</p>
          <button
            type="button"
            className="primary"
            disabled={sampling || planning || !accountId}
            aria-busy={sampling}
            onClick={() => void makeSample(accountId)}
          >
            {sampling ? t('sampleMaking') : t('sampleMake')}
          </button>
        </div>
      )}
    </section>
  );
}
