import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CenterBrief } from '../../../shared/contract/account';
import {
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_STATUSES,
  ORGANIZATION_TYPES,
} from '../../../shared/contract/organizations';
import { call } from '../api/client';
import { fieldMessage } from '../api/errors';
import { organizationsApi } from '../api/functions/organizations';
import { Card } from '../components/Card';
import { ChipGroup } from '../components/ChipGroup';
import { ChoiceList } from '../components/ChoiceList';
import { FormError } from '../components/Status';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';
import { useMutation } from '../hooks/useMutation';
import { CENTER_STATUS_LABELS } from '../labels';

type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

const TEXT = {
  title: '登记一个社区组织',
  hint: '先选孵化它的中心，再填组织的情况。',
  center: '孵化它的中心',
  name: '组织名称',
  namePlaceholder: { own: '比如：朝阳银龄互助队', street: '比如：银龄互助队' },
  type: '组织类型',
  status: '现在的状态',
  contactRole: '联系人职务（不写姓名和电话）',
  contactPlaceholder: '比如：队长、联络员',
  submit: '登记',
  submitting: '正在登记…',
  registered: (name: string, center: string | null) =>
    center === null ? `✓ 已加入名录：${name}` : `✓ 已加入名录：${name}（${center}）`,
} as const;

const TYPE_CHIPS = ORGANIZATION_TYPES.map((t) => ({ value: t, label: t }));
const STATUS_CHIPS = ORGANIZATION_STATUSES.map((s) => ({ value: s, label: ORGANIZATION_STATUS_LABELS[s] }));

interface Fields {
  name: string;
  type: OrganizationType | null;
  status: OrganizationStatus;
  contactRole: string;
}

const BLANK: Fields = { name: '', type: null, status: 'incubating', contactRole: '' };

export type RegisterOrganizationProps = {
  /** Called after a registration, to show the organization in the list. */
  onDone: () => void;
} & (
  | {
      /** Staff register for their own center. */
      centerId: string;
    }
  | {
      /** A street office first picks which of its street's centers incubates the organization. */
      centers: readonly CenterBrief[];
    }
);

/** Registers a community organization: for the staff's own center, or for a center the street office picks. */
export function RegisterOrganization(props: RegisterOrganizationProps) {
  const centers = 'centers' in props ? props.centers : null;
  const [chosen, setChosen] = useState<string | null>(null);
  const centerId = 'centerId' in props ? props.centerId : chosen;
  const [fields, setFields] = useState<Fields>(BLANK);
  const [last, setLast] = useState<string | null>(null);
  const register = useMutation((f: Fields & { centerId: string | null }, options) =>
    // Nothing chosen yet: the schema names the field, and nothing leaves the phone.
    call(
      organizationsApi,
      'register',
      { ...f, centerId: f.centerId ?? '', type: f.type as OrganizationType },
      options,
    ),
  );
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const submit = async () => {
    const outcome = await register.run({ ...fields, centerId });
    if (!outcome.ok) return;
    const center = centers ? (centers.find((c) => c.id === centerId)?.name ?? '') : null;
    setLast(TEXT.registered(fields.name.trim(), center));
    // The next organization is often of the same center: the office's choice stays.
    setFields(BLANK);
    props.onDone();
  };
  return (
    <Card title={TEXT.title}>
      {centers ? <Text className="muted">{TEXT.hint}</Text> : null}
      {last ? (
        <View className="result" role="status">
          <Text className="result__text strong">{last}</Text>
        </View>
      ) : null}
      {centers ? (
        <ChoiceList
          label={TEXT.center}
          choices={centers.map((c) => ({
            value: c.id,
            label: c.name,
            detail: CENTER_STATUS_LABELS[c.status],
          }))}
          selected={chosen}
          onSelect={setChosen}
          error={fieldMessage(register.error, 'centerId')}
        />
      ) : null}
      <TextField
        label={TEXT.name}
        value={fields.name}
        maxlength={40}
        placeholder={centers ? TEXT.namePlaceholder.street : TEXT.namePlaceholder.own}
        onChange={(v) => set('name', v)}
        error={fieldMessage(register.error, 'name')}
      />
      <ChipGroup
        label={TEXT.type}
        showLabel
        chips={TYPE_CHIPS}
        selected={fields.type ? [fields.type] : []}
        onToggle={(v) => set('type', v as OrganizationType)}
        error={fieldMessage(register.error, 'type')}
      />
      <ChipGroup
        label={TEXT.status}
        showLabel
        chips={STATUS_CHIPS}
        selected={[fields.status]}
        onToggle={(v) => set('status', v as OrganizationStatus)}
      />
      <TextField
        label={TEXT.contactRole}
        value={fields.contactRole}
        maxlength={20}
        placeholder={TEXT.contactPlaceholder}
        onChange={(v) => set('contactRole', v)}
        error={fieldMessage(register.error, 'contactRole')}
      />
      <FormError error={register.error} />
      <SubmitButton
        label={TEXT.submit}
        busy={register.pending}
        busyLabel={TEXT.submitting}
        onSubmit={() => void submit()}
      />
    </Card>
  );
}
