import { Text, Textarea } from '@tarojs/components';
import { Field } from './Field';

export interface TextAreaProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  error?: string | undefined;
  /** Default 500. */
  maxlength?: number;
  /** Shows “已写 N / max 字” under the box. Default false. */
  counter?: boolean;
}

/** Several lines of text (a description, a need, a comment), growing with its content. */
export function TextArea({
  label,
  value,
  onChange,
  placeholder,
  error,
  maxlength = 500,
  counter = false,
}: TextAreaProps) {
  return (
    <Field label={label} error={error}>
      <Textarea
        className="field__textarea"
        value={value}
        maxlength={maxlength}
        autoHeight
        placeholder={placeholder}
        placeholderClass="field__placeholder"
        aria-label={label}
        onInput={(event) => onChange(event.detail.value)}
      />
      {counter ? (
        <Text className="field__counter">
          已写 {value.length} / {maxlength} 字
        </Text>
      ) : null}
    </Field>
  );
}
