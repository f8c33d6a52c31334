import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../api/client';
import { activitiesApi } from '../../api/functions/activities';
import { Screen } from '../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { useOnReturn } from '../../hooks/useOnReturn';
import { useRemote } from '../../hooks/useRemote';
import { useMember } from '../../state/member';
import { ActivityDetails } from './ActivityDetails';
import { MyPlaces } from './MyPlaces';
import { type SignUpOutcome, SignUpPanel } from './SignUpPanel';

const TEXT = {
  missing: '没有找到这个活动',
  missingHint: '它可能已被中心撤下，请回到首页看看本月清单。',
  confirmed: '报名成功',
  confirmedHint: '请按时到场。活动前一天会提醒您。',
  waitlisted: (n: number | null) => (n ? `已候补，第${n}位` : '已候补'),
  waitlistedHint: '有人取消时，按顺序递补，递补成功会发消息告诉您。',
  already: '之前已经报过名了',
  forWhom: (name: string) => `为${name}报名`,
  cancelled: '已取消报名',
  cancelledHint: (promoted: boolean) =>
    promoted ? '名额已让给下一位候补的人。' : '如果改变主意，可以再报名。',
} as const;

type Result = { title: string; lines: string[]; tone: 'ok' | 'warn' | 'muted' };

function signUpResult(o: SignUpOutcome): Result {
  const who = TEXT.forWhom(o.name);
  if (o.status === 'confirmed') {
    return {
      title: TEXT.confirmed,
      lines: [who, o.alreadyRegistered ? TEXT.already : TEXT.confirmedHint],
      tone: 'ok',
    };
  }
  return {
    title: TEXT.waitlisted(o.waitlistPosition),
    lines: [who, o.alreadyRegistered ? TEXT.already : TEXT.waitlistedHint],
    tone: 'warn',
  };
}

/** One activity: what it is, the resident's own places on it, and sign-up for themselves or family. */
export default function ActivityPage() {
  const id = useRouter().params.id ?? '';
  const member = useMember();
  const activity = useRemote(() => call(activitiesApi, 'get', { activityId: id }), id);
  const [result, setResult] = useState<Result | null>(null);
  // Back from adding a family member, the "for whom" list grows.
  useOnReturn(activity.reload);

  // The answer is shown at the top of the page, where the resident's eye goes after the page moves.
  const show = (next: Result) => {
    setResult(next);
    activity.reload();
    void Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 200 })).catch(() => undefined);
  };

  const body = () => {
    if (activity.status === 'error' && !activity.data) {
      return activity.error.code === 'NOT_FOUND' || activity.error.code === 'VALIDATION' ? (
        <EmptyState title={TEXT.missing} hint={TEXT.missingHint} />
      ) : (
        <ErrorState error={activity.error} onRetry={activity.reload} />
      );
    }
    if (!activity.data) return <Loading />;
    const a = activity.data.activity;
    return (
      <>
        {result ? (
          <View className={`result result--${result.tone}`} role="status" aria-live="polite">
            <Text className="result__title">
              {result.tone === 'ok' ? '✓ ' : ''}
              {result.title}
            </Text>
            {result.lines.map((line) => (
              <Text key={line} className="result__text">
                {line}
              </Text>
            ))}
          </View>
        ) : null}
        <ActivityDetails activity={a} />
        <MyPlaces
          activity={a}
          onCancelled={(name, promoted) => {
            show({ title: TEXT.cancelled, lines: [name, TEXT.cancelledHint(promoted)], tone: 'muted' });
          }}
        />
        {a.signupOpen ? (
          <SignUpPanel
            activity={a}
            family={member.data?.member.family ?? []}
            onSignedUp={(outcome) => {
              show(signUpResult(outcome));
            }}
          />
        ) : null}
      </>
    );
  };

  return <Screen>{body()}</Screen>;
}
