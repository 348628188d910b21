import { create } from 'zustand';
import type { PrintedCodeView } from '../../../shared/ipc/channels';
import {
  newPosterDraft,
  type PosterBackgroundView,
  type PosterDraft,
  type PosterSummary,
  type PosterTextDraft,
} from '../../../shared/poster';
import type { AppError } from '../../../shared/result';
import { call } from '../../app/api';
import { latestRequest } from '../../app/latestRequest';

// Saved poster templates and the editor's draft. Main reads backgrounds and template files from its
// own dialogs and renders the preview; the page holds ids and pixel numbers only.

export interface PosterEditing {
  /** Absent until the draft is first saved. */
  posterId?: string;
  draft: PosterDraft;
  background: PosterBackgroundView;
}

interface PostersState {
  list: PosterSummary[];
  /** The editor is open (on `editing`, or on nothing yet: choose a background or a template). */
  editorOpen: boolean;
  editing: PosterEditing | null;
  preview: { key: string; view: PrintedCodeView } | null;
  error: AppError | null;
  /** "Saved." after a save, until the next edit. */
  saved: boolean;
  load(): Promise<void>;
  openEditor(posterId?: string): Promise<void>;
  closeEditor(): void;
  chooseBackground(name: string): Promise<void>;
  importTemplate(): Promise<void>;
  edit(patch: Partial<PosterDraft>): void;
  editText(index: number, patch: Partial<PosterTextDraft>): void;
  /** A new line reading `words`, near the top, centred. */
  addText(words: string): void;
  removeText(index: number): void;
  showPreview(draft: PosterDraft): Promise<void>;
  save(): Promise<void>;
  remove(posterId: string): Promise<void>;
}

/** The same draft always gives the same key: the preview shown is known by it. */
export const draftKey = (draft: PosterDraft): string => JSON.stringify(draft);

const previews = latestRequest();

export const usePosters = create<PostersState>()((set, get) => ({
  list: [],
  editorOpen: false,
  editing: null,
  preview: null,
  error: null,
  saved: false,

  async load() {
    const listed = await call('posters:list', undefined);
    if (listed.ok) set({ list: listed.value });
  },

  async openEditor(posterId) {
    set({ editorOpen: true, editing: null, preview: null, error: null, saved: false });
    if (posterId === undefined) return;
    const opened = await call('posters:open', { posterId });
    if (opened.ok) set({ editing: opened.value });
    else set({ error: opened.error });
  },

  closeEditor() {
    set({ editorOpen: false, editing: null, preview: null, error: null, saved: false });
  },

  async chooseBackground(name) {
    const chosen = await call('posters:chooseBackground', undefined);
    if (!chosen.ok) return set({ error: chosen.error });
    if (!chosen.value) return;
    const background = chosen.value;
    const current = get().editing;
    // A new background keeps the layout when there is one; a first one gets a starting layout.
    const draft = current
      ? { ...current.draft, backgroundId: background.backgroundId }
      : newPosterDraft(background, name);
    set({ editing: { ...current, draft, background }, error: null, saved: false });
  },

  async importTemplate() {
    const imported = await call('posters:import', undefined);
    if (!imported.ok) return set({ error: imported.error });
    if (!imported.value) return;
    await get().load();
    await get().openEditor(imported.value.posterId);
  },

  edit(patch) {
    const editing = get().editing;
    if (!editing) return;
    set({ editing: { ...editing, draft: { ...editing.draft, ...patch } }, saved: false });
  },

  editText(index, patch) {
    const texts = get().editing?.draft.texts ?? [];
    get().edit({ texts: texts.map((text, i) => (i === index ? { ...text, ...patch } : text)) });
  },

  addText(words) {
    const editing = get().editing;
    if (!editing) return;
    const { width, height } = editing.background;
    const size = Math.max(4, Math.round(Math.min(width, height) / 16));
    const line: PosterTextDraft = {
      text: words,
      x: Math.round(width / 2),
      y: Math.round(height * 0.1),
      size,
      colour: '#000000',
      weight: 'normal',
      align: 'centre',
    };
    get().edit({ texts: [...editing.draft.texts, line] });
  },

  removeText(index) {
    get().edit({ texts: (get().editing?.draft.texts ?? []).filter((_, i) => i !== index) });
  },

  async showPreview(draft) {
    const key = draftKey(draft);
    if (get().preview?.key === key) return;
    const latest = previews.ask();
    const shown = await call('posters:preview', { draft });
    if (!latest()) return;
    if (shown.ok) set({ preview: { key, view: shown.value }, error: null });
    else set({ error: shown.error });
  },

  async save() {
    const editing = get().editing;
    if (!editing) return;
    const saved = await call('posters:save', {
      ...(editing.posterId ? { posterId: editing.posterId } : {}),
      draft: editing.draft,
    });
    if (!saved.ok) return set({ error: saved.error, saved: false });
    set({ editing: { ...editing, posterId: saved.value.posterId }, error: null, saved: true });
    await get().load();
  },

  async remove(posterId) {
    const removed = await call('posters:remove', { posterId });
    if (!removed.ok) return set({ error: removed.error });
    if (get().editing?.posterId === posterId) set({ editing: null, preview: null });
    await get().load();
  },
}));
