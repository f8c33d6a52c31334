import { Text, View } from '@tarojs/components';

/** An activity's tags as a row of small labels; nothing at all when it has none, so no empty gap is left. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return null;
  return (
    <View className="tags">
      {tags.map((tag) => (
        <Text key={tag} className="tag">
          {tag}
        </Text>
      ))}
    </View>
  );
}
