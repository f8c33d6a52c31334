import { Picker, Text, View } from '@tarojs/components';
import { ChipGroup } from '../components/ChipGroup';
import { Field, FieldError } from '../components/Field';
import { monthFull, recentMonths } from './describe';

const TEXT = {
  presets: '常用范围',
  recent: (n: number) => `近${n}个月`,
  from: '从',
  to: '到',
  change: '修改 ›',
} as const;

const PRESETS = [3, 6, 12] as const;

export interface MonthRange {
  from: string;
  to: string;
}

export interface MonthRangePickerProps {
  value: MonthRange;
  onChange: (range: MonthRange) => void;
  /** Shown under 到 (e.g. the schema's “结束月份不能早于起始月份”), prefixed with ⚠. */
  error?: string | undefined;
}

function MonthField({ label, month, onPick }: { label: string; month: string; onPick: (m: string) => void }) {
  return (
    <Field label={label} error={undefined}>
      <Picker
        mode="date"
        fields="month"
        value={month}
        onChange={(e) => onPick(String(e.detail.value).slice(0, 7))}
      >
        <View className="picker-value" role="button" aria-label={`${label}${monthFull(month)}`}>
          <Text>{monthFull(month)}</Text>
          <Text className="picker-value__hint">{TEXT.change}</Text>
        </View>
      </Picker>
    </Field>
  );
}

/** Which months a summary covers: one tap for the usual ranges, or WeChat's month wheel for each end. */
export function MonthRangePicker({ value, onChange, error }: MonthRangePickerProps) {
  const presets = PRESETS.map((n) => ({ n, range: recentMonths(n) }));
  const chosen = presets.find((p) => p.range.from === value.from && p.range.to === value.to);
  return (
    <View className="month-range">
      <ChipGroup
        label={TEXT.presets}
        chips={presets.map((p) => ({ value: String(p.n), label: TEXT.recent(p.n) }))}
        selected={chosen ? [String(chosen.n)] : []}
        onToggle={(n) => onChange(recentMonths(Number(n)))}
      />
      <View className="pair">
        <MonthField label={TEXT.from} month={value.from} onPick={(from) => onChange({ ...value, from })} />
        <MonthField label={TEXT.to} month={value.to} onPick={(to) => onChange({ ...value, to })} />
      </View>
      <FieldError error={error} />
    </View>
  );
}
