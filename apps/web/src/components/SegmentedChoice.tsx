import type { ReactNode } from 'react';

interface SegmentedChoiceProps<T extends string> {
  /** The radio group's form name. */
  name: string;
  legend: string;
  /** Value, label and an optional short hint shown after the label. */
  options: ReadonlyArray<readonly [value: T, label: string, hint?: string]>;
  value: T;
  onChange(value: T): void;
  disabled: boolean;
  /** A line under the choices, wired to the group with aria-describedby. */
  hint?: { id: string; text: string };
  /** Spans the whole options row. */
  wide?: boolean;
  /** Controls shown after the choices inside the same group (e.g. the vertical switch). */
  children?: ReactNode;
}

/** One option of the job form as a row of radio buttons drawn as segments. */
export function SegmentedChoice<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  disabled,
  hint,
  wide,
  children,
}: SegmentedChoiceProps<T>) {
  return (
    <fieldset className={wide ? 'field field-wide' : 'field'} aria-describedby={hint?.id}>
      <legend className="field-label">{legend}</legend>
      <div className="segmented">
        {options.map(([option, label, optionHint]) => (
          <label key={option} className="segment">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
              disabled={disabled}
            />
            <span>
              {optionHint ? (
                <>
                  {label} <small>{optionHint}</small>
                </>
              ) : (
                label
              )}
            </span>
          </label>
        ))}
      </div>
      {hint ? (
        <p id={hint.id} className="field-hint">
          {hint.text}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
