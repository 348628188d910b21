import type { CodeKind, CodeRequest } from '../../../shared/codeRequest';
import { formatHexColor } from '../../../shared/validateCodeRequest';
import type { Translate } from '../../i18n';
import type { BatchSettings } from './batchSettings';

const ENV_LABEL = { release: 'envRelease', trial: 'envTrial', develop: 'envDevelop' } as const;

/** Styling in a line: "430 px · lines #000000 · white background · Release version · page checked". */
export function styleLine(style: BatchSettings, kind: CodeKind, t: Translate): string {
  const parts = [t('styleWidth', { width: style.width.trim() || '?' })];
  if (kind !== 'qrcode') {
    parts.push(style.autoColor ? t('autoColor') : t('styleLines', { hex: style.lineColor }));
    parts.push(style.transparent ? t('transparent') : t('styleOpaque'));
    parts.push(t('styleVersion', { version: t(ENV_LABEL[style.envVersion]) }));
  }
  if (kind === 'unlimited') parts.push(style.checkPath ? t('styleCheckPath') : t('styleNoCheckPath'));
  return parts.join(' · ');
}

/** The line of one code made: its own width and colour, a row's cells applied. */
export function requestStyleLine(request: CodeRequest, t: Translate): string {
  if (request.kind === 'qrcode') return t('styleWidth', { width: String(request.width) });
  return styleLine(
    {
      width: String(request.width),
      lineColor: formatHexColor(request.lineColor),
      autoColor: request.autoColor,
      transparent: request.transparent,
      envVersion: request.envVersion,
      checkPath: request.kind === 'unlimited' ? request.checkPath : true,
    },
    request.kind,
    t,
  );
}
