import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TopicView } from '../../../../../shared/contract/councils';
import { call } from '../../../api/client';
import { fieldMessage } from '../../../api/errors';
import { councilsApi } from '../../../api/functions/councils';
import { FormError } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { useMutation } from '../../../hooks/useMutation';
import { FacePicker } from './FacePicker';

const TEXT = {
  support: '附议 (+1)',
  supporting: '正在附议…',
  supported: '✓ 您已附议',
  mine: '✓ 这是您提的议题',
  rate: '办得怎么样？请您评价',
  send: '提交评价',
  sending: '正在提交…',
} as const;

/** 附议: +1 once. Done, it says so in words; the proposer's own topic needs no +1. */
export function SupportTopic({ topic, onChanged }: { topic: TopicView; onChanged: () => void }) {
  const support = useMutation((topicId: string, options) =>
    call(councilsApi, 'support', { topicId }, options),
  );
  if (topic.mine) return <Text className="kv strong">{TEXT.mine}</Text>;
  if (topic.supported) return <Text className="kv strong">{TEXT.supported}</Text>;
  const send = async () => {
    const outcome = await support.run(topic.topicId);
    if (outcome.ok) onChanged();
  };
  return (
    <>
      <FormError error={support.error} />
      <SubmitButton
        label={TEXT.support}
        busy={support.pending}
        busyLabel={TEXT.supporting}
        onSubmit={() => void send()}
      />
    </>
  );
}

/** The proposer and supporters rate a finished topic's outcome once, with the same faces as activities. */
export function RateOutcome({ topicId, onChanged }: { topicId: string; onChanged: () => void }) {
  const [rating, setRating] = useState<number | null>(null);
  const rate = useMutation((value: number | null, options) =>
    // No face yet: the schema names the field, and nothing leaves the phone.
    call(councilsApi, 'rateOutcome', { topicId, rating: value as number }, options),
  );
  const send = async () => {
    const outcome = await rate.run(rating);
    if (outcome.ok) onChanged();
  };
  return (
    <View className="need-panel">
      <FacePicker
        label={TEXT.rate}
        value={rating}
        onChange={setRating}
        error={fieldMessage(rate.error, 'rating')}
      />
      <FormError error={rate.error} />
      <SubmitButton
        label={TEXT.send}
        busy={rate.pending}
        busyLabel={TEXT.sending}
        onSubmit={() => void send()}
      />
    </View>
  );
}
