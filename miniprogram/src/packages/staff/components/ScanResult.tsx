import { Button, Text, View } from '@tarojs/components';
import type { CheckinOutcome, ScanResult as Result } from '../../../../../shared/contract/checkin';
import { local } from '../../../../../shared/rules/time';
import type { ClientError } from '../../../api/client';

type Tone = 'ok' | 'info' | 'warn' | 'bad';

const TEXT = {
  already: '已签到',
  at: (time: string) => `（${time}）`,
  hints: {
    checked_in: '',
    already: '之前已经签过了，不用再签。',
    other_center: '这个码是别的中心活动的，请到举办的中心签到。',
    expired: '这是旧的码（可能是截图）。请居民打开签到码页面再扫。',
    invalid: '这不是签到码。请对准居民手机上的“签到码”。',
    not_confirmed: '这个人没有报上名，或还在候补。可以在“手工签到”里现场登记。',
    not_open: '活动开始前1小时到结束前可以签到。',
  } satisfies Record<Result, string>,
  networkTitle: '网络不通，这次没有签到',
  networkHint: '请检查网络，再点“重试”。重试不会重复签到。',
  failedTitle: '没能签到',
  retry: '重试',
  retrying: '正在重试…',
} as const;

/** The shape says the answer too: a filled circle for success, an outlined one for "already", a square for no. */
const LOOK: Record<Result, { tone: Tone; icon: string }> = {
  checked_in: { tone: 'ok', icon: '✓' },
  already: { tone: 'info', icon: '✓' },
  other_center: { tone: 'bad', icon: '✕' },
  expired: { tone: 'bad', icon: '✕' },
  invalid: { tone: 'bad', icon: '✕' },
  not_confirmed: { tone: 'bad', icon: '✕' },
  not_open: { tone: 'warn', icon: '!' },
};

interface CardProps {
  tone: Tone;
  icon: string;
  title: string;
  /** Kept whole after the title, e.g. the time in 已签到（14:05）. */
  titleTail?: string | null;
  /** The person, in large type, when the answer is about someone. */
  name?: string | null;
  lines: string[];
}

function Card({ tone, icon, title, titleTail, name, lines }: CardProps) {
  return (
    <View className={`scan-result scan-result--${tone}`} role="status" aria-live="assertive">
      <View className="scan-result__head">
        <Text className="scan-result__icon" aria-hidden>
          {icon}
        </Text>
        <Text className="scan-result__title">
          <Text className="nowrap">{title}</Text>
          {titleTail ? <Text className="nowrap">{titleTail}</Text> : null}
        </Text>
      </View>
      {name ? <Text className="scan-result__name">{name}</Text> : null}
      {lines.filter(Boolean).map((line) => (
        <Text key={line} className="scan-result__text">
          {line}
        </Text>
      ))}
    </View>
  );
}

/** An answer in words: its title, the time for 已签到（14:05）, and what to do about it. */
export function describeOutcome(outcome: CheckinOutcome): {
  title: string;
  time: string | null;
  hint: string;
} {
  const already = outcome.result === 'already';
  return {
    title: already ? TEXT.already : outcome.message,
    time: already && outcome.checkedInAt ? TEXT.at(local(outcome.checkedInAt).format('HH:mm')) : null,
    hint: TEXT.hints[outcome.result],
  };
}

/** One big answer for the person at the door: what happened, to whom, and what to do next. */
export function OutcomeCard({ outcome }: { outcome: CheckinOutcome }) {
  const look = LOOK[outcome.result];
  const { title, time, hint } = describeOutcome(outcome);
  return (
    <Card
      tone={look.tone}
      icon={look.icon}
      title={title}
      titleTail={time}
      name={outcome.displayName}
      lines={[outcome.activityTitle ?? '', hint]}
    />
  );
}

export interface FailureCardProps {
  error: ClientError;
  retrying: boolean;
  onRetry: () => void;
}

/** The scan never got an answer (or was refused): say so, and offer the same scan again. */
export function FailureCard({ error, retrying, onRetry }: FailureCardProps) {
  const network = error.code === 'NETWORK';
  return (
    <View>
      <Card
        tone="warn"
        icon="⚠"
        title={network ? TEXT.networkTitle : TEXT.failedTitle}
        lines={[network ? TEXT.networkHint : error.message]}
      />
      <Button
        className={retrying ? 'btn btn--primary btn--busy' : 'btn btn--primary'}
        {...(retrying ? { disabled: true } : {})}
        onClick={() => {
          if (!retrying) onRetry();
        }}
      >
        {retrying ? TEXT.retrying : TEXT.retry}
      </Button>
    </View>
  );
}
