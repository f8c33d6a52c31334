import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActivityView } from '../../../../../../shared/contract/activities';
import { monthChoices, monthName } from '../../../../activity/describe';
import { MonthList } from '../../../../activity/MonthList';
import { MonthSwitch } from '../../../../activity/MonthSwitch';
import { call } from '../../../../api/client';
import { activitiesApi } from '../../../../api/functions/activities';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, FormError, Loading } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { SwitchRow } from '../../../../components/SwitchRow';
import { useMutation } from '../../../../hooks/useMutation';
import { useOnReturn } from '../../../../hooks/useOnReturn';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { useMember } from '../../../../state/member';
import { StaffActivityItem } from '../../components/StaffActivityItem';

const TEXT = {
  title: (month: string) => `${monthName(month)}活动清单`,
  lead: '先存草稿，全部写好后一起发布，居民就能看到并报名。',
  add: '＋ 新建活动',
  empty: '这个月还没有活动',
  emptyHint: '点“新建活动”写第一个。',
  publish: (n: number) => `发布清单（${n} 个草稿）`,
  publishing: '正在发布…',
  confirmTitle: '发布清单？',
  confirmBody: (n: number) => `发布后，居民就能看到并报名这 ${n} 个活动。`,
  confirmYes: '发布',
  confirmNo: '再看看',
  published: (n: number) => `✓ 已发布 ${n} 个活动，居民现在可以报名了。`,
  problems: '有活动还不能发布，请按下面的提示修改：',
  preview: '按居民看到的样子预览',
  previewHint: '草稿也按已发布显示，方便检查。',
  notStaff: '只有中心社工能编辑清单',
} as const;

/** Drafts shown as residents will see them once published. */
const asPublished = (a: ActivityView): ActivityView =>
  a.status === 'draft'
    ? { ...a, status: 'published', signupOpen: Date.parse(a.signupDeadline) > Date.now(), mine: [] }
    : a;

/** `activities.<id>.<field>` issues from publishMonth, grouped by the activity they belong to. */
function problemsByActivity(issues: readonly { field: string; message: string }[] | undefined) {
  const map = new Map<string, string[]>();
  for (const issue of issues ?? []) {
    const [head, id] = issue.field.split('.');
    if (head !== 'activities' || !id) continue;
    map.set(id, [...(map.get(id) ?? []), issue.message]);
  }
  return map;
}

/** Staff: the month's list of their center, drafts included; add, preview, publish. */
export default function MonthEditorPage() {
  const member = useMember();
  const centerId = member.data?.member.centerId ?? null;
  const [month, setMonth] = useState(() => monthChoices().thisMonth);
  const [preview, setPreview] = useState(false);
  const [publishedCount, setPublishedCount] = useState<number | null>(null);
  const list = useRemote(
    () =>
      centerId
        ? call(activitiesApi, 'listMonth', { centerId, month, includeDrafts: true })
        : Promise.resolve({ ok: true as const, data: null }),
    `${centerId ?? ''}/${month}`,
  );
  useOnReturn(list.reload);
  const publish = useMutation((m: string, options) =>
    call(activitiesApi, 'publishMonth', { month: m }, options),
  );
  const problems = problemsByActivity(publish.error?.issues);

  const chooseMonth = (next: string) => {
    setMonth(next);
    setPublishedCount(null);
    publish.reset();
  };

  const confirmAndPublish = async (drafts: number) => {
    const answer = await Taro.showModal({
      title: TEXT.confirmTitle,
      content: TEXT.confirmBody(drafts),
      confirmText: TEXT.confirmYes,
      cancelText: TEXT.confirmNo,
    });
    if (!answer.confirm) return;
    const outcome = await publish.run(month);
    if (outcome.ok) setPublishedCount(outcome.data.published);
    list.reload();
  };

  const body = () => {
    if (member.status === 'error' && !member.data)
      return <ErrorState error={member.error} onRetry={member.reload} />;
    if (!member.data) return <Loading />;
    if (!centerId || member.data.member.role !== 'staff') return <EmptyState title={TEXT.notStaff} />;
    const current = list.data?.month === month ? list.data : null;
    if (list.status === 'error' && !current) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!current) return <Loading />;
    const { activities } = current;
    const drafts = activities.filter((a) => a.status === 'draft').length;
    return (
      <>
        {publishedCount !== null ? (
          <View className="result" role="status">
            <Text className="result__text strong">{TEXT.published(publishedCount)}</Text>
          </View>
        ) : null}
        {publish.error?.issues?.length ? (
          <View role="alert">
            <Text className="form-error">⚠ {TEXT.problems}</Text>
          </View>
        ) : (
          <FormError error={publish.error} />
        )}
        {drafts > 0 ? (
          <SubmitButton
            label={TEXT.publish(drafts)}
            busy={publish.pending}
            busyLabel={TEXT.publishing}
            onSubmit={() => void confirmAndPublish(drafts)}
          />
        ) : null}
        <Button className="btn btn--plain" onClick={() => go(ROUTES.staffEdit, { month })}>
          {TEXT.add}
        </Button>
        {activities.length === 0 ? (
          <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} />
        ) : (
          <>
            <View className="spaced">
              <SwitchRow
                label={TEXT.preview}
                description={TEXT.previewHint}
                checked={preview}
                onChange={setPreview}
              />
            </View>
            {preview ? (
              <MonthList activities={activities.map(asPublished)} />
            ) : (
              activities.map((a) => (
                <StaffActivityItem key={a.id} activity={a} problems={problems.get(a.id) ?? []} />
              ))
            )}
          </>
        )}
      </>
    );
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title(month)}</Text>
      <Text className="lead">{TEXT.lead}</Text>
      <MonthSwitch month={month} onChange={chooseMonth} />
      {body()}
    </Screen>
  );
}
