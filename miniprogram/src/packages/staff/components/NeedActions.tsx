import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActivityView } from '../../../../../shared/contract/activities';
import { formatSpan, monthChoices } from '../../../activity/describe';
import { When } from '../../../activity/When';
import { call, type Outcome } from '../../../api/client';
import { fieldMessage } from '../../../api/errors';
import { activitiesApi } from '../../../api/functions/activities';
import { councilsApi } from '../../../api/functions/councils';
import { needsApi } from '../../../api/functions/needs';
import { ChoiceList } from '../../../components/ChoiceList';
import { ErrorState, FormError, Loading } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextArea } from '../../../components/TextArea';
import { useMutation } from '../../../hooks/useMutation';
import { useRemote } from '../../../hooks/useRemote';
import { go, ROUTES } from '../../../routes';

const TEXT = {
  reply: '回复内容',
  replyHint: '居民会在“我的需求”里看到，也会收到消息。',
  send: '发送回复',
  sending: '正在发送…',
  status: '改为',
  statuses: [
    { value: 'acknowledged', label: '已受理' },
    { value: 'resolved', label: '已解决' },
    { value: 'declined', label: '暂不安排' },
  ],
  reason: '暂不安排的原因（居民会看到）',
  save: '保存状态',
  saving: '正在保存…',
  pick: '选一个本月或下月的活动，这条需求会显示“已安排”，并通知提需求和支持的居民。',
  noActivity: '本月和下月还没有可以安排的活动，请先在活动清单里新建。',
  linked: '✓ 已安排到这里',
  link: '安排到这个活动',
  linking: '正在安排…',
  draft: '草稿',
  raise: '转为议事会议题',
  raising: '正在转为议题…',
  raised: '✓ 已转为议事会议题，提需求和支持的居民都算在内',
  alreadyRaised: '✓ 这条需求已经是议事会议题',
  agenda: '去议事会议程 ›',
} as const;

type StatusChoice = 'acknowledged' | 'resolved' | 'declined';

export function ReplyForm({ needId, onDone }: { needId: string; onDone: () => void }) {
  const [text, setText] = useState('');
  const reply = useMutation((t: string, options) => call(needsApi, 'reply', { needId, text: t }, options));
  const send = async () => {
    const outcome = await reply.run(text);
    if (outcome.ok) onDone();
  };
  return (
    <View className="need-panel">
      <TextArea
        label={TEXT.reply}
        value={text}
        onChange={setText}
        placeholder={TEXT.replyHint}
        maxlength={300}
        counter
        error={fieldMessage(reply.error, 'text')}
      />
      <FormError error={reply.error} />
      <SubmitButton
        label={TEXT.send}
        busy={reply.pending}
        busyLabel={TEXT.sending}
        onSubmit={() => void send()}
      />
    </View>
  );
}

export function StatusForm({ needId, onDone }: { needId: string; onDone: () => void }) {
  const [status, setStatus] = useState<StatusChoice | null>(null);
  const [reason, setReason] = useState('');
  const save = useMutation((input: { status: StatusChoice; reason: string }, options) =>
    call(
      needsApi,
      'setStatus',
      input.status === 'declined' ? { needId, ...input } : { needId, status: input.status },
      options,
    ),
  );
  const submit = async () => {
    if (!status) return;
    const outcome = await save.run({ status, reason });
    if (outcome.ok) onDone();
  };
  return (
    <View className="need-panel">
      <ChoiceList
        label={TEXT.status}
        choices={TEXT.statuses}
        layout="grid"
        selected={status}
        onSelect={(v) => setStatus(v as StatusChoice)}
      />
      {status === 'declined' ? (
        <TextArea
          label={TEXT.reason}
          value={reason}
          onChange={setReason}
          maxlength={200}
          error={fieldMessage(save.error, 'reason')}
        />
      ) : null}
      <FormError error={save.error} />
      {status ? (
        <SubmitButton
          label={TEXT.save}
          busy={save.pending}
          busyLabel={TEXT.saving}
          onSubmit={() => void submit()}
        />
      ) : null}
    </View>
  );
}

/** The draft fields of an activity as it stands, plus one more linked need. */
const withNeed = (a: ActivityView, needId: string) => ({
  activityId: a.id,
  category: a.category,
  title: a.title,
  description: a.description,
  place: a.place,
  startAt: a.startAt,
  endAt: a.endAt,
  capacity: a.capacity,
  signupDeadline: a.signupDeadline,
  tags: a.tags,
  needIds: [...a.needIds, needId],
});

/** This month's and next month's activities that can still take a need (drafts and published ones). */
async function listTwoMonths(centerId: string): Promise<Outcome<ActivityView[]>> {
  const { thisMonth, nextMonth } = monthChoices();
  const outcomes = await Promise.all(
    [thisMonth, nextMonth].map((month) =>
      call(activitiesApi, 'listMonth', { centerId, month, includeDrafts: true }),
    ),
  );
  const open: ActivityView[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) return outcome;
    open.push(...outcome.data.activities.filter((a) => a.status === 'draft' || a.status === 'published'));
  }
  return { ok: true, data: open };
}

export function LinkActivity({
  needId,
  centerId,
  onDone,
}: {
  needId: string;
  centerId: string;
  onDone: () => void;
}) {
  const list = useRemote(() => listTwoMonths(centerId), centerId);
  const link = useMutation((a: ActivityView, options) =>
    call(activitiesApi, 'saveDraft', withNeed(a, needId), options),
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const choose = async (a: ActivityView) => {
    setChosen(a.id);
    const outcome = await link.run(a);
    if (outcome.ok) onDone();
  };
  if (list.status === 'error' && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading />;
  return (
    <View className="need-panel">
      <Text className="muted">{list.data.length ? TEXT.pick : TEXT.noActivity}</Text>
      {list.data.map((a) => {
        const linked = a.needIds.includes(needId);
        return (
          <View key={a.id} className="list-item link-activity">
            <Text className="strong">
              {a.title}
              {a.status === 'draft' ? `（${TEXT.draft}）` : ''}
            </Text>
            <Text className="kv">
              <When text={formatSpan(a.startAt, a.endAt)} />
            </Text>
            {linked ? (
              <Text className="strong">{TEXT.linked}</Text>
            ) : (
              <SubmitButton
                label={TEXT.link}
                busy={link.pending && chosen === a.id}
                busyLabel={TEXT.linking}
                onSubmit={() => void choose(a)}
              />
            )}
            {chosen === a.id ? <FormError error={link.error} /> : null}
          </View>
        );
      })}
    </View>
  );
}

/** A need many people share goes before the council: one topic per need, whatever the retries. */
export function RaiseTopic({ needId, raised }: { needId: string; raised: boolean }) {
  const [created, setCreated] = useState<boolean | null>(raised ? false : null);
  const raise = useMutation((id: string, options) =>
    call(councilsApi, 'raiseFromNeed', { needId: id }, options),
  );
  const submit = async () => {
    const outcome = await raise.run(needId);
    if (outcome.ok) setCreated(outcome.data.created);
  };
  if (created !== null) {
    return (
      <View className="need-panel" role="status">
        <Text className="strong">{created ? TEXT.raised : TEXT.alreadyRaised}</Text>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.staffCouncil)}>
          {TEXT.agenda}
        </Button>
      </View>
    );
  }
  return (
    <>
      <FormError error={raise.error} />
      <Button
        className={raise.pending ? 'btn btn--plain btn--busy' : 'btn btn--plain'}
        {...(raise.pending ? { disabled: true } : {})}
        onClick={() => {
          if (!raise.pending) void submit();
        }}
      >
        {raise.pending ? TEXT.raising : TEXT.raise}
      </Button>
    </>
  );
}
