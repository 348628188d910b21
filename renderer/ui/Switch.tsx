interface Props {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  note?: string;
}

/** An on/off setting: a checkbox with the switch role, so it reads as "on"/"off". */
export function Switch({ id, label, checked, onChange, disabled, note }: Props) {
  return (
    <div className="switch-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        aria-checked={checked}
        className="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="switch-label">
        {label}
      </label>
      {note && (
        <span id={`${id}-note`} className="note">
          {note}
        </span>
      )}
    </div>
  );
}
