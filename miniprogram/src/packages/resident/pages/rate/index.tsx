import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { NEGATIVE_TAGS, POSITIVE_TAGS } from '../../../../../../shared/contract/feedback';
import { call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { feedbackApi } from '../../../../api/functions/feedback';
import { ChipGroup } from '../../../../components/ChipGroup';
import { Screen } from '../../../../components/Screen';
import { FormError } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TextArea } from '../../../../components/TextArea';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { goBack } from '../../../../routes';
import { FacePicker } from '../../components/FacePicker';

const TEXT = {
  title: '评价活动',
  forWhom: (name: string) => `代${name}评价（代评）`,
  rating: '这次活动您满意吗？',
  ratingMissing: '请先点一个表情，选择满意度',
  good: '好的地方（可多选）',
  bad: '不足的地方（可多选）',
  comment: '想说的话（可以不写）',
  commentHint: '比如：希望下次多安排一场',
  submit: '提交评价',
  submitting: '正在提交…',
  thanks: '谢谢您的评价',
  updated: '评价已更新。',
  proxyDone: (name: string) => `已代${name}评价（代评）。`,
  held: '留言需要工作人员看一下。',
  change: '修改评价',
  back: '返回',
} as const;

const chipsOf = (tags: readonly string[]) => tags.map((t) => ({ value: t, label: t }));
const GOOD = chipsOf(POSITIVE_TAGS);
const BAD = chipsOf(NEGATIVE_TAGS);
type Tag = (typeof POSITIVE_TAGS)[number] | (typeof NEGATIVE_TAGS)[number];
const ALL_TAGS: readonly string[] = [...POSITIVE_TAGS, ...NEGATIVE_TAGS];
const isTag = (t: string): t is Tag => ALL_TAGS.includes(t);

/** weapp hands the query over still encoded, h5 already decoded; a stray `%` must not break the page. */
function queryText(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}

interface Sent {
  updated: boolean;
  held: boolean;
}

function Thanks({ sent, proxyFor, onChange }: { sent: Sent; proxyFor: string; onChange: () => void }) {
  return (
    <>
      <View className="result" role="status">
        <Text className="result__title">✓ {TEXT.thanks}</Text>
        {proxyFor ? <Text className="result__text">{TEXT.proxyDone(proxyFor)}</Text> : null}
        {sent.updated ? <Text className="result__text">{TEXT.updated}</Text> : null}
        {sent.held ? <Text className="result__text">⚠ {TEXT.held}</Text> : null}
      </View>
      <Button className="btn btn--primary" onClick={goBack}>
        {TEXT.back}
      </Button>
      <Button className="btn btn--plain" onClick={onChange}>
        {TEXT.change}
      </Button>
    </>
  );
}

/** The earlier rating of this place, if the resident has one, so 修改评价 starts from it. */
function useEarlier(registrationId: string, skip: boolean) {
  const mine = useRemote(
    () => (skip ? Promise.resolve({ ok: true as const, data: null }) : call(feedbackApi, 'mine', {})),
    registrationId,
  );
  return mine.data?.feedback.find((f) => f.registrationId === registrationId) ?? null;
}

/**
 * Resident subpackage: rate an attended activity with a face, tags and a comment. Staff open it too, with
 * `for=<name>`, to record feedback for a resident without a phone (saved as 代评).
 */
export default function RatePage() {
  const params = useRouter().params;
  const registrationId = params.id ?? '';
  const title = queryText(params.title);
  const proxyFor = queryText(params.for);
  const earlier = useEarlier(registrationId, proxyFor !== '');
  const [rating, setRating] = useState<number | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const submit = useMutation((input: { rating: number; tags: Tag[]; comment: string }, options) =>
    call(
      feedbackApi,
      'submit',
      {
        registrationId,
        rating: input.rating,
        tags: input.tags,
        ...(input.comment.trim() ? { comment: input.comment } : {}),
      },
      options,
    ),
  );

  useEffect(() => {
    if (!earlier) return;
    setRating(earlier.rating);
    setTags(earlier.tags.filter(isTag));
    setComment(earlier.comment ?? '');
  }, [earlier]);

  const toggle = (tag: string) => {
    if (!isTag(tag)) return;
    setTags((now) => (now.includes(tag) ? now.filter((t) => t !== tag) : [...now, tag]));
  };

  const send = async () => {
    if (rating === null) {
      setMissing(true);
      return;
    }
    const outcome = await submit.run({ rating, tags, comment });
    if (outcome.ok) setSent({ updated: outcome.data.updated, held: outcome.data.held });
  };

  return (
    <Screen>
      <Text className="title">{title || TEXT.title}</Text>
      {proxyFor ? <Text className="badge badge--strong">{TEXT.forWhom(proxyFor)}</Text> : null}
      {sent ? (
        <Thanks sent={sent} proxyFor={proxyFor} onChange={() => setSent(null)} />
      ) : (
        <>
          <FacePicker
            label={TEXT.rating}
            value={rating}
            onChange={(r) => {
              setRating(r);
              setMissing(false);
            }}
            error={missing ? TEXT.ratingMissing : fieldMessage(submit.error, 'rating')}
          />
          <ChipGroup label={TEXT.good} showLabel chips={GOOD} selected={tags} onToggle={toggle} />
          <ChipGroup
            label={TEXT.bad}
            showLabel
            chips={BAD}
            selected={tags}
            onToggle={toggle}
            error={fieldMessage(submit.error, 'tags')}
          />
          <TextArea
            label={TEXT.comment}
            value={comment}
            onChange={setComment}
            placeholder={TEXT.commentHint}
            maxlength={200}
            counter
            error={fieldMessage(submit.error, 'comment')}
          />
          <FormError error={submit.error} />
          <SubmitButton
            label={TEXT.submit}
            busy={submit.pending}
            busyLabel={TEXT.submitting}
            onSubmit={() => void send()}
          />
        </>
      )}
    </Screen>
  );
}
