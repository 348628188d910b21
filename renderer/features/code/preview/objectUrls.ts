/**
 * Object URLs for PNG bytes, one per key, for the few images recently shown. An image on screen
 * keeps its URL while it is among the most recent; older ones are released so their bytes are freed.
 */
export class ObjectUrls {
  private readonly urls = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** The URL already made for this key, or undefined. Marks it as recently used. */
  get(key: string): string | undefined {
    const url = this.urls.get(key);
    if (url !== undefined) {
      this.urls.delete(key);
      this.urls.set(key, url);
    }
    return url;
  }

  /** The URL for these bytes, made now if this key has none yet. */
  urlFor(key: string, bytes: Uint8Array | Blob): string {
    const known = this.get(key);
    if (known !== undefined) return known;
    const blob =
      bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    const url = URL.createObjectURL(blob);
    this.urls.set(key, url);
    for (const [oldKey, oldUrl] of this.urls) {
      if (this.urls.size <= this.capacity) break;
      URL.revokeObjectURL(oldUrl);
      this.urls.delete(oldKey);
    }
    return url;
  }
}

/**
 * The real codes' URLs, made at render time so switching back from the live preview never shows an
 * empty frame, and shared with the preview's mask reader, which then finds the image already
 * decoded. A few are kept: the form's code and the one picked in History are on screen (or one
 * click away) at once; older ones are released.
 */
export const codeImageUrls = new ObjectUrls(4);
