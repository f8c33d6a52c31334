import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CATEGORIES, CATEGORY_LABELS, SUGGESTED_TAGS } from '../../../../../../shared/contract/activities';
import { dayOf } from '../../../../../../shared/rules/time';
import { formatDay, monthChoices } from '../../../../activity/describe';
import { type ClientError, call } from '../../../../api/client';
import { activitiesApi } from '../../../../api/functions/activities';
import { ChipGroup } from '../../../../components/ChipGroup';
import { ChoiceList } from '../../../../components/ChoiceList';
import { Screen } from '../../../../components/Screen';
import { ErrorState, FormError, Loading } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { goBack } from '../../../../routes';
import {
  blankDraft,
  checkDraft,
  type DraftFields,
  type DraftInput,
  errorsByField,
  fieldsOf,
} from '../../components/draftForm';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { PickerField } from '../../components/PickerField';

const TEXT = {
  newTitle: '新建活动',
  editTitle: '修改活动',
  publishedNote: '这个活动已发布，保存后居民马上看到改动。名额不能少于已报名人数。',
  category: '类别',
  title: '标题',
  titlePlaceholder: '例如：太极拳晨练',
  description: '介绍（可不填）',
  descriptionPlaceholder: '做什么、适合谁、要带什么',
  place: '地点',
  placePlaceholder: '例如：中心一楼活动室',
  date: '日期',
  start: '开始',
  end: '结束',
  capacity: '名额（人）',
  capacityPlaceholder: '1 到 500',
  deadlineDate: '报名截止日期',
  deadlineTime: '报名截止时间',
  tags: '标签（最多5个）',
  save: '保存草稿',
  saveEdit: '保存修改',
  saving: '正在保存…',
  saved: '已保存',
} as const;

const CATEGORY_CHOICES = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
const TAG_CHIPS = SUGGESTED_TAGS.map((t) => ({ value: t, label: t }));
const isCategory = (v: string): v is (typeof CATEGORIES)[number] =>
  (CATEGORIES as readonly string[]).includes(v);

/** Staff: create a draft for a month, or edit one (published ones stay published). */
export default function EditActivityPage() {
  const params = useRouter().params;
  const activityId = params.id ?? null;
  const month = params.month ?? monthChoices().thisMonth;
  const existing = useRemote(
    () =>
      activityId
        ? call(activitiesApi, 'get', { activityId })
        : Promise.resolve({ ok: true as const, data: null }),
    activityId ?? '',
  );
  const today = dayOf(new Date());
  const [fields, setFields] = useState<DraftFields | null>(activityId ? null : blankDraft(month));
  const loaded = existing.data?.activity ?? null;
  useEffect(() => {
    if (loaded) setFields(fieldsOf(loaded));
  }, [loaded]);

  // Checked on the phone first, so a wrong capacity is answered without a round trip.
  const [localError, setLocalError] = useState<ClientError | null>(null);
  const save = useMutation((draft: DraftInput, options) => call(activitiesApi, 'saveDraft', draft, options));
  const shownError = localError ?? save.error;
  const errors = errorsByField(shownError);

  if (!fields) {
    return (
      <Screen>
        {existing.status === 'error' ? (
          <ErrorState error={existing.error} onRetry={existing.reload} />
        ) : (
          <Loading />
        )}
      </Screen>
    );
  }

  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) =>
    setFields((previous) => (previous ? { ...previous, [key]: value } : previous));
  const toggleTag = (tag: string) =>
    set('tags', fields.tags.includes(tag) ? fields.tags.filter((t) => t !== tag) : [...fields.tags, tag]);

  const submit = async () => {
    const checked = checkDraft(fields, activityId);
    setLocalError(checked.ok ? null : checked.error);
    if (!checked.ok) return;
    const outcome = await save.run(checked.draft);
    if (!outcome.ok) return;
    void Promise.resolve(Taro.showToast({ title: TEXT.saved, icon: 'success' })).catch(() => undefined);
    goBack();
  };

  return (
    <Screen>
      <Text className="title">{activityId ? TEXT.editTitle : TEXT.newTitle}</Text>
      {loaded?.status === 'published' ? <Text className="lead">{TEXT.publishedNote}</Text> : null}
      <ChoiceList
        label={TEXT.category}
        layout="grid"
        choices={CATEGORY_CHOICES}
        selected={fields.category}
        error={errors.category}
        onSelect={(value) => {
          if (isCategory(value)) set('category', value);
        }}
      />
      <TextField
        label={TEXT.title}
        value={fields.title}
        maxlength={30}
        placeholder={TEXT.titlePlaceholder}
        error={errors.title}
        onChange={(v) => set('title', v)}
      />
      <TextArea
        label={TEXT.description}
        value={fields.description}
        placeholder={TEXT.descriptionPlaceholder}
        error={errors.description}
        onChange={(v) => set('description', v)}
      />
      <TextField
        label={TEXT.place}
        value={fields.place}
        maxlength={40}
        placeholder={TEXT.placePlaceholder}
        error={errors.place}
        onChange={(v) => set('place', v)}
      />
      <PickerField
        label={TEXT.date}
        mode="date"
        start={today}
        value={fields.date}
        display={formatDay(fields.date)}
        onChange={(v) =>
          // The deadline follows the day; staff move it earlier if they want.
          setFields({ ...fields, date: v, deadlineDate: v })
        }
      />
      <View className="pair">
        <PickerField
          label={TEXT.start}
          mode="time"
          value={fields.startTime}
          error={errors.startTime}
          onChange={(v) => set('startTime', v)}
        />
        <PickerField
          label={TEXT.end}
          mode="time"
          value={fields.endTime}
          error={errors.endTime}
          onChange={(v) => set('endTime', v)}
        />
      </View>
      <TextField
        label={TEXT.capacity}
        type="number"
        maxlength={3}
        value={fields.capacity}
        placeholder={TEXT.capacityPlaceholder}
        error={errors.capacity}
        onChange={(v) => set('capacity', v)}
      />
      <PickerField
        label={TEXT.deadlineDate}
        mode="date"
        start={today}
        value={fields.deadlineDate}
        display={formatDay(fields.deadlineDate)}
        onChange={(v) => set('deadlineDate', v)}
      />
      <PickerField
        label={TEXT.deadlineTime}
        mode="time"
        value={fields.deadlineTime}
        error={errors.deadlineTime}
        onChange={(v) => set('deadlineTime', v)}
      />
      <ChipGroup
        label={TEXT.tags}
        showLabel
        chips={TAG_CHIPS}
        selected={fields.tags}
        error={errors.tags}
        onToggle={toggleTag}
      />
      <OrganizationPicker
        value={fields.organizationId}
        error={errors.organizationId}
        onChange={(id) => set('organizationId', id)}
      />
      <FormError error={shownError} />
      {errors.other ? (
        <View role="alert">
          <Text className="form-error">⚠ {errors.other}</Text>
        </View>
      ) : null}
      <SubmitButton
        label={activityId ? TEXT.saveEdit : TEXT.save}
        busy={save.pending}
        busyLabel={TEXT.saving}
        onSubmit={() => void submit()}
      />
    </Screen>
  );
}
