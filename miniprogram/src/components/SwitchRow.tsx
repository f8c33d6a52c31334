import { Text, View } from '@tarojs/components';

export interface SwitchRowProps {
  label: string;
  /** One line under the label saying what the switch does. */
  description?: string;
  checked: boolean;
  onChange: (next: boolean) => void;
  /** While the change is being saved the row ignores taps. Default false. */
  pending?: boolean;
}

const TEXT = { on: '已开启', off: '已关闭', saving: '保存中…' } as const;

/** A whole-row switch: a big target, and its state in words (已开启 / 已关闭), not only in colour. */
export function SwitchRow({ label, description, checked, onChange, pending = false }: SwitchRowProps) {
  return (
    <View
      className={checked ? 'switch-row switch-row--on' : 'switch-row'}
      role="switch"
      aria-checked={checked}
      aria-label={label}
      onClick={() => {
        if (!pending) onChange(!checked);
      }}
    >
      <View className="switch-row__text">
        <Text className="switch-row__label">{label}</Text>
        {description ? <Text className="switch-row__description">{description}</Text> : null}
      </View>
      <View className="switch-row__state">
        <Text>{pending ? TEXT.saving : checked ? TEXT.on : TEXT.off}</Text>
      </View>
    </View>
  );
}
