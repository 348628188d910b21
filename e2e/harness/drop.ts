import type { Page } from '@playwright/test';

/** Drops files onto the window as the OS does: a drag over it, then the drop, with real File objects. */
export async function dropFiles(page: Page, files: Array<{ name: string; bytes: Buffer; type: string }>) {
  const encoded = files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const target = document.querySelector('.app')!;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, encoded);
}
