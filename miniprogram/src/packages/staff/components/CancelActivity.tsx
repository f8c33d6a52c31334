import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/client';
import { fieldMessage } from '../../../api/errors';
import { activitiesApi } from '../../../api/functions/activities';
import { Card } from '../../../components/Card';
import { FormError } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useMutation } from '../../../hooks/useMutation';

const TEXT = {
  title: '取消这个活动',
  hint: '报了名和在候补的人都会收到取消通知，报名记录会保留。',
  reason: '取消原因（居民会看到）',
  reasonPlaceholder: '例如：老师临时有事，改期另行通知',
  submit: '取消活动',
  busy: '正在取消…',
  confirmTitle: '确定取消活动？',
  confirmBody: (people: number) =>
    people > 0 ? `已报名和候补的 ${people} 人会收到通知。取消后不能恢复。` : '取消后不能恢复。',
  confirmYes: '确定取消',
  confirmNo: '不取消',
} as const;

export interface CancelActivityProps {
  activityId: string;
  /** Confirmed and waiting people who will be told. */
  people: number;
  onCancelled: (notified: number) => void;
}

/** Staff cancel an activity: a reason residents will read, then a confirmation. */
export function CancelActivity({ activityId, people, onCancelled }: CancelActivityProps) {
  const [reason, setReason] = useState('');
  const cancel = useMutation((input: { activityId: string; reason: string }, options) =>
    call(activitiesApi, 'cancel', input, options),
  );

  const submit = async () => {
    if (reason.trim().length < 2) {
      // Let the schema say what is missing, before asking "are you sure".
      await cancel.run({ activityId, reason });
      return;
    }
    const answer = await Taro.showModal({
      title: TEXT.confirmTitle,
      content: TEXT.confirmBody(people),
      confirmText: TEXT.confirmYes,
      cancelText: TEXT.confirmNo,
    });
    if (!answer.confirm) return;
    const outcome = await cancel.run({ activityId, reason });
    if (outcome.ok) onCancelled(outcome.data.cancelledRegistrations);
  };

  return (
    <Card title={TEXT.title}>
      <Text className="muted">{TEXT.hint}</Text>
      <TextField
        label={TEXT.reason}
        value={reason}
        maxlength={100}
        placeholder={TEXT.reasonPlaceholder}
        error={fieldMessage(cancel.error, 'reason')}
        onChange={setReason}
      />
      <FormError error={cancel.error} />
      <SubmitButton
        label={TEXT.submit}
        busy={cancel.pending}
        busyLabel={TEXT.busy}
        onSubmit={() => void submit()}
      />
    </Card>
  );
}
