import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type * as z from 'zod/mini';
import type { similarNeedSchema } from '../../../../../shared/contract/needs';
import { badgeClass } from '../../../activity/describe';
import { call } from '../../../api/client';
import { needsApi } from '../../../api/functions/needs';
import { useMutation } from '../../../hooks/useMutation';
import { categoryLabel, needStatusLabel } from '../../../needs/describe';

type SimilarNeed = z.output<typeof similarNeedSchema>;

const TEXT = {
  title: '这些需求和您的很像，可以直接支持（+1）',
  /** The reporter plus everyone who pressed +1. */
  people: (supporters: number) => `${supporters + 1} 人需要`,
  support: '我也需要 (+1)',
  supporting: '正在提交…',
  supported: (supporters: number) => `✓ 已支持，现在 ${supporters + 1} 人需要`,
} as const;

function SimilarItem({ need }: { need: SimilarNeed }) {
  const [supporters, setSupporters] = useState<number | null>(null);
  const support = useMutation((needId: string, options) => call(needsApi, 'support', { needId }, options));
  const status = needStatusLabel(need.status);
  const plusOne = async () => {
    const outcome = await support.run(need.needId);
    if (outcome.ok) setSupporters(outcome.data.supporters);
  };
  return (
    <View className="list-item similar">
      <Text className="body-text">{need.text}</Text>
      <View className="badges">
        <Text className="badge badge--muted">{categoryLabel(need.category)}</Text>
        <Text className={badgeClass(status.tone)}>{status.text}</Text>
        <Text className="badge badge--muted">{TEXT.people(supporters ?? need.supporters)}</Text>
      </View>
      {supporters !== null ? (
        <View role="status">
          <Text className="strong">{TEXT.supported(supporters)}</Text>
        </View>
      ) : (
        <Button
          className="btn btn--plain"
          {...(support.pending ? { disabled: true } : {})}
          onClick={() => void plusOne()}
        >
          {support.pending ? TEXT.supporting : TEXT.support}
        </Button>
      )}
      {support.error ? (
        <View role="alert">
          <Text className="form-error">⚠ {support.error.message}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** Open needs of the center that read like what the resident is typing, each with a one-tap +1. */
export function SimilarNeeds({ needs }: { needs: readonly SimilarNeed[] }) {
  if (needs.length === 0) return null;
  return (
    <View className="card similar-needs" aria-live="polite">
      <Text className="card__title">{TEXT.title}</Text>
      {needs.map((need) => (
        <SimilarItem key={need.needId} need={need} />
      ))}
    </View>
  );
}
