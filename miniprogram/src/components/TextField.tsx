import { Input } from '@tarojs/components';
import { Field } from './Field';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Shown under the input, prefixed with ⚠ so it is not carried by colour alone. */
  error?: string | undefined;
  /** `number` brings up the digit keyboard (phone numbers). Default `text`. */
  type?: 'text' | 'number';
  /** Default 20. */
  maxlength?: number;
}

export function TextField({
  label,
  value,
  onChange,
  placeholder,
  error,
  type = 'text',
  maxlength = 20,
}: TextFieldProps) {
  return (
    <Field label={label} error={error}>
      <Input
        className="field__input"
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="field__placeholder"
        aria-label={label}
        onInput={(event) => onChange(event.detail.value)}
      />
    </Field>
  );
}
