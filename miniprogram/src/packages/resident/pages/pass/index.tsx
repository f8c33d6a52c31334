import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import type { Pass } from '../../../../../../shared/contract/checkin';
import { passPayload, stepAt } from '../../../../../../shared/rules/pass';
import { formatWhen } from '../../../../../../shared/rules/time';
import { Screen } from '../../../../components/Screen';
import { EmptyState, ErrorState, Loading } from '../../../../components/Status';
import { WhenAndWhere } from '../../../../components/WhenAndWhere';
import { useKeepScreenOn } from '../../../../hooks/useKeepScreenOn';
import { useNow } from '../../../../hooks/useNow';
import { useOnReturn } from '../../../../hooks/useOnReturn';
import { QrCode } from '../../../../qr/QrCode';
import { useFontScale } from '../../../../state/fontScale';
import { Countdown } from './Countdown';
import { usePass } from './usePass';

const TEXT = {
  codeLabel: '签到二维码',
  show: '到场时，请把这个码给工作人员扫一下',
  auto: (s: number) => `每${s}秒自动更新`,
  left: (n: number) => `${n}秒后换新码`,
  bright: '☀ 请把屏幕调亮',
  offline: '✓ 离线也能用：没网时签到码照样更新',
  offlineNow: '⚠ 现在没有网络，签到码照样能用',
  attended: '✓ 已签到',
  attendedAt: (at: string) => `签到时间 ${at}`,
  ended: '活动已结束，签到码不能再用了',
  gone: '没有这张签到码',
} as const;

function windowWidth(): number {
  try {
    return Taro.getSystemInfoSync().windowWidth || 375;
  } catch {
    return 375;
  }
}

/** The code, changing with the clock: computed on the phone from the saved secret, no network needed. */
function LiveCode({ pass, now, sizePx }: { pass: Pass; now: number; sizePx: number }) {
  const step = stepAt(now);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new code once per step, not once per second.
  const payload = useMemo(() => passPayload(pass.passId, pass.secret, now), [pass.passId, pass.secret, step]);
  const secondsLeft = pass.stepSeconds - (Math.floor(now / 1000) % pass.stepSeconds);
  return (
    <>
      <View className="pass__code">
        <QrCode payload={payload} sizePx={sizePx} label={TEXT.codeLabel} />
      </View>
      <Countdown
        secondsLeft={secondsLeft}
        stepSeconds={pass.stepSeconds}
        caption={TEXT.auto(pass.stepSeconds)}
        left={TEXT.left(secondsLeft)}
      />
      <Text className="pass__hint">{TEXT.show}</Text>
    </>
  );
}

/** A resident's check-in pass: who, what, and a QR code that changes every 30 seconds, offline too. */
export default function PassPage() {
  const id = useRouter().params.id ?? '';
  const { pass, error, refresh } = usePass(id);
  const { large, fontPx } = useFontScale();
  const now = useNow(1000);
  useOnReturn(refresh);
  useKeepScreenOn();

  // Elderly mode: as wide as the screen allows (its padding is 0.8em a side); otherwise a comfortable size.
  const width = windowWidth();
  const sizePx = large ? width - 1.6 * fontPx : Math.min(width * 0.64, 260);

  if (!pass) {
    return (
      <Screen>
        {error === null ? (
          <Loading />
        ) : error.code === 'NETWORK' || error.code === 'INTERNAL' ? (
          <ErrorState error={error} onRetry={refresh} />
        ) : (
          <EmptyState title={TEXT.gone} hint={error.message} />
        )}
      </Screen>
    );
  }

  const attended = pass.status === 'attended';
  const ended = now > Date.parse(pass.endAt);
  return (
    <Screen>
      <View className={large ? 'pass pass--large' : 'pass'}>
        <Text className="pass__name">{pass.displayName}</Text>
        <Text className="pass__title">{pass.activityTitle}</Text>
        {attended ? (
          <View className="pass__done" role="status">
            <Text className="pass__done-title">{TEXT.attended}</Text>
            {pass.checkedInAt ? <Text>{TEXT.attendedAt(formatWhen(pass.checkedInAt))}</Text> : null}
          </View>
        ) : ended ? (
          <View className="notice notice--muted pass__ended">
            <Text>{TEXT.ended}</Text>
          </View>
        ) : (
          <LiveCode pass={pass} now={now} sizePx={sizePx} />
        )}
      </View>
      {large && !attended && !ended ? (
        <View className="notice">
          <Text>{TEXT.bright}</Text>
        </View>
      ) : null}
      <View className="card">
        <WhenAndWhere activity={pass} />
      </View>
      {attended || ended ? null : (
        <Text className={error?.code === 'NETWORK' ? 'pass__offline pass__offline--now' : 'pass__offline'}>
          {error?.code === 'NETWORK' ? TEXT.offlineNow : TEXT.offline}
        </Text>
      )}
    </Screen>
  );
}
