import { Text, View } from '@tarojs/components';
import { FieldError } from './Field';

export interface Chip {
  value: string;
  label: string;
}

export interface ChipGroupProps {
  /** Read out by screen readers; shown above the chips when `showLabel` is true. Default hidden. */
  label: string;
  showLabel?: boolean;
  chips: readonly Chip[];
  /** The chosen values: one for a switch (months), several for tags. */
  selected: readonly string[];
  onToggle: (value: string) => void;
  /** Shown under the chips, prefixed with ⚠. */
  error?: string | undefined;
}

/**
 * A row of short choices that wraps: month and day switches, tags. A chosen chip says ✓ in its text, so the
 * choice is never shown by colour alone; each chip is at least 44 px tall.
 */
export function ChipGroup({ label, showLabel = false, chips, selected, onToggle, error }: ChipGroupProps) {
  return (
    <View className={showLabel ? 'field' : 'chips-block'}>
      {showLabel ? <Text className="field__label">{label}</Text> : null}
      <View className="chips" aria-label={label}>
        {chips.map((chip) => {
          const on = selected.includes(chip.value);
          return (
            <View
              key={chip.value}
              className={on ? 'chip chip--on' : 'chip'}
              role="button"
              aria-pressed={on}
              onClick={() => onToggle(chip.value)}
            >
              <Text>
                {on ? '✓ ' : ''}
                {chip.label}
              </Text>
            </View>
          );
        })}
      </View>
      <FieldError error={error} />
    </View>
  );
}
