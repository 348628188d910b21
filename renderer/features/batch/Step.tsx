import type { ReactNode } from 'react';

interface Props {
  id: string;
  number: number;
  title: string;
  /** Locks the step's controls (no sheet yet, or a batch is running); its text stays readable. */
  locked?: boolean;
  children: ReactNode;
}

/** One numbered step of the Batch view: a section named by its heading. */
export function Step({ id, number, title, locked = false, children }: Props) {
  return (
    <section className="batch-step" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="step-title">
        <span className="step-number" aria-hidden="true">
          {number}
        </span>
        {title}
      </h3>
      <fieldset className="step-body" disabled={locked}>
        {children}
      </fieldset>
    </section>
  );
}
