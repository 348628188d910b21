#!/usr/bin/env node
import '../core/storage/threadPool';
import { rememberSecret } from '../../shared/redact';
import { dataDir } from '../core/storage/dataDir';
import { type ErrorLog, openErrorLog } from '../core/storage/errorLog';
import { ACCOUNT_USAGE, accountCommand } from './accountCommand';
import { BATCH_USAGE, batchCommand } from './batchCommand';
import { printError } from './errorText';
import { asAppError, EXIT, exitCodeFor } from './exit';
import { GENERATE_USAGE, generateCommand } from './generateCommand';
import { SANDBOX_USAGE, sandboxCommand } from './sandboxCommand';
import { SHEET_USAGE, sheetCommand } from './sheetCommand';

const EXIT_CODES =
  'Exit codes: 0 success, 2 invalid input (nothing was sent), 3 WeChat error, 4 network or other failure.';

type Run = (args: string[], out: (line: string) => void, log: ErrorLog) => Promise<void>;

const commands: Record<string, { run: Run; usage: string }> = {
  generate: { run: generateCommand, usage: GENERATE_USAGE },
  batch: { run: batchCommand, usage: BATCH_USAGE },
  sheet: { run: sheetCommand, usage: SHEET_USAGE },
  account: { run: accountCommand, usage: ACCOUNT_USAGE },
  sandbox: { run: sandboxCommand, usage: SANDBOX_USAGE },
};

const USAGE = `wxacode: make WeChat mini program codes (小程序码)

${Object.values(commands)
  .map((c) => `  ${c.usage}`)
  .join('\n')}

  wxacode COMMAND --help    one command's usage

${EXIT_CODES}`;

const commandUsage = (usage: string) => `Usage: ${usage}\n\n${EXIT_CODES}`;

/** `--help` or `-h` anywhere before a `--`: the user asks how, not to run the command. */
const asksForHelp = (args: string[]): boolean => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (!name || name === '--help' || name === '-h' || (name === 'help' && args.length === 0)) {
    out(USAGE);
    return name ? EXIT.ok : EXIT.input;
  }
  const topic = name === 'help' ? args[0]! : name;
  const command = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
  if (!command) {
    process.stderr.write(`Unknown command “${topic}”.\n\n${USAGE}\n`);
    return EXIT.input;
  }
  if (name === 'help' || asksForHelp(args)) {
    out(commandUsage(command.usage));
    return EXIT.ok;
  }
  // The app's support log, in the same data folder: a supporter sees the CLI's errors beside the app's.
  const log = openErrorLog({ dataDir: dataDir(), process: 'cli' });
  // Credentials handed over in the environment are masked wherever they might turn up.
  for (const variable of ['WXACODE_APPSECRET', 'WXACODE_ACCESS_TOKEN', 'WXACODE_TOKEN_CREDENTIAL']) {
    rememberSecret(process.env[variable]);
  }
  try {
    await command.run(args, out, log);
    return EXIT.ok;
  } catch (caught) {
    const error = asAppError(caught);
    log.failed(name, error, { cause: caught });
    printError(error);
    return exitCodeFor(error);
  }
}

void main(process.argv.slice(2)).then((code) => {
  // Exit at once: idle keep-alive sockets to WeChat would otherwise hold the process open for seconds.
  process.exit(code);
});
