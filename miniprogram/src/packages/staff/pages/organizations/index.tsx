import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import {
  ORGANIZATION_STATUS_LABELS,
  ORGANIZATION_STATUSES,
  ORGANIZATION_TYPES,
} from '../../../../../../shared/contract/organizations';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { organizationsApi } from '../../../../api/functions/organizations';
import { Card } from '../../../../components/Card';
import { ChipGroup } from '../../../../components/ChipGroup';
import { EmptyState, ErrorState, FormError, Loading } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { OrganizationCard } from '../../../../organizations/OrganizationCard';
import { StaffCenterScreen } from '../../components/StaffCenterScreen';

type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

const TEXT = {
  title: '社区组织',
  lead: '本中心孵化的社区组织。活动清单里可以写明活动由哪个组织承办。',
  operators: '运营本中心的机构',
  community: (n: number) => `本中心的社区组织（${n} 个）`,
  empty: '还没有登记社区组织',
  emptyHint: '在下面登记本中心孵化的扶老、助残、文体等组织。',
  register: '登记一个社区组织',
  name: '组织名称',
  namePlaceholder: '比如：朝阳银龄互助队',
  type: '组织类型',
  status: '现在的状态',
  contactRole: '联系人职务（不写姓名和电话）',
  contactPlaceholder: '比如：队长、联络员',
  submit: '登记',
  submitting: '正在登记…',
  registered: (name: string) => `✓ 已加入名录：${name}`,
  promote: '改为已登记',
  promoting: '正在修改…',
  notStaff: '只有中心社工能管理社区组织',
} as const;

const TYPE_CHIPS = ORGANIZATION_TYPES.map((t) => ({ value: t, label: t }));
const STATUS_CHIPS = ORGANIZATION_STATUSES.map((s) => ({ value: s, label: ORGANIZATION_STATUS_LABELS[s] }));

/** 孵化中 → 已登记, once the organization has registered with civil affairs. */
function Promote({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const update = useMutation((id: string, options) =>
    call(organizationsApi, 'update', { organizationId: id, status: 'registered' }, options),
  );
  const submit = async () => {
    const outcome = await update.run(organizationId);
    if (outcome.ok) onDone();
  };
  return (
    <>
      <FormError error={update.error} />
      <SubmitButton
        label={TEXT.promote}
        busy={update.pending}
        busyLabel={TEXT.promoting}
        onSubmit={() => void submit()}
      />
    </>
  );
}

interface RegisterFields {
  name: string;
  type: OrganizationType | null;
  status: OrganizationStatus;
  contactRole: string;
}

const BLANK: RegisterFields = { name: '', type: null, status: 'incubating', contactRole: '' };

function RegisterForm({ centerId, onDone }: { centerId: string; onDone: () => void }) {
  const [fields, setFields] = useState<RegisterFields>(BLANK);
  const [last, setLast] = useState<string | null>(null);
  const register = useMutation((f: RegisterFields, options) =>
    // No type yet: the schema names the field, and nothing leaves the phone.
    call(organizationsApi, 'register', { centerId, ...f, type: f.type as OrganizationType }, options),
  );
  const set = <K extends keyof RegisterFields>(key: K, value: RegisterFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const submit = async () => {
    const outcome = await register.run(fields);
    if (!outcome.ok) return;
    setLast(fields.name.trim());
    setFields(BLANK);
    onDone();
  };
  return (
    <Card title={TEXT.register}>
      {last ? (
        <View className="result" role="status">
          <Text className="result__text strong">{TEXT.registered(last)}</Text>
        </View>
      ) : null}
      <TextField
        label={TEXT.name}
        value={fields.name}
        maxlength={40}
        placeholder={TEXT.namePlaceholder}
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

function Registry({ centerId }: { centerId: string }) {
  const list = useRemote(() => call(organizationsApi, 'list', { centerId }), centerId);
  if (list.status === 'error' && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const all = list.data.organizations;
  const operators = all.filter((o) => o.kind === 'operator');
  const community = all.filter((o) => o.kind === 'community');
  return (
    <>
      {operators.length ? <Text className="group-title">{TEXT.operators}</Text> : null}
      {operators.map((o) => (
        <OrganizationCard key={o.organizationId} organization={o} />
      ))}
      <Text className="group-title">{TEXT.community(community.length)}</Text>
      {community.length === 0 ? <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} /> : null}
      {community.map((o) => (
        <OrganizationCard key={o.organizationId} organization={o}>
          {o.status === 'incubating' ? (
            <Promote organizationId={o.organizationId} onDone={list.reload} />
          ) : null}
        </OrganizationCard>
      ))}
      <RegisterForm centerId={centerId} onDone={list.reload} />
    </>
  );
}

/** Staff subpackage: the center's operator and the community organizations it incubates. */
export default function StaffOrganizationsPage() {
  return (
    <StaffCenterScreen title={TEXT.title} lead={TEXT.lead} notStaff={TEXT.notStaff}>
      {(centerId) => <Registry centerId={centerId} />}
    </StaffCenterScreen>
  );
}
