import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/client';
import { checkinApi } from '../../../api/functions/checkin';
import { Card } from '../../../components/Card';
import { FormError } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { useMutation } from '../../../hooks/useMutation';

const TEXT = {
  title: '结束活动',
  hint: '活动结束后点这里：没签到的人记为“未到场”，到场人数计入本月统计。',
  submit: '结束活动',
  busy: '正在结束…',
  confirmTitle: '结束活动？',
  confirmBody: '没签到的人会记为“未到场”，之后不能再签到。',
  confirmYes: '结束',
  confirmNo: '再等等',
  done: '✓ 活动已结束',
  attended: (n: number) => `到场 ${n} 人`,
  noShows: (n: number) => `未到 ${n} 人`,
} as const;

export interface CloseActivityProps {
  activityId: string;
  /** Already closed: only the answer of a close done here is shown, no button. */
  closed: boolean;
  onClosed: () => void;
}

/** After the end: close the activity, after a confirmation, and show who came and who did not. */
export function CloseActivity({ activityId, closed, onClosed }: CloseActivityProps) {
  const close = useMutation((input: { activityId: string }, options) =>
    call(checkinApi, 'close', input, options),
  );
  const [counts, setCounts] = useState<{ attended: number; noShows: number } | null>(null);

  const submit = async () => {
    const answer = await Taro.showModal({
      title: TEXT.confirmTitle,
      content: TEXT.confirmBody,
      confirmText: TEXT.confirmYes,
      cancelText: TEXT.confirmNo,
    });
    if (!answer.confirm) return;
    const outcome = await close.run({ activityId });
    if (!outcome.ok) return;
    setCounts(outcome.data);
    onClosed();
  };

  if (counts) {
    return (
      <View className="result" role="status">
        <Text className="result__title">{TEXT.done}</Text>
        <View className="counts">
          <Text className="count__value">{TEXT.attended(counts.attended)}</Text>
          <Text className="count__value">{TEXT.noShows(counts.noShows)}</Text>
        </View>
      </View>
    );
  }
  if (closed) return null;
  return (
    <Card title={TEXT.title}>
      <Text className="lead">{TEXT.hint}</Text>
      <FormError error={close.error} />
      <SubmitButton
        label={TEXT.submit}
        busy={close.pending}
        busyLabel={TEXT.busy}
        onSubmit={() => void submit()}
      />
    </Card>
  );
}
