import { Text, View } from '@tarojs/components';

export interface CountdownProps {
  /** Seconds until the code changes. */
  secondsLeft: number;
  stepSeconds: number;
  /** e.g. 每30秒自动更新. */
  caption: string;
  /** e.g. `12 秒后换新码`. */
  left: string;
}

/** How long the code on screen has left: a shrinking bar, and the same in words. */
export function Countdown({ secondsLeft, stepSeconds, caption, left }: CountdownProps) {
  const percent = Math.round((secondsLeft / stepSeconds) * 100);
  return (
    <View className="countdown" aria-live="off">
      <View className="countdown__bar">
        <View className="countdown__fill" style={{ width: `${percent}%` }} />
      </View>
      {/* Two parts that wrap between, not inside, at large type. */}
      <Text className="countdown__text">
        <Text className="countdown__part">{caption}</Text> <Text className="countdown__part">{left}</Text>
      </Text>
    </View>
  );
}
