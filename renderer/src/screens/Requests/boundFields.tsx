import type { ReactNode } from 'react';
import { Field } from '../../components';

/** The form's string-valued keys. */
type TextKey<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F];

interface Bound<F> {
  form: F;
  setForm: (next: F) => void;
  name: TextKey<F>;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  required?: boolean;
}

/** A labelled text or date input bound to one key of a form's state (the request and consent
 *  forms): the markup and accessibility come from Field, the value from the form. */
export function TextField<F>({
  form,
  setForm,
  name,
  label,
  hint,
  className,
  required,
  type = 'text',
  max,
}: Bound<F> & { type?: 'text' | 'date'; max?: string }) {
  return (
    <Field label={label} hint={hint} className={className}>
      {(p) => (
        <input
          {...p}
          type={type}
          className="input"
          required={required}
          max={max}
          value={form[name] as string}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

export function TextAreaField<F>({ form, setForm, name, label, hint, className, required }: Bound<F>) {
  return (
    <Field label={label} hint={hint} className={className}>
      {(p) => (
        <textarea
          {...p}
          rows={2}
          required={required}
          value={form[name] as string}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        />
      )}
    </Field>
  );
}

export function SelectField<F>({
  form,
  setForm,
  name,
  label,
  hint,
  className,
  options,
}: Bound<F> & { options: { value: string; label: string }[] }) {
  return (
    <Field label={label} hint={hint} className={className}>
      {(p) => (
        <select
          {...p}
          className="input"
          value={form[name] as string}
          onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
