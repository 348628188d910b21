import type { EventName } from '../../../shared/ipc/channelNames';
import type { EventPayload } from '../../../shared/ipc/channels';

/** The few things only the desktop can do; electron/main/desktop.ts does them with Electron. */
export interface Desktop {
  /**
   * Asks the user where to save a PNG (or, given `formats`, a file of one of them: the first is the
   * default); undefined when they cancel.
   */
  saveDialog(defaultName: string, formats?: readonly SaveFormat[]): Promise<string | undefined>;
  copyImage(png: Uint8Array): Promise<void>;
  /** Starts dragging `file` out of the window, showing `icon` (a small PNG) under the pointer. */
  startDrag(file: string, icon: Uint8Array): void;
  /** Asks for a .csv or .xlsx file to make a batch from; undefined when they cancel. */
  chooseSpreadsheet(): Promise<string | undefined>;
  /** Asks for a mini program's app.json, to list its pages; undefined when they cancel. */
  chooseAppJson(): Promise<string | undefined>;
  /** Asks for a PNG, JPEG or SVG to use as a code's centre logo; undefined when they cancel. */
  chooseImage(): Promise<string | undefined>;
  /** Asks for a poster template's JSON file to import; undefined when they cancel. */
  chooseTemplate(): Promise<string | undefined>;
  /** Asks for the folder a batch's PNGs go to (one may be created in the dialog); undefined when they cancel. */
  chooseFolder(): Promise<string | undefined>;
  /**
   * Asks the user a yes/no question in a native dialog, which the page can neither draw, read nor
   * answer; Cancel is the default button. True only when they chose `question.confirm`.
   */
  confirm(question: Confirmation): Promise<boolean>;
  /** Shows a file or folder selected in the file manager; never opens or runs it. */
  showInFolder(path: string): void;
}

export type SaveFormat = 'png' | 'svg' | 'pdf';

/** A native yes/no question, in the app's language. */
export interface Confirmation {
  title: string;
  message: string;
  detail: string;
  /** The label of the button that says yes, naming what it does ("Make 3 codes"). */
  confirm: string;
  cancel: string;
}

/** Sends an event to the page (main → renderer, no answer); nothing happens when no window is open. */
export type Notify = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
