import { useEffect, useRef, useState } from 'react';
import { loadThumbnail, thumbnailReady } from './thumbnails';

/**
 * A small copy of a stored code, read only once its place in the list comes near the screen: the
 * library can hold tens of thousands of codes and the list must not read them all.
 */
export function Thumbnail({ codeId, transparent }: { codeId: string; transparent: boolean }) {
  const frame = useRef<HTMLSpanElement>(null);
  const [url, setUrl] = useState(() => thumbnailReady(codeId) ?? null);

  useEffect(() => {
    const element = frame.current;
    if (url || !element) return;
    let current = true;
    const observer = new IntersectionObserver(
      (seen) => {
        if (!seen.some((s) => s.isIntersecting)) return;
        observer.disconnect();
        void loadThumbnail(codeId).then((loaded) => {
          if (current && loaded) setUrl(loaded);
        });
      },
      { rootMargin: '240px 0px' },
    );
    observer.observe(element);
    return () => {
      current = false;
      observer.disconnect();
    };
  }, [codeId, url]);

  // Decorative: the item's text names the code.
  return (
    <span ref={frame} className={`thumbnail${transparent ? ' checkerboard' : ''}`} aria-hidden="true">
      {url && <img src={url} alt="" draggable={false} />}
    </span>
  );
}
