import { join } from 'node:path';
import { Failure } from '../../shared/result';
import { validateCodeRequest } from '../../shared/validateCodeRequest';
import { CodeMaker } from '../core/codes/codeMaker';
import { fileAccountStore } from '../core/storage/accounts';
import { dataDir } from '../core/storage/dataDir';
import { Library } from '../core/storage/library';
import { sweepTemps } from '../core/storage/tempFiles';
import { createWechatClient } from '../core/wechat/wechatClient';
import {
  asFlagError,
  CREDENTIAL_FLAGS,
  CREDENTIAL_USAGE,
  flagNotForKind,
  STYLE_FLAGS,
  STYLE_USAGE,
  styleFromFlags,
} from './codeFlags';
import { type CredentialFlags, credentialsFromFlags } from './credentials';
import { cliLanguage } from './errorText';
import { parseFlags, requireFlag } from './flags';
import { FORMAT_FLAG, FORMAT_USAGE, outputFormatOf, VECTOR_SOURCE_WIDTH, writeCodeAs } from './outputFormat';
import { POSTER_FLAG, POSTER_USAGE, posterFromFlag, posterWidth, writeGeneratedPoster } from './posterFlags';
import {
  PRINT_FLAGS,
  PRINT_USAGE,
  printCode,
  printComposeOptions,
  printFromFlags,
  printSummary,
} from './printFlags';

export const GENERATE_USAGE = `wxacode generate --out FILE.png|.svg|.pdf ${FORMAT_USAGE} (--path P | --scene S [--page P] [--no-check-path] | --qrcode --path P) ${STYLE_USAGE} ${PRINT_USAGE} ${POSTER_USAGE} ${CREDENTIAL_USAGE} [--regenerate]`;

export async function generateCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseFlags(
    args,
    {
      out: { type: 'string' },
      path: { type: 'string' },
      scene: { type: 'string' },
      page: { type: 'string' },
      qrcode: { type: 'boolean' },
      ...STYLE_FLAGS,
      ...PRINT_FLAGS,
      ...POSTER_FLAG,
      ...CREDENTIAL_FLAGS,
      regenerate: { type: 'boolean' },
      ...FORMAT_FLAG,
    },
    GENERATE_USAGE,
  );
  const file = requireFlag(
    values.out,
    '--out',
    'the file to write (.png, or .svg or .pdf for print)',
    '要写入的文件(.png,印刷用则为 .svg 或 .pdf)',
  );
  const format = outputFormatOf(values.format, file);
  const kind = values.qrcode ? 'qrcode' : values.scene !== undefined ? 'unlimited' : 'limited';
  const unused = flagNotForKind(kind, values);
  if (unused) throw new Failure(unused);
  const print = await printFromFlags(values, kind);
  const poster = await posterFromFlag(values.poster, [], format);
  const validation = validateCodeRequest({
    kind,
    path: values.path,
    scene: values.scene,
    page: values.page,
    ...styleFromFlags(values),
    ...(print?.plan
      ? { width: String(print.plan.requestWidth) }
      : { width: values.width ?? (format === 'png' ? undefined : VECTOR_SOURCE_WIDTH) }),
    // A poster asks for the pixels its code slot needs, unless the user chose a width or printed size.
    ...(poster && !print?.plan && values.width === undefined ? { width: posterWidth(poster) } : {}),
  });
  if (!validation.ok) {
    const [first, ...rest] = validation.errors;
    throw new Failure(asFlagError(first!, rest.length));
  }

  const credentials = await credentialsFromFlags(values as CredentialFlags);
  try {
    const client = createWechatClient({ apiBase: credentials.apiBase, tokens: credentials.tokens });
    await sweepTemps(dataDir(), 2);
    // The same library as the app's: a code this AppID already made is copied out, not paid for again.
    const maker = new CodeMaker(await Library.open(join(dataDir(), 'library')));
    const account = {
      accountId: credentials.accountId ?? '',
      appId: credentials.owner,
      client,
    };
    const made = await maker.make(account, validation.value, { regenerate: values.regenerate ?? false });
    const { entry } = made;
    // A PNG carries the print options (labels, logo, DPI); a vector file is traced from the code
    // as WeChat sent it and draws the same labels and logo as shapes.
    const image =
      (format === 'png' || poster) && print
        ? await printCode(made.png, entry.width, validation.value, print)
        : { png: made.png, width: entry.width, height: entry.height };
    const fromLibrary = made.fromLibrary
      ? ' from the library: no API call, no quota used (--regenerate forces a new one)'
      : '';
    if (poster) {
      out(`${await writeGeneratedPoster(poster, file, format, image.png, validation.value)}${fromLibrary}`);
    } else {
      const vector = format !== 'png' && print;
      const written = vector
        ? await writeCodeAs(
            format,
            file,
            image.png,
            validation.value,
            print.plan && print.plan.size.cm * 10,
            print.dpi,
            printComposeOptions(entry.width, validation.value, print),
          )
        : await writeCodeAs(format, file, image.png, validation.value);
      const saved = format === 'png' ? `${image.width}×${image.height} ${written}` : written;
      out(`Saved ${file} (${saved})${fromLibrary}`);
    }
    const summary = print && printSummary(print, entry.width);
    if (summary) out(summary);
    if (made.notKept) {
      const language = cliLanguage();
      process.stderr.write(`${made.notKept.message[language]} ${made.notKept.hint[language]}\n`);
    }
    if (!made.fromLibrary && entry.numUsed !== undefined) {
      out(`Num-Used: ${entry.numUsed} of 100000 limited codes`);
      if (credentials.accountId)
        await fileAccountStore(dataDir()).recordNumUsed(credentials.accountId, entry.numUsed);
    }
  } finally {
    await credentials.close();
  }
}
