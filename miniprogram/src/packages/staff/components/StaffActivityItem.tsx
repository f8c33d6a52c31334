import { Button, Text, View } from '@tarojs/components';
import type { ActivityStatus, ActivityView } from '../../../../../shared/contract/activities';
import { badgeClass, type Tone } from '../../../activity/describe';
import { WhenAndWhere } from '../../../components/WhenAndWhere';
import { go, ROUTES } from '../../../routes';

const TEXT = {
  status: {
    draft: { text: '草稿', tone: 'warn' },
    published: { text: '✓ 已发布', tone: 'ok' },
    cancelled: { text: '已取消', tone: 'muted' },
    closed: { text: '已结束', tone: 'muted' },
  } satisfies Record<ActivityStatus, { text: string; tone: Tone }>,
  seats: (a: ActivityView) =>
    `已报名 ${a.confirmed} / ${a.capacity} 人${a.waitlisted ? `，候补 ${a.waitlisted} 人` : ''}`,
  edit: '修改',
  roster: '报名名单',
  manage: '取消活动',
  checkIn: '签到',
  feedback: '评价',
} as const;

export interface StaffActivityItemProps {
  activity: ActivityView;
  /** What stops this draft from being published, from the last attempt. */
  problems: readonly string[];
}

/** One activity in the month editor: its state, numbers, publishing problems and what staff can do with it. */
export function StaffActivityItem({ activity: a, problems }: StaffActivityItemProps) {
  const status = TEXT.status[a.status];
  const editable = a.status === 'draft' || a.status === 'published';
  return (
    <View className="card">
      <View className="badges">
        <Text className={`${badgeClass(status.tone)} badge--strong`}>{status.text}</Text>
      </View>
      <Text className="card__title">{a.title}</Text>
      <WhenAndWhere activity={a} />
      <Text className="kv">{TEXT.seats(a)}</Text>
      {problems.length ? (
        <View className="problems" role="alert">
          {problems.map((p) => (
            <Text key={p} className="field__error">
              ⚠ {p}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="actions">
        {editable ? (
          <Button className="btn btn--plain" onClick={() => go(ROUTES.staffEdit, { id: a.id })}>
            {TEXT.edit}
          </Button>
        ) : null}
        <Button className="btn btn--plain" onClick={() => go(ROUTES.staffActivity, { id: a.id })}>
          {a.status === 'draft' ? TEXT.manage : TEXT.roster}
        </Button>
        {a.status === 'published' ? (
          <Button className="btn btn--primary" onClick={() => go(ROUTES.staffScan, { id: a.id })}>
            {TEXT.checkIn}
          </Button>
        ) : null}
        {a.status === 'published' || a.status === 'closed' ? (
          <Button className="btn btn--plain" onClick={() => go(ROUTES.staffFeedback, { id: a.id })}>
            {TEXT.feedback}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
