interface Option<T extends string> {
  value: T;
  label: string;
  note?: string;
}

interface Props<T extends string> {
  name: string;
  legend: string;
  value: T;
  options: Array<Option<T>>;
  onChange(value: T): void;
  variant?: 'cards' | 'pills';
}

/**
 * A choice of a few: radio buttons, so arrow keys move between them as users expect. Each is
 * named by its title alone; the note under it is its description.
 */
export function Segmented<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
  variant = 'pills',
}: Props<T>) {
  return (
    <fieldset className={`segmented ${variant}`}>
      <legend>{legend}</legend>
      <div className="segments">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div key={option.value} className="segment">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                aria-labelledby={`${id}-label`}
                aria-describedby={option.note ? `${id}-note` : undefined}
                onChange={() => onChange(option.value)}
              />
              <label htmlFor={id}>
                <span id={`${id}-label`} className="segment-label">
                  {option.label}
                </span>
                {option.note && (
                  <span id={`${id}-note`} className="segment-note">
                    {option.note}
                  </span>
                )}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
