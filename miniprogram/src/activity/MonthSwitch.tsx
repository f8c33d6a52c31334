import { ChipGroup } from '../components/ChipGroup';
import { monthChoices, monthName } from './describe';

const TEXT = {
  label: '月份',
  thisMonth: (name: string) => `本月（${name}）`,
  nextMonth: (name: string) => `下月（${name}）`,
} as const;

export interface MonthSwitchProps {
  month: string;
  onChange: (month: string) => void;
}

/** This month or next month: the two lists a resident or a center works with. */
export function MonthSwitch({ month, onChange }: MonthSwitchProps) {
  const { thisMonth, nextMonth } = monthChoices();
  return (
    <ChipGroup
      label={TEXT.label}
      chips={[
        { value: thisMonth, label: TEXT.thisMonth(monthName(thisMonth)) },
        { value: nextMonth, label: TEXT.nextMonth(monthName(nextMonth)) },
      ]}
      selected={[month]}
      onToggle={onChange}
    />
  );
}
