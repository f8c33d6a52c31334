import { Button, Text, View } from '@tarojs/components';
import type * as z from 'zod/mini';
import type { attendeeSchema, CheckinOutcome } from '../../../../../shared/contract/checkin';
import { local } from '../../../../../shared/rules/time';
import type { ClientError } from '../../../api/client';
import { describeOutcome } from './ScanResult';

export type Attendee = z.infer<typeof attendeeSchema>;

const TEXT = {
  attended: (at: string | null) => (at ? `✓ 已签到 ${local(at).format('HH:mm')}` : '✓ 已签到'),
  absent: '未到',
  noShow: '未到场',
  noPhone: '未留手机号',
  checkIn: '签到',
  checking: '正在签到…',
  retry: '重试签到',
  network: '⚠ 网络不通，没有签到',
} as const;

export interface AttendeeRowProps {
  person: Attendee;
  busy: boolean;
  /** The answer to the last tap on this row, if any. */
  answer: { outcome: CheckinOutcome } | { error: ClientError } | undefined;
  onCheckIn: () => void;
}

/** One person on the roster: their state in words, and one tap to check them in. */
export function AttendeeRow({ person, busy, answer, onCheckIn }: AttendeeRowProps) {
  const done = person.status === 'attended';
  const failed = answer && 'error' in answer ? answer.error : null;
  const refused =
    answer && 'outcome' in answer && answer.outcome.result !== 'checked_in'
      ? describeOutcome(answer.outcome)
      : null;
  return (
    <View className="list-item">
      <View className="row">
        <Text className="strong">{person.displayName}</Text>
        <Text className={done ? 'badge badge--ok badge--strong' : 'badge badge--muted badge--strong'}>
          {done ? TEXT.attended(person.checkedInAt) : person.status === 'no_show' ? TEXT.noShow : TEXT.absent}
        </Text>
      </View>
      <Text className="muted">{person.phoneMasked ?? TEXT.noPhone}</Text>
      {person.status === 'confirmed' ? (
        <Button
          className={busy ? 'btn btn--primary btn--busy' : 'btn btn--primary'}
          {...(busy ? { disabled: true } : {})}
          onClick={() => {
            if (!busy) onCheckIn();
          }}
        >
          {busy ? TEXT.checking : failed ? TEXT.retry : TEXT.checkIn}
        </Button>
      ) : null}
      {failed ? (
        <View role="alert">
          <Text className="form-error">
            {failed.code === 'NETWORK' ? TEXT.network : `⚠ ${failed.message}`}
          </Text>
        </View>
      ) : null}
      {refused ? (
        <View role="alert">
          <Text className="form-error">
            ⚠ {refused.title}
            {refused.time ?? ''}：{refused.hint}
          </Text>
        </View>
      ) : null}
    </View>
  );
}
