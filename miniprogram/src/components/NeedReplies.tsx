import { Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import type { needReplySchema } from '../../../shared/contract/needs';
import { formatWhen } from '../../../shared/rules/time';

type NeedReply = z.output<typeof needReplySchema>;

const TEXT = {
  replyBy: (by: string, at: string) => `${by} · ${formatWhen(at)}`,
} as const;

/**
 * The center's replies on a need under `title`: residents and staff read the same thread.
 * Only the need pages in the subpackages use it, so the build keeps it out of the main package.
 */
export function NeedReplies({ title, replies }: { title: string; replies: readonly NeedReply[] }) {
  if (!replies.length) return null;
  return (
    <View className="need__replies">
      <Text className="subheading">{title}</Text>
      {replies.map((r) => (
        <View key={`${r.at}/${r.text}`} className="need__reply">
          <Text className="muted">{TEXT.replyBy(r.by, r.at)}</Text>
          <Text className="body-text">{r.text}</Text>
        </View>
      ))}
    </View>
  );
}
