import { Button, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CheckinOutcome } from '../../../../../../shared/contract/checkin';
import { formatSpan } from '../../../../activity/describe';
import { When } from '../../../../activity/When';
import { type ClientError, call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { activitiesApi } from '../../../../api/functions/activities';
import { checkinApi } from '../../../../api/functions/checkin';
import { Card } from '../../../../components/Card';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { AttendeeRow } from '../../components/AttendeeRow';
import { CloseActivity } from '../../components/CloseActivity';
import { WalkInForm } from '../../components/WalkInForm';

const TEXT = {
  lead: '给没带手机的居民签到：输入姓名，或手机尾号4位。',
  search: '姓名或手机尾号',
  placeholder: '例如：王 或 1234',
  people: (n: number) => `名单（${n} 人）`,
  nobody: '没有找到这个人',
  nobodyHint: '换个写法试试；没报名的人可以在下面现场登记。',
  empty: '还没有人报名',
  scan: '扫码签到',
} as const;

type Answer = { outcome: CheckinOutcome } | { error: ClientError };

/** Waits until typing pauses before searching, so each keystroke is not a request. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Staff: find a registered resident by name or phone and check them in by hand; walk-ins; closing. */
export default function ManualCheckinPage() {
  const id = useRouter().params.id ?? '';
  const [query, setQuery] = useState('');
  const settled = useSettled(query.trim());
  const activity = useRemote(() => call(activitiesApi, 'get', { activityId: id }), id);
  const found = useRemote(
    () => call(checkinApi, 'search', { activityId: id, query: settled }),
    `${id}/${settled}`,
  );
  const manual = useMutation((registrationId: string, options) =>
    call(checkinApi, 'manual', { registrationId }, options),
  );
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [busyId, setBusyId] = useState<string | null>(null);

  const checkIn = async (registrationId: string) => {
    setBusyId(registrationId);
    const outcome = await manual.run(registrationId);
    setBusyId(null);
    setAnswers((all) => ({
      ...all,
      [registrationId]: outcome.ok ? { outcome: outcome.data } : { error: outcome.error },
    }));
    found.reload();
  };

  const people = () => {
    if (found.status === 'error' && !found.data) {
      return found.error.code === 'VALIDATION' ? null : (
        <ErrorState error={found.error} onRetry={found.reload} />
      );
    }
    if (!found.data) return <Loading />;
    const { attendees } = found.data;
    if (attendees.length === 0) {
      return settled ? (
        <EmptyState title={TEXT.nobody} hint={TEXT.nobodyHint} />
      ) : (
        <EmptyState title={TEXT.empty} />
      );
    }
    return (
      <Card title={TEXT.people(attendees.length)}>
        {attendees.map((person) => (
          <AttendeeRow
            key={person.registrationId}
            person={person}
            busy={busyId === person.registrationId}
            answer={answers[person.registrationId]}
            onCheckIn={() => void checkIn(person.registrationId)}
          />
        ))}
      </Card>
    );
  };

  const a = activity.data?.activity;
  const ended = a ? Date.now() > Date.parse(a.endAt) : false;
  return (
    <Screen>
      {a ? (
        <Card title={a.title}>
          <Text className="kv">
            <When text={formatSpan(a.startAt, a.endAt)} />
          </Text>
          <Text className="lead">{TEXT.lead}</Text>
        </Card>
      ) : activity.status === 'error' ? (
        <ErrorState error={activity.error} onRetry={activity.reload} />
      ) : null}
      <TextField
        label={TEXT.search}
        value={query}
        placeholder={TEXT.placeholder}
        error={found.status === 'error' ? fieldMessage(found.error, 'query') : undefined}
        onChange={setQuery}
      />
      {people()}
      {a?.status === 'published' ? <WalkInForm activityId={id} onAdded={found.reload} /> : null}
      {a && ended && (a.status === 'published' || a.status === 'closed') ? (
        <CloseActivity
          activityId={id}
          closed={a.status === 'closed'}
          onClosed={() => {
            activity.reload();
            found.reload();
          }}
        />
      ) : null}
      <Button className="btn btn--plain" onClick={() => go(ROUTES.staffScan, { id })}>
        {TEXT.scan}
      </Button>
    </Screen>
  );
}
