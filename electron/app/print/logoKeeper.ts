import { randomUUID } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { logoUnknown, logoUnreadable } from '../../../shared/errors/print';
import type { LogoView } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import { MAX_LOGO_BYTES, readLogo } from '../../core/print/logo';

// Logos the user chose in main's open dialog, kept in memory for this session by an id: the page
// names a logo by that id, never by a path, and main has read it within logo.ts's bounds.

/** A few logos are enough for a session of trying one against another; older ones are let go. */
const KEPT = 8;

export class LogoKeeper {
  private readonly logos = new Map<string, Buffer>();

  /** Reads at most MAX_LOGO_BYTES + 1 bytes of `file`, checks them as a logo and keeps them. */
  async keep(file: string): Promise<LogoView> {
    const name = basename(file);
    const bytes = await readBounded(file, name);
    const image = await readLogo(bytes, name);
    const { width = 0, height = 0 } = await sharp(image).metadata();
    const logoId = randomUUID();
    this.logos.set(logoId, image);
    while (this.logos.size > KEPT) this.logos.delete(this.logos.keys().next().value!);
    return { logoId, name, width, height };
  }

  image(logoId: string): Buffer {
    const image = this.logos.get(logoId);
    if (!image) throw new Failure(logoUnknown());
    return image;
  }
}

async function readBounded(file: string, name: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    // One byte past the limit tells readLogo the file is too large without reading all of it.
    const buffer = Buffer.alloc(MAX_LOGO_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    throw new Failure(logoUnreadable(name, { en: 'the file cannot be opened.', zh: '文件无法打开。' }));
  } finally {
    await handle?.close();
  }
}
