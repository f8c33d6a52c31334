import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { RegistrationView } from '../../../../shared/contract/registrations';
import { badgeClass, formatSpan, registrationLabel } from '../../activity/describe';
import { When } from '../../activity/When';
import { call } from '../../api/client';
import { feedbackApi } from '../../api/functions/feedback';
import { registrationsApi } from '../../api/functions/registrations';
import { Screen } from '../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../components/Status';
import { ratingText } from '../../feedback/faces';
import { useOnReturn } from '../../hooks/useOnReturn';
import { useRemote } from '../../hooks/useRemote';
import { go, ROUTES } from '../../routes';
import { refreshUnread } from '../../state/inbox';

const TEXT = {
  title: '我的报名',
  upcoming: '即将参加',
  cancelled: '已取消的报名',
  past: '已经结束',
  noUpcoming: '最近没有要参加的活动',
  noUpcomingHint: '去首页看看本月清单，报个名吧。',
  toHome: '看本月活动',
  when: '时间',
  place: '地点',
  forWhom: (name: string) => `为${name}报名`,
  open: '查看详情 ›',
  pass: '签到码',
  rate: '去评价',
  rateHint: '参加过了，说说感受吧',
  rated: (words: string) => `我的评价：${words}`,
  changeRating: '修改评价',
} as const;

/** What 我的报名 knows about feedback: places waiting for a rating, and ratings already given. */
interface FeedbackFacts {
  toRate: ReadonlySet<string>;
  ratings: ReadonlyMap<string, number>;
}

/** A place that will be checked in at the door: confirmed (not waiting), on an activity that goes ahead. */
const hasPass = (r: RegistrationView) => r.status === 'confirmed' && r.activity.status === 'published';

function RateButton({ r, primary, text }: { r: RegistrationView; primary: boolean; text: string }) {
  return (
    <Button
      className={primary ? 'btn btn--primary' : 'btn btn--plain'}
      onClick={(event) => {
        event.stopPropagation();
        go(ROUTES.rate, { id: r.registrationId, title: r.activity.title });
      }}
    >
      {text}
    </Button>
  );
}

function FeedbackPart({ r, feedback }: { r: RegistrationView; feedback: FeedbackFacts }) {
  const rating = feedback.ratings.get(r.registrationId);
  if (rating !== undefined) {
    return (
      <>
        <Text className="kv strong">{TEXT.rated(ratingText(rating))}</Text>
        <RateButton r={r} primary={false} text={TEXT.changeRating} />
      </>
    );
  }
  if (!feedback.toRate.has(r.registrationId)) return null;
  return (
    <>
      <Text className="notice">☆ {TEXT.rateHint}</Text>
      <RateButton r={r} primary text={TEXT.rate} />
    </>
  );
}

interface RegistrationItemProps {
  r: RegistrationView;
  showPass?: boolean;
  feedback?: FeedbackFacts | undefined;
}

function RegistrationItem({ r, showPass = false, feedback }: RegistrationItemProps) {
  const label = registrationLabel(r);
  return (
    <View
      className="card activity-card activity-card--link"
      role="button"
      onClick={() => go(ROUTES.activity, { id: r.activityId })}
    >
      <Text className="card__title">{r.activity.title}</Text>
      <View className="badges">
        <Text className={`${badgeClass(label.tone)} badge--strong`}>{label.text}</Text>
      </View>
      {r.forMemberId ? <Text className="kv">{TEXT.forWhom(r.displayName)}</Text> : null}
      <Text className="kv">
        <Text className="kv__key">{TEXT.when}</Text>
        <When text={formatSpan(r.activity.startAt, r.activity.endAt)} />
      </Text>
      <Text className="kv">
        <Text className="kv__key">{TEXT.place}</Text>
        {r.activity.centerName} · {r.activity.place}
      </Text>
      {showPass && hasPass(r) ? (
        <Button
          className="btn btn--primary"
          onClick={(event) => {
            // The card itself opens the activity; this button opens the pass instead.
            event.stopPropagation();
            go(ROUTES.pass, { id: r.registrationId });
          }}
        >
          {TEXT.pass}
        </Button>
      ) : null}
      {feedback && r.status === 'attended' ? <FeedbackPart r={r} feedback={feedback} /> : null}
      <Text className="activity-card__more">{TEXT.open}</Text>
    </View>
  );
}

/** Tab page: what the resident (and their family) signed up for, coming and past, with each status. */
export default function MinePage() {
  const mine = useRemote(() => call(registrationsApi, 'mine', {}));
  // Feedback is extra: if it fails to load, the list still shows, only without 去评价.
  const rated = useRemote(() => call(feedbackApi, 'mine', {}));
  useOnReturn(() => {
    mine.reload();
    rated.reload();
  });
  const feedback: FeedbackFacts | undefined = rated.data
    ? {
        toRate: new Set(rated.data.toRate.map((t) => t.registrationId)),
        ratings: new Map(rated.data.feedback.map((f) => [f.registrationId, f.rating])),
      }
    : undefined;
  useDidShow(() => void refreshUnread());

  const body = () => {
    if (mine.status === 'error' && !mine.data) return <ErrorState error={mine.error} onRetry={mine.reload} />;
    if (!mine.data) return <Loading />;
    const { past } = mine.data;
    // Cancelled places stay listed (with who cancelled and why), under their own heading.
    const upcoming = mine.data.upcoming.filter((r) => r.status !== 'cancelled');
    const cancelled = mine.data.upcoming.filter((r) => r.status === 'cancelled');
    return (
      <>
        <Text className="group-title">{TEXT.upcoming}</Text>
        {upcoming.length === 0 ? (
          <EmptyState
            title={TEXT.noUpcoming}
            hint={TEXT.noUpcomingHint}
            actionText={TEXT.toHome}
            onAction={() => go(ROUTES.home)}
          />
        ) : (
          upcoming.map((r) => <RegistrationItem key={r.registrationId} r={r} showPass feedback={feedback} />)
        )}
        {cancelled.length ? (
          <>
            <Text className="group-title">{TEXT.cancelled}</Text>
            {cancelled.map((r) => (
              <RegistrationItem key={r.registrationId} r={r} />
            ))}
          </>
        ) : null}
        {past.length ? (
          <>
            <Text className="group-title">{TEXT.past}</Text>
            {past.map((r) => (
              <RegistrationItem key={r.registrationId} r={r} feedback={feedback} />
            ))}
          </>
        ) : null}
      </>
    );
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      {body()}
    </Screen>
  );
}
