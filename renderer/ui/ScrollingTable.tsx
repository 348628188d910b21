import type { ReactNode } from 'react';

interface Props {
  className: string;
  captionId: string;
  children: ReactNode;
}

/** A table that scrolls within its own box, so a wide or long sheet does not stretch the page. */
export function ScrollingTable({ className, captionId, children }: Props) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll it too
    <section className={`table-scroll ${className}`} tabIndex={0} aria-labelledby={captionId}>
      <table>{children}</table>
    </section>
  );
}
