import { Text } from '@tarojs/components';

/**
 * A date and time that wraps only between its parts (`11月28日` `周六` `14:00–16:00`), never inside a time,
 * however large the type.
 */
export function When({ text }: { text: string }) {
  const parts = text.split(' ');
  return (
    <Text>
      {parts.map((part, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order.
        <Text key={index} className="when__part">
          {index > 0 ? ' ' : ''}
          {part}
        </Text>
      ))}
    </Text>
  );
}
