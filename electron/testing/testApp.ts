// Test support: the app's real services and handlers over a real sandbox, in a throwaway data
// folder, with a desktop whose dialogs answer what the test chose. Used by the handler tests
// and by the browser end-to-end suite, which bridges window.wxacode to `call`.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventName } from '../../shared/ipc/channelNames';
import type { Channel, ChannelResult, EventPayload } from '../../shared/ipc/channels';
import type { Result } from '../../shared/result';
import type { Confirmation, Desktop } from '../app/desktop/desktop';
import { createServices, type Services } from '../app/services';
import type { SecretStore } from '../core/storage/secrets';
import { SANDBOX_SECRET } from '../core/tokens/accountTokens';
import { createHandlers } from '../handlers';
import { invokeChannel, reportTo } from '../main/ipc';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../sandbox';
import { tempFolder } from './tempFolder';
import { throwawayKeychain } from './throwawayKeyring';

export interface RecordingDesktop extends Desktop {
  /** What the save dialog answers next: a path, or undefined as if the user pressed Cancel. */
  saveAs: string | undefined;
  /** When set, the save dialog answers the name it suggests in this folder, as a user pressing Save. */
  saveInto: string | undefined;
  /** Copies of the bytes handed over, as the clipboard and the drag keep them. */
  copied: Buffer[];
  dragged: { file: string; icon: Buffer }[];
  /** What the open dialogs answer next: a path, or undefined as if the user pressed Cancel. */
  spreadsheet: string | undefined;
  appJson: string | undefined;
  /** What the logo dialog answers next. */
  image: string | undefined;
  /** What the poster template dialog answers next. */
  template: string | undefined;
  folder: string | undefined;
  /** Folders opened in the file manager. */
  shown: string[];
  /** How the user answers the native confirmations (spending quota): 'ok' unless a test says otherwise. */
  answer: 'ok' | 'cancel';
  /**
   * While set, a confirmation stays open until this settles, as a person takes a moment to read
   * it: whatever the page does meanwhile meets an open question. Unset, the answer comes at once.
   */
  answerAfter: Promise<unknown> | undefined;
  /** Every native confirmation shown, in order, with its text. */
  asked: Confirmation[];
}

export function recordingDesktop(): RecordingDesktop {
  const desktop: RecordingDesktop = {
    saveAs: undefined,
    saveInto: undefined,
    copied: [],
    dragged: [],
    spreadsheet: undefined,
    appJson: undefined,
    image: undefined,
    template: undefined,
    folder: undefined,
    shown: [],
    answer: 'ok',
    answerAfter: undefined,
    asked: [],
    saveDialog: async (suggested) =>
      desktop.saveInto === undefined ? desktop.saveAs : join(desktop.saveInto, suggested),
    copyImage: async (png) => void desktop.copied.push(Buffer.from(png)),
    startDrag: (file, icon) => void desktop.dragged.push({ file, icon: Buffer.from(icon) }),
    chooseSpreadsheet: async () => desktop.spreadsheet,
    chooseAppJson: async () => desktop.appJson,
    chooseImage: async () => desktop.image,
    chooseTemplate: async () => desktop.template,
    chooseFolder: async () => desktop.folder,
    showInFolder: (path) => void desktop.shown.push(path),
    confirm: async (question) => {
      desktop.asked.push(question);
      await desktop.answerAfter;
      return desktop.answer === 'ok';
    },
  };
  return desktop;
}

/** One event the main process sent to the page. */
export type SentEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export interface TestApp {
  dataDir: string;
  sandbox: RunningSandbox;
  services: Services;
  desktop: RecordingDesktop;
  /** Every event sent to the page, in order. */
  events: SentEvent[];
  /** Called with each event as it is sent; returns a function that stops listening. */
  onEvent(listener: (sent: SentEvent) => void): () => void;
  /** What the page gets for `window.wxacode[channel](payload)`, validation included. */
  call<C extends Channel>(channel: C, payload?: unknown): Promise<Result<ChannelResult<C>>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  sandbox?: SandboxOptions;
  /** Default: a keychain entry namespace of its own in the throwaway keyring (scripts/with-keyring.sh). */
  secrets?: SecretStore;
  /** Default: a new temporary folder; a test may share one with the CLI, as the app does. */
  dataDir?: string;
}

export async function openTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await tempFolder('app')).path;
  const sandbox = await startSandbox({ appSecret: SANDBOX_SECRET, ...options.sandbox });
  const desktop = recordingDesktop();
  const events: SentEvent[] = [];
  const listeners = new Set<(sent: SentEvent) => void>();
  const services = await createServices({
    dataDir,
    desktop,
    sandboxUrl: sandbox.url,
    appVersion: '0.0.0-test',
    systemLocale: 'en-US',
    secrets: options.secrets ?? throwawayKeychain(),
    notify: (event, payload) => {
      const sent = { event, payload } as SentEvent;
      events.push(sent);
      for (const listener of listeners) listener(sent);
    },
  });
  const handlers = createHandlers(services);
  return {
    dataDir,
    sandbox,
    services,
    desktop,
    events,
    onEvent(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    // Every error answered is logged, as main's handlers do: the support log in `dataDir/logs`.
    call: (channel, payload) => invokeChannel(handlers, channel, payload, reportTo(services.log)),
    async close() {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 10 });
    },
  };
}

/** Chooses `folder` in main's folder dialog, as the user would: the page gets a grant for it. */
export async function chooseFolder(app: TestApp, folder: string): Promise<string> {
  app.desktop.folder = folder;
  const chosen = succeeded(await app.call('batch:chooseFolder'));
  if (!chosen || chosen.folder !== folder) throw new Error(`the dialog did not choose ${folder}`);
  return chosen.grant;
}

/** The value of a Result the test expects to be ok; otherwise fails with the error the user would see. */
export function succeeded<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}
