import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CheckinOutcome } from '../../../../../shared/contract/checkin';
import { call } from '../../../api/client';
import { fieldMessage } from '../../../api/errors';
import { checkinApi } from '../../../api/functions/checkin';
import { Card } from '../../../components/Card';
import { FormError } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useMutation } from '../../../hooks/useMutation';

const TEXT = {
  title: '现场登记',
  hint: '没报名的人来了，有空位就能登记，登记后直接算签到。',
  name: '姓名',
  placeholder: '例如：李阿姨',
  submit: '登记并签到',
  busy: '正在登记…',
  done: (name: string) => `✓ ${name} 已登记并签到`,
  full: '⚠ 名额已满，不能再登记',
} as const;

export interface WalkInFormProps {
  activityId: string;
  onAdded: () => void;
}

/** A walk-in who did not sign up: a name, and they are on the roster and checked in, while seats remain. */
export function WalkInForm({ activityId, onAdded }: WalkInFormProps) {
  const [name, setName] = useState('');
  const [added, setAdded] = useState<CheckinOutcome | null>(null);
  const walkIn = useMutation((input: { activityId: string; displayName: string }, options) =>
    call(checkinApi, 'walkIn', input, options),
  );

  const submit = async () => {
    setAdded(null);
    const outcome = await walkIn.run({ activityId, displayName: name.trim() });
    if (!outcome.ok) return;
    setAdded(outcome.data);
    setName('');
    onAdded();
  };

  const full = walkIn.error?.code === 'FULL';
  return (
    <Card title={TEXT.title}>
      <Text className="lead">{TEXT.hint}</Text>
      <TextField
        label={TEXT.name}
        value={name}
        placeholder={TEXT.placeholder}
        error={fieldMessage(walkIn.error, 'displayName')}
        onChange={setName}
      />
      {full ? (
        <View role="alert">
          <Text className="form-error">{TEXT.full}</Text>
        </View>
      ) : (
        <FormError error={walkIn.error} />
      )}
      {added ? (
        <View role="status">
          <Text className="result__text strong">{TEXT.done(added.displayName ?? '')}</Text>
        </View>
      ) : null}
      <SubmitButton
        label={TEXT.submit}
        busy={walkIn.pending}
        busyLabel={TEXT.busy}
        onSubmit={() => void submit()}
      />
    </Card>
  );
}
