import { Text } from '@tarojs/components';
import { useState } from 'react';
import {
  TOPIC_CATEGORIES,
  TOPIC_CATEGORY_LABELS,
  type TopicCategory,
} from '../../../../../../shared/contract/councils';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { councilsApi } from '../../../../api/functions/councils';
import { ChipGroup } from '../../../../components/ChipGroup';
import { TextArea } from '../../../../components/TextArea';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { goBack } from '../../../../routes';
import { HomeCenterScreen } from '../../components/HomeCenterScreen';
import { SubmitOrBack } from '../../components/SubmitOrBack';
import { Submitted } from '../../components/Submitted';

const TEXT = {
  title: '提一个议题',
  lead: (center: string) =>
    `有什么事要邻居们一起商量解决？提给${center}的议事会。附议的人多，会先拿到议事会上商量。`,
  category: '议题类别',
  topic: '议题（4到30个字）',
  topicPlaceholder: '比如：晚上小区停车太乱',
  description: '说说情况',
  descriptionPlaceholder: '哪里、什么时候、有什么影响，希望怎么解决',
  submit: '提交议题',
  done: '✓ 议题已提交',
  doneHint: '邻居们可以附议。上议事会、有了决议、办结时，都会通知您。',
  council: '回到议事会',
  noCenterHint: '选好中心后，才能向它的议事会提议题。',
} as const;

const CATEGORY_CHIPS = TOPIC_CATEGORIES.map((value) => ({ value, label: TOPIC_CATEGORY_LABELS[value] }));

interface Draft {
  category: TopicCategory | null;
  title: string;
  description: string;
}

function ProposeForm({ centerId, centerName }: { centerId: string; centerName: string }) {
  const [draft, setDraft] = useState<Draft>({ category: null, title: '', description: '' });
  const [submitted, setSubmitted] = useState<{ held: boolean } | null>(null);
  const propose = useMutation((input: Draft, options) =>
    // No category yet: the client's schema check names the field, and nothing leaves the phone.
    call(
      councilsApi,
      'propose',
      {
        centerId,
        title: input.title,
        description: input.description,
        category: input.category as TopicCategory,
      },
      options,
    ),
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async () => {
    const outcome = await propose.run(draft);
    if (outcome.ok) setSubmitted({ held: outcome.data.held });
  };

  if (submitted) {
    return (
      <Submitted
        title={TEXT.done}
        hint={TEXT.doneHint}
        held={submitted.held}
        nextLabel={TEXT.council}
        onNext={goBack}
        onAnother={() => {
          setSubmitted(null);
          setDraft({ category: null, title: '', description: '' });
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
        selected={draft.category ? [draft.category] : []}
        onToggle={(value) => set('category', value as TopicCategory)}
        error={fieldMessage(propose.error, 'category')}
      />
      <TextField
        label={TEXT.topic}
        value={draft.title}
        maxlength={30}
        placeholder={TEXT.topicPlaceholder}
        onChange={(v) => set('title', v)}
        error={fieldMessage(propose.error, 'title')}
      />
      <TextArea
        label={TEXT.description}
        value={draft.description}
        onChange={(v) => set('description', v)}
        placeholder={TEXT.descriptionPlaceholder}
        maxlength={500}
        counter
        error={fieldMessage(propose.error, 'description')}
      />
      <SubmitOrBack
        label={TEXT.submit}
        error={propose.error}
        busy={propose.pending}
        onSubmit={() => void submit()}
      />
    </>
  );
}

/** Resident subpackage: put a topic before the home center's council. */
export default function ProposeTopicPage() {
  return (
    <HomeCenterScreen title={TEXT.title} noCenterHint={TEXT.noCenterHint}>
      {(center) => <ProposeForm centerId={center.id} centerName={center.name} />}
    </HomeCenterScreen>
  );
}
