import { Picker, Text, View } from '@tarojs/components';
import { Field } from '../../../components/Field';

const TEXT = { change: '修改 ›' } as const;

export interface PickerFieldProps {
  label: string;
  /** `date` takes and gives `YYYY-MM-DD`, `time` gives `HH:mm`. */
  mode: 'date' | 'time';
  value: string;
  /** What the person reads, e.g. `11月28日 周六`; default the value itself. */
  display?: string;
  onChange: (value: string) => void;
  /** The earliest date that can be chosen (`YYYY-MM-DD`); dates only. Default none. */
  start?: string;
  /** Shown under the field, prefixed with ⚠. */
  error?: string | undefined;
}

/** WeChat's own date or time wheel behind a big row that says what is chosen. */
export function PickerField({ label, mode, value, display, onChange, error, start }: PickerFieldProps) {
  const row = (
    <View className="picker-value" aria-label={label} role="button">
      <Text>{display ?? value}</Text>
      <Text className="picker-value__hint">{TEXT.change}</Text>
    </View>
  );
  return (
    <Field label={label} error={error}>
      {mode === 'date' ? (
        <Picker
          mode="date"
          value={value}
          {...(start ? { start } : {})}
          onChange={(event) => onChange(String(event.detail.value))}
        >
          {row}
        </Picker>
      ) : (
        <Picker mode="time" value={value} onChange={(event) => onChange(String(event.detail.value))}>
          {row}
        </Picker>
      )}
    </Field>
  );
}
