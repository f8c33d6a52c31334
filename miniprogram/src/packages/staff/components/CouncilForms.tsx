import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActivityView } from '../../../../../shared/contract/activities';
import { COUNCIL_ROLES } from '../../../../../shared/contract/councils';
import { dayOf, local } from '../../../../../shared/rules/time';
import { formatDay, formatSpan, monthChoices } from '../../../activity/describe';
import { call, type Outcome } from '../../../api/client';
import { fieldMessage } from '../../../api/errors';
import { activitiesApi } from '../../../api/functions/activities';
import { councilsApi } from '../../../api/functions/councils';
import { ChipGroup } from '../../../components/ChipGroup';
import { ChoiceList } from '../../../components/ChoiceList';
import { FieldError } from '../../../components/Field';
import { ErrorState, FormError, Loading } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { SwitchRow } from '../../../components/SwitchRow';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { useMutation } from '../../../hooks/useMutation';
import { useRemote } from '../../../hooks/useRemote';
import { go, ROUTES } from '../../../routes';
import { PickerField } from './PickerField';

const TEXT = {
  schedule: {
    title: (n: number) => `安排到议事会（已选 ${n} 个议题）`,
    pickTopics: '先在上面的议题里点“选入议事会”，再选一场议事会。',
    meeting: '哪一场议事会',
    none: '本月和下月还没有“社区微治理”类的活动。请先在活动清单里新建一场议事会，发布后再来安排。',
    openMonth: '去活动清单',
    draft: '草稿：请先在活动清单里发布',
    roles: '参会方（可多选）',
    submit: '安排到议事会',
    submitting: '正在安排…',
    done: (n: number) => `✓ 已安排 ${n} 个议题，提议和附议的居民会收到通知`,
  },
  outcome: {
    resolution: '决议：定下来怎么办',
    resolutionHint: '比如：消防通道画黄线，物业夜间巡查',
    owner: '责任方',
    ownerHint: '比如：物业公司、居委会',
    due: '完成期限',
    minutes: '会议纪要（可不填）',
    minutesHint: '到会多少人、各方意见',
    submit: '保存决议',
    submitting: '正在保存…',
  },
  progress: {
    note: '进展',
    noteHint: '比如：黄线已经画好',
    done: '已经全部办完',
    doneHint: '办结后，提议和附议的居民可以评价。',
    submit: '保存进展',
    submitDone: '保存并办结',
    submitting: '正在保存…',
  },
} as const;

const ROLE_CHIPS = COUNCIL_ROLES.map((r) => ({ value: r, label: r }));
type CouncilRole = (typeof COUNCIL_ROLES)[number];

/** Council meetings staff may put topics on: this month's and next month's 社区微治理 activities not yet over. */
async function listMeetings(centerId: string): Promise<Outcome<ActivityView[]>> {
  const { thisMonth, nextMonth } = monthChoices();
  const outcomes = await Promise.all(
    [thisMonth, nextMonth].map((month) =>
      call(activitiesApi, 'listMonth', {
        centerId,
        month,
        category: 'micro_governance',
        includeDrafts: true,
      }),
    ),
  );
  const now = Date.now();
  const meetings: ActivityView[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) return outcome;
    meetings.push(
      ...outcome.data.activities.filter(
        (a) => (a.status === 'draft' || a.status === 'published') && Date.parse(a.endAt) > now,
      ),
    );
  }
  return { ok: true, data: meetings.sort((a, b) => a.startAt.localeCompare(b.startAt)) };
}

export interface SchedulePanelProps {
  centerId: string;
  topicIds: readonly string[];
  onDone: () => void;
}

/** Chosen topics + a published council meeting + who sits at the table → `councils.schedule`. */
export function SchedulePanel({ centerId, topicIds, onDone }: SchedulePanelProps) {
  const meetings = useRemote(() => listMeetings(centerId), centerId);
  const [activityId, setActivityId] = useState<string | null>(null);
  const [roles, setRoles] = useState<CouncilRole[]>([]);
  const [scheduled, setScheduled] = useState<number | null>(null);
  const schedule = useMutation((input: { activityId: string | null; roles: CouncilRole[] }, options) =>
    // No meeting chosen yet: the schema names the field, and nothing leaves the phone.
    call(
      councilsApi,
      'schedule',
      {
        topicIds: [...topicIds],
        activityId: input.activityId ?? '',
        ...(input.roles.length ? { roles: input.roles } : {}),
      },
      options,
    ),
  );
  const toggleRole = (role: string) =>
    setRoles((rs) =>
      rs.includes(role as CouncilRole) ? rs.filter((r) => r !== role) : [...rs, role as CouncilRole],
    );
  const submit = async () => {
    const outcome = await schedule.run({ activityId, roles });
    if (!outcome.ok) return;
    setScheduled(outcome.data.scheduled);
    onDone();
  };

  const body = () => {
    if (meetings.status === 'error' && !meetings.data)
      return <ErrorState error={meetings.error} onRetry={meetings.reload} />;
    if (!meetings.data) return <Loading />;
    if (meetings.data.length === 0) {
      return (
        <>
          <Text className="muted">{TEXT.schedule.none}</Text>
          <Button className="btn btn--plain" onClick={() => go(ROUTES.staffMonth)}>
            {TEXT.schedule.openMonth}
          </Button>
        </>
      );
    }
    return (
      <>
        <ChoiceList
          label={TEXT.schedule.meeting}
          choices={meetings.data.map((a) => ({
            value: a.id,
            label: a.title,
            detail: `${formatSpan(a.startAt, a.endAt)} · ${a.place}`,
            ...(a.status === 'draft' ? { disabled: true, note: TEXT.schedule.draft } : {}),
          }))}
          selected={activityId}
          onSelect={setActivityId}
          error={fieldMessage(schedule.error, 'activityId')}
        />
        <ChipGroup
          label={TEXT.schedule.roles}
          showLabel
          chips={ROLE_CHIPS}
          selected={roles}
          onToggle={toggleRole}
          error={fieldMessage(schedule.error, 'roles')}
        />
        <FieldError error={fieldMessage(schedule.error, 'topicIds')} />
        <FormError error={schedule.error} />
        <SubmitButton
          label={TEXT.schedule.submit}
          busy={schedule.pending}
          busyLabel={TEXT.schedule.submitting}
          onSubmit={() => void submit()}
        />
      </>
    );
  };

  return (
    <View className="card schedule-panel">
      <Text className="card__title">{TEXT.schedule.title(topicIds.length)}</Text>
      {scheduled !== null ? (
        <View className="result" role="status">
          <Text className="result__text strong">{TEXT.schedule.done(scheduled)}</Text>
        </View>
      ) : null}
      {topicIds.length === 0 ? <Text className="muted">{TEXT.schedule.pickTopics}</Text> : body()}
    </View>
  );
}

interface OutcomeFields {
  resolution: string;
  owner: string;
  dueDate: string;
  minutes: string;
}

/** After the meeting: what was decided, who carries it out, by when, and optionally the minutes. */
export function OutcomeForm({ topicId, onDone }: { topicId: string; onDone: () => void }) {
  const today = dayOf(new Date());
  const [fields, setFields] = useState<OutcomeFields>(() => ({
    resolution: '',
    owner: '',
    dueDate: local(new Date()).add(30, 'day').format('YYYY-MM-DD'),
    minutes: '',
  }));
  const record = useMutation((f: OutcomeFields, options) =>
    call(
      councilsApi,
      'recordOutcome',
      {
        topicId,
        resolution: f.resolution,
        owner: f.owner,
        dueDate: f.dueDate,
        ...(f.minutes.trim() ? { minutes: f.minutes } : {}),
      },
      options,
    ),
  );
  /** Each field's value, its setter and its error, which its key alone decides. */
  const bind = (key: keyof OutcomeFields) => ({
    value: fields[key],
    onChange: (value: string) => setFields((f) => ({ ...f, [key]: value })),
    error: fieldMessage(record.error, key),
  });
  const submit = async () => {
    const outcome = await record.run(fields);
    if (outcome.ok) onDone();
  };
  return (
    <View className="need-panel">
      <TextArea
        label={TEXT.outcome.resolution}
        placeholder={TEXT.outcome.resolutionHint}
        maxlength={300}
        counter
        {...bind('resolution')}
      />
      <TextField
        label={TEXT.outcome.owner}
        placeholder={TEXT.outcome.ownerHint}
        maxlength={40}
        {...bind('owner')}
      />
      <PickerField
        label={TEXT.outcome.due}
        mode="date"
        start={today}
        display={formatDay(fields.dueDate)}
        {...bind('dueDate')}
      />
      <TextArea
        label={TEXT.outcome.minutes}
        placeholder={TEXT.outcome.minutesHint}
        maxlength={2000}
        {...bind('minutes')}
      />
      <FormError error={record.error} />
      <SubmitButton
        label={TEXT.outcome.submit}
        busy={record.pending}
        busyLabel={TEXT.outcome.submitting}
        onSubmit={() => void submit()}
      />
    </View>
  );
}

/** A dated note on carrying out the decision; 已经全部办完 closes the topic. */
export function ProgressForm({ topicId, onDone }: { topicId: string; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const post = useMutation((input: { note: string; done: boolean }, options) =>
    call(councilsApi, 'progress', { topicId, ...input }, options),
  );
  const submit = async () => {
    const outcome = await post.run({ note, done });
    if (outcome.ok) onDone();
  };
  return (
    <View className="need-panel">
      <TextArea
        label={TEXT.progress.note}
        value={note}
        onChange={setNote}
        placeholder={TEXT.progress.noteHint}
        maxlength={300}
        error={fieldMessage(post.error, 'note')}
      />
      <SwitchRow
        label={TEXT.progress.done}
        description={TEXT.progress.doneHint}
        checked={done}
        onChange={setDone}
      />
      <FormError error={post.error} />
      <SubmitButton
        label={done ? TEXT.progress.submitDone : TEXT.progress.submit}
        busy={post.pending}
        busyLabel={TEXT.progress.submitting}
        onSubmit={() => void submit()}
      />
    </View>
  );
}
