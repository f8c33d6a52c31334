import { Text } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../api/client';
import { fieldMessage } from '../../../api/errors';
import { accountApi } from '../../../api/functions/account';
import { Card } from '../../../components/Card';
import { type Choice, ChoiceList } from '../../../components/ChoiceList';
import { InviteCode, type InviteCodeProps } from '../../../components/InviteCode';
import { FormError } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { useMutation } from '../../../hooks/useMutation';

const TEXT = {
  create: '生成邀请码',
  creating: '正在生成…',
} as const;

export interface InviteCardProps {
  title: string;
  hint: string;
  /** Above the choices, e.g. 街道. */
  label: string;
  /** `staff` of one of the centers in `choices` (a street office invites), or the `office` of a street (the city). */
  invites: 'staff' | 'office';
  choices: readonly Choice[];
}

/**
 * Choose whom to invite and get a one-time code to pass on. The street office and the city both use it, so
 * Taro puts it in the main package.
 */
export function InviteCard({ title, hint, label, invites, choices }: InviteCardProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const invite = useMutation((id: string | null, options) =>
    // No choice yet: the schema answers with its own “请提供邻里中心” or “请提供街道”.
    call(
      accountApi,
      'createInvite',
      invites === 'staff' ? { role: invites, centerId: id ?? '' } : { role: invites, streetId: id ?? '' },
      options,
    ),
  );
  const [last, setLast] = useState<InviteCodeProps | null>(null);

  const create = async () => {
    const outcome = await invite.run(chosen);
    const target = choices.find((c) => c.value === chosen)?.label ?? '';
    if (outcome.ok) setLast({ ...outcome.data, target });
  };

  return (
    <>
      <Card title={title}>
        <Text className="muted">{hint}</Text>
        <ChoiceList
          label={label}
          choices={choices}
          selected={chosen}
          onSelect={setChosen}
          error={fieldMessage(invite.error, invites === 'staff' ? 'centerId' : 'streetId')}
        />
        <FormError error={invite.error} />
        <SubmitButton
          label={TEXT.create}
          busy={invite.pending}
          busyLabel={TEXT.creating}
          onSubmit={() => void create()}
        />
      </Card>
      {last ? <InviteCode {...last} /> : null}
    </>
  );
}
