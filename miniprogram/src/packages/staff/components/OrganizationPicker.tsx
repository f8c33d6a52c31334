import { Button, Text } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../api/client';
import { organizationsApi } from '../../../api/functions/organizations';
import { ChoiceList } from '../../../components/ChoiceList';
import { Field } from '../../../components/Field';
import { ErrorState, Loading } from '../../../components/Status';
import { useRemote } from '../../../hooks/useRemote';

const TEXT = {
  label: '承办组织（可不选）',
  none: '不写明（中心自己办）',
  choose: '选择承办组织',
  close: '▲ 收起',
  pick: '选一个组织',
  empty: '本中心还没有登记社区组织，可以在“社区组织”里登记。',
} as const;

/** The staff member's own center's community organizations; asked for only when the list is opened. */
function OrganizationChoices({
  value,
  onChoose,
}: {
  value: string | null;
  onChoose: (id: string | null, name: string | null) => void;
}) {
  const list = useRemote(() => call(organizationsApi, 'list', {}));
  if (list.status === 'error' && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  const community = list.data.organizations.filter((o) => o.kind === 'community');
  if (community.length === 0) return <Text className="muted">{TEXT.empty}</Text>;
  return (
    <ChoiceList
      label={TEXT.pick}
      choices={[
        { value: '', label: TEXT.none },
        ...community.map((o) => ({ value: o.organizationId, label: o.name, detail: o.type ?? '' })),
      ]}
      selected={value ?? ''}
      onSelect={(id) => onChoose(id || null, community.find((o) => o.organizationId === id)?.name ?? null)}
    />
  );
}

export interface OrganizationPickerProps {
  /** The chosen organization's id, or null for none. */
  value: string | null;
  onChange: (id: string | null) => void;
  /** Shown under the field, prefixed with ⚠. */
  error?: string | undefined;
}

/** An optional 承办组织 for an activity: folded away until staff want to name one. */
export function OrganizationPicker({ value, onChange, error }: OrganizationPickerProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState<string | null>(null);
  return (
    <Field label={TEXT.label} error={error}>
      <Text className="kv">{value && name ? `✓ ${name}` : TEXT.none}</Text>
      <Button className="btn btn--plain" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? TEXT.close : TEXT.choose}
      </Button>
      {open ? (
        <OrganizationChoices
          value={value}
          onChoose={(id, chosen) => {
            onChange(id);
            setName(chosen);
            setOpen(false);
          }}
        />
      ) : null}
    </Field>
  );
}
