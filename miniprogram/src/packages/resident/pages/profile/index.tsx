import { Text } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { accountApi } from '../../../../api/functions/account';
import { Screen } from '../../../../components/Screen';
import { ErrorState, FormError, Loading } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { goBack } from '../../../../routes';
import { applyMember, useMember } from '../../../../state/member';

const TEXT = {
  title: '修改资料',
  name: '称呼',
  namePlaceholder: '例如：王阿姨',
  phone: '手机号（选填）',
  phonePlaceholder: '11位手机号',
  phoneHint: (masked: string) => `现在的手机号：${masked}。不改就留空。`,
  save: '保存',
  saving: '正在保存…',
} as const;

interface ProfileForm {
  displayName: string;
  phone: string;
}

export default function ProfilePage() {
  const member = useMember();
  const [form, setForm] = useState<ProfileForm | null>(null);
  const save = useMutation(({ displayName, phone }: ProfileForm, options) =>
    call(accountApi, 'updateProfile', { displayName, ...(phone.trim() ? { phone } : {}) }, options),
  );

  if (!member.data) {
    return (
      <Screen>
        {member.status === 'error' ? (
          <ErrorState error={member.error} onRetry={member.reload} />
        ) : (
          <Loading />
        )}
      </Screen>
    );
  }
  const me = member.data.member;
  const values = form ?? { displayName: me.displayName, phone: '' };

  const submit = async () => {
    const outcome = await save.run(values);
    if (!outcome.ok) return;
    applyMember(outcome.data.member);
    goBack();
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      <TextField
        label={TEXT.name}
        value={values.displayName}
        placeholder={TEXT.namePlaceholder}
        error={fieldMessage(save.error, 'displayName')}
        onChange={(displayName) => setForm({ ...values, displayName })}
      />
      <TextField
        label={TEXT.phone}
        type="number"
        maxlength={11}
        value={values.phone}
        placeholder={TEXT.phonePlaceholder}
        error={fieldMessage(save.error, 'phone')}
        onChange={(phone) => setForm({ ...values, phone })}
      />
      {me.phoneMasked ? <Text className="muted">{TEXT.phoneHint(me.phoneMasked)}</Text> : null}
      <FormError error={save.error} />
      <SubmitButton
        label={TEXT.save}
        busy={save.pending}
        busyLabel={TEXT.saving}
        onSubmit={() => void submit()}
      />
    </Screen>
  );
}
