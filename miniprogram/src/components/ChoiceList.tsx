import { Text, View } from '@tarojs/components';
import { FieldError } from './Field';

export interface Choice {
  value: string;
  label: string;
  /** A second line, e.g. an address. */
  detail?: string;
  /** Shown but not choosable; `note` says why (e.g. 建设中). */
  disabled?: boolean;
  note?: string;
}

export interface ChoiceListProps {
  label: string;
  choices: readonly Choice[];
  selected: string | null;
  onSelect: (value: string) => void;
  error?: string | undefined;
  /** `grid` for short labels (relations), `list` for rows with details. Default `list`. */
  layout?: 'list' | 'grid';
}

/** Big radio rows: the chosen one says 已选 with a ✓, so the choice is never shown by colour alone. */
export function ChoiceList({ label, choices, selected, onSelect, error, layout = 'list' }: ChoiceListProps) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <View className={`choices choices--${layout}`} role="radiogroup" aria-label={label}>
        {choices.map((choice) => {
          const checked = choice.value === selected;
          const className = [
            'choice',
            checked ? 'choice--checked' : '',
            choice.disabled ? 'choice--disabled' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <View
              key={choice.value}
              className={className}
              role="radio"
              aria-checked={checked}
              aria-disabled={choice.disabled === true}
              onClick={() => {
                if (!choice.disabled) onSelect(choice.value);
              }}
            >
              <Text className="choice__label">
                {checked ? '✓ ' : ''}
                {choice.label}
              </Text>
              {choice.detail ? <Text className="choice__detail">{choice.detail}</Text> : null}
              {choice.note ? (
                <Text className={choice.disabled ? 'badge' : 'badge badge--ok'}>{choice.note}</Text>
              ) : null}
            </View>
          );
        })}
      </View>
      <FieldError error={error} />
    </View>
  );
}
