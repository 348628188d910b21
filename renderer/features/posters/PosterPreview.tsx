import { useEffect } from 'react';
import { useT } from '../../i18n';
import { useDebounced } from '../../ui/useDebounced';
import { ObjectUrls } from '../code/preview/objectUrls';
import { draftKey, usePosters } from './postersStore';

const urls = new ObjectUrls(2);
const CM_PER_INCH = 2.54;
const cm = (px: number, dpi: number) => String(Math.round((px / dpi) * CM_PER_INCH * 10) / 10);

/**
 * The draft as main renders it, with a stand-in code: the same renderer a batch and Save use, so
 * what is shown is what is made. Asked again once the draft stops changing.
 */
export function PosterPreview() {
  const { t } = useT();
  const draft = usePosters((s) => s.editing?.draft ?? null);
  const preview = usePosters((s) => s.preview);
  const showPreview = usePosters((s) => s.showPreview);
  const settled = useDebounced(draft ? draftKey(draft) : null, 200);
  useEffect(() => {
    if (settled !== null) void showPreview(JSON.parse(settled));
  }, [settled, showPreview]);
  if (!preview) return <div className="poster-preview empty" />;
  const { view } = preview;
  return (
    <figure className="poster-preview">
      <img
        src={urls.urlFor(preview.key, view.png)}
        alt={t('posterPreviewAlt', { width: view.width, height: view.height })}
        width={view.width}
        height={view.height}
      />
      <figcaption>
        <p>
          {t('posterSize', {
            width: view.width,
            height: view.height,
            wcm: cm(view.width, view.dpi),
            hcm: cm(view.height, view.dpi),
            dpi: view.dpi,
          })}
        </p>
        <p className="note">{t('posterPreviewNote')}</p>
      </figcaption>
    </figure>
  );
}
