import { Text } from '@tarojs/components';
import { useState } from 'react';
import { RELATIONS } from '../../../../../../shared/contract/account';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { accountApi } from '../../../../api/functions/account';
import { ChoiceList } from '../../../../components/ChoiceList';
import { Screen } from '../../../../components/Screen';
import { FormError } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { goBack } from '../../../../routes';
import { reloadMember } from '../../../../state/member';

const TEXT = {
  title: '添加家人',
  lead: '添加后，您可以替这位家人报名活动。',
  name: '家人的称呼',
  namePlaceholder: '例如：张大爷',
  relation: '他/她是您的',
  submit: '添加',
  saving: '正在添加…',
} as const;

type Relation = (typeof RELATIONS)[number];
const RELATION_CHOICES = RELATIONS.map((relation) => ({ value: relation, label: relation }));
const isRelation = (value: string): value is Relation => (RELATIONS as readonly string[]).includes(value);

export default function FamilyPage() {
  const [displayName, setDisplayName] = useState('');
  const [relation, setRelation] = useState<Relation | null>(null);
  const add = useMutation((input: { displayName: string; relation: Relation | null }, options) =>
    // A missing relation goes to the schema as-is so its own message ("请选择与您的关系") is shown.
    call(accountApi, 'addFamilyMember', input as { displayName: string; relation: Relation }, options),
  );

  const submit = async () => {
    const outcome = await add.run({ displayName, relation });
    if (!outcome.ok) return;
    await reloadMember();
    goBack();
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      <Text className="lead">{TEXT.lead}</Text>
      <TextField
        label={TEXT.name}
        value={displayName}
        placeholder={TEXT.namePlaceholder}
        error={fieldMessage(add.error, 'displayName')}
        onChange={setDisplayName}
      />
      <ChoiceList
        label={TEXT.relation}
        layout="grid"
        choices={RELATION_CHOICES}
        selected={relation}
        error={fieldMessage(add.error, 'relation')}
        onSelect={(value) => {
          if (isRelation(value)) setRelation(value);
        }}
      />
      <FormError error={add.error} />
      <SubmitButton
        label={TEXT.submit}
        busy={add.pending}
        busyLabel={TEXT.saving}
        onSubmit={() => void submit()}
      />
    </Screen>
  );
}
