import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { accountApi } from '../../../../api/functions/account';
import { Screen } from '../../../../components/Screen';
import { FormError } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { ROLE_LABELS } from '../../../../labels';
import { ROUTES } from '../../../../routes';
import { applyMember } from '../../../../state/member';

const TEXT = {
  title: '使用邀请码',
  lead: '街道或市民政局会给您一个8位邀请码，输入后即可用新身份工作。',
  code: '邀请码',
  codePlaceholder: '8位字母或数字',
  name: '您的称呼（选填）',
  namePlaceholder: '例如：李社工',
  submit: '加入',
  saving: '正在加入…',
  joined: (role: string) => `已加入，身份：${role}`,
} as const;

export default function JoinPage() {
  const [code, setCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const join = useMutation((input: { code: string; displayName: string }, options) =>
    call(
      accountApi,
      'joinWithCode',
      { code: input.code, ...(input.displayName.trim() ? { displayName: input.displayName } : {}) },
      options,
    ),
  );

  const submit = async () => {
    const outcome = await join.run({ code, displayName });
    if (!outcome.ok) return;
    applyMember(outcome.data.member);
    await Taro.showToast({ title: TEXT.joined(ROLE_LABELS[outcome.data.member.role]), icon: 'none' });
    void Taro.reLaunch({ url: ROUTES.home });
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      <Text className="lead">{TEXT.lead}</Text>
      <TextField
        label={TEXT.code}
        value={code}
        maxlength={8}
        placeholder={TEXT.codePlaceholder}
        error={fieldMessage(join.error, 'code')}
        onChange={setCode}
      />
      <TextField
        label={TEXT.name}
        value={displayName}
        placeholder={TEXT.namePlaceholder}
        error={fieldMessage(join.error, 'displayName')}
        onChange={setDisplayName}
      />
      <FormError error={join.error} />
      <SubmitButton
        label={TEXT.submit}
        busy={join.pending}
        busyLabel={TEXT.saving}
        onSubmit={() => void submit()}
      />
    </Screen>
  );
}
