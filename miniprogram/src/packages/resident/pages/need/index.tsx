import { Text } from '@tarojs/components';
import { useState } from 'react';
import { NEED_CATEGORIES, NEED_CATEGORY_LABELS } from '../../../../../../shared/contract/needs';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { needsApi } from '../../../../api/functions/needs';
import { ChipGroup } from '../../../../components/ChipGroup';
import { TextArea } from '../../../../components/TextArea';
import { useDebounced } from '../../../../hooks/useDebounced';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { HomeCenterScreen } from '../../components/HomeCenterScreen';
import { SimilarNeeds } from '../../components/SimilarNeeds';
import { SubmitOrBack } from '../../components/SubmitOrBack';
import { Submitted } from '../../components/Submitted';

const TEXT = {
  title: '说说您的需求',
  lead: (center: string) => `想要什么活动或服务，告诉${center}。中心会回复您，安排上了也会通知您。`,
  category: '需求类别',
  text: '您的需求',
  placeholder: '比如：希望周末有老年人用的智能手机课',
  submit: '提交需求',
  done: '✓ 已提交',
  doneHint: '中心工作人员会尽快回复，回复和进展可以在“我的需求”里看。',
  mine: '查看我的需求',
  noCenterHint: '选好中心后，才能向它提需求。',
} as const;

const CATEGORY_CHIPS = NEED_CATEGORIES.map((value) => ({ value, label: NEED_CATEGORY_LABELS[value] }));
type NeedCategory = (typeof NEED_CATEGORIES)[number];

/** Asks for look-alike needs once the text has settled; nothing for a word or two. */
function useSimilar(centerId: string, text: string) {
  const settled = useDebounced(text.trim(), 400);
  return useRemote(
    () =>
      settled.length >= 2
        ? call(needsApi, 'similar', { centerId, text: settled })
        : Promise.resolve({ ok: true as const, data: { needs: [] } }),
    `${centerId}/${settled}`,
  );
}

function NeedForm({ centerId, centerName }: { centerId: string; centerName: string }) {
  const [category, setCategory] = useState<NeedCategory | null>(null);
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<{ held: boolean } | null>(null);
  const similar = useSimilar(centerId, submitted ? '' : text);
  const report = useMutation((input: { category: NeedCategory | null; text: string }, options) =>
    // No category yet: the client's schema check names the field, and nothing leaves the phone.
    call(
      needsApi,
      'report',
      { centerId, text: input.text, category: input.category as NeedCategory },
      options,
    ),
  );

  const submit = async () => {
    const outcome = await report.run({ category, text });
    if (outcome.ok) setSubmitted({ held: outcome.data.held });
  };

  if (submitted) {
    return (
      <Submitted
        title={TEXT.done}
        hint={TEXT.doneHint}
        held={submitted.held}
        nextLabel={TEXT.mine}
        onNext={() => go(ROUTES.myNeeds)}
        onAnother={() => {
          setSubmitted(null);
          setText('');
          setCategory(null);
        }}
      />
    );
  }
  return (
    <>
      <Text className="lead">{TEXT.lead(centerName)}</Text>
      <ChipGroup
        label={TEXT.category}
        showLabel
        chips={CATEGORY_CHIPS}
        selected={category ? [category] : []}
        onToggle={(value) => setCategory(value as NeedCategory)}
        error={fieldMessage(report.error, 'category')}
      />
      <TextArea
        label={TEXT.text}
        value={text}
        onChange={setText}
        placeholder={TEXT.placeholder}
        maxlength={500}
        counter
        error={fieldMessage(report.error, 'text')}
      />
      <SimilarNeeds needs={similar.data?.needs ?? []} />
      <SubmitOrBack
        label={TEXT.submit}
        error={report.error}
        busy={report.pending}
        onSubmit={() => void submit()}
      />
    </>
  );
}

/** Resident subpackage: report a need to the home center, or +1 a look-alike one instead. */
export default function NeedReportPage() {
  return (
    <HomeCenterScreen title={TEXT.title} noCenterHint={TEXT.noCenterHint}>
      {(center) => <NeedForm centerId={center.id} centerName={center.name} />}
    </HomeCenterScreen>
  );
}
