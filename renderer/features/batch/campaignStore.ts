import { create } from 'zustand';
import type { SheetView } from '../../../shared/batch';
import { defaultCampaign } from '../../../shared/campaign';

interface CampaignState {
  /** What the user typed, for the sheet it was typed for: another sheet starts from its own name. */
  typed: { sheetId: string; text: string } | null;
  type(sheetId: string, text: string): void;
}

/** Start's Campaign field, kept apart from the batch store: it only names the batch's codes. */
export const useCampaign = create<CampaignState>()((set) => ({
  typed: null,
  type: (sheetId, text) => set({ typed: { sheetId, text } }),
}));

/** The campaign a batch of `sheet` starts under: as typed for it, else the sheet's file name without extension. */
export function campaignFor(sheet: Pick<SheetView, 'sheetId' | 'fileName'> | null): string {
  if (!sheet) return '';
  const { typed } = useCampaign.getState();
  return typed?.sheetId === sheet.sheetId ? typed.text : defaultCampaign(sheet.fileName);
}
