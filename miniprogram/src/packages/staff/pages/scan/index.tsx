import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { CheckinOutcome } from '../../../../../../shared/contract/checkin';
import { formatSpan } from '../../../../activity/describe';
import { When } from '../../../../activity/When';
import { type ClientError, call } from '../../../../api/client';
import { fieldMessage } from '../../../../api/errors';
import { activitiesApi } from '../../../../api/functions/activities';
import { checkinApi } from '../../../../api/functions/checkin';
import { Screen } from '../../../../components/Screen';
import { ErrorState, Loading } from '../../../../components/Status';
import { SubmitButton } from '../../../../components/SubmitButton';
import { TextField } from '../../../../components/TextField';
import { useMutation } from '../../../../hooks/useMutation';
import { useRemote } from '../../../../hooks/useRemote';
import { go, ROUTES } from '../../../../routes';
import { CameraScanner } from '../../components/CameraScanner';
import { FailureCard, OutcomeCard } from '../../components/ScanResult';

const TEXT = {
  scan: '扫码签到',
  next: '扫下一位',
  scanHint: '点上面的按钮，对准居民手机上的签到码。',
  checking: '正在核对…',
  typed: '签到码',
  typedHint: '扫不出来时，可以输入签到码',
  typedPlaceholder: '例如 LL1.…',
  submit: '签到',
  busy: '正在签到…',
  manual: '没带手机？手工签到',
} as const;

const isH5 = process.env.TARO_ENV === 'h5';

type Shown = { outcome: CheckinOutcome } | { failure: ClientError; code: string };

/** Staff at the door: scan a pass (WeChat's scanner, or the camera on h5), one big answer, then the next. */
export default function ScanPage() {
  const id = useRouter().params.id ?? '';
  const activity = useRemote(() => call(activitiesApi, 'get', { activityId: id }), id);
  const scan = useMutation((code: string, options) => call(checkinApi, 'scan', { code }, options));
  const [shown, setShown] = useState<Shown | null>(null);
  const [typed, setTyped] = useState('');

  /** A retry of the same code reuses its request id (useMutation), so it cannot check anyone in twice. */
  const check = async (code: string) => {
    const outcome = await scan.run(code.trim());
    if (outcome.ok) {
      setShown({ outcome: outcome.data });
      setTyped('');
    } else {
      setShown(outcome.error.code === 'VALIDATION' ? null : { failure: outcome.error, code });
    }
  };

  const scanWithWeChat = async () => {
    let code: string;
    try {
      code = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result;
    } catch {
      return; // Closed the scanner: nothing to do.
    }
    await check(code);
  };

  const header = () => {
    if (activity.status === 'error' && !activity.data)
      return <ErrorState error={activity.error} onRetry={activity.reload} />;
    if (!activity.data) return <Loading />;
    const a = activity.data.activity;
    return (
      <View className="card">
        <Text className="card__title">{a.title}</Text>
        <Text className="kv">
          <When text={formatSpan(a.startAt, a.endAt)} />
        </Text>
        <Text className="kv">{a.place}</Text>
      </View>
    );
  };

  const answer = () => {
    if (scan.pending && !(shown && 'failure' in shown)) return <Loading text={TEXT.checking} />;
    if (!shown) return null;
    if ('outcome' in shown) return <OutcomeCard outcome={shown.outcome} />;
    return (
      <FailureCard error={shown.failure} retrying={scan.pending} onRetry={() => void check(shown.code)} />
    );
  };

  return (
    <Screen>
      {header()}
      {answer()}
      {isH5 ? (
        <>
          <CameraScanner paused={scan.pending} onCode={(code) => void check(code)} />
          <View className="card">
            <TextField
              label={TEXT.typed}
              value={typed}
              maxlength={80}
              placeholder={TEXT.typedPlaceholder}
              error={fieldMessage(scan.error, 'code')}
              onChange={setTyped}
            />
            <Text className="muted">{TEXT.typedHint}</Text>
            <SubmitButton
              label={TEXT.submit}
              busy={scan.pending}
              busyLabel={TEXT.busy}
              onSubmit={() => void check(typed)}
            />
          </View>
        </>
      ) : (
        <>
          <Button className="btn btn--primary btn--huge" onClick={() => void scanWithWeChat()}>
            {shown ? TEXT.next : TEXT.scan}
          </Button>
          {shown ? null : <Text className="muted spaced">{TEXT.scanHint}</Text>}
        </>
      )}
      <Button className="btn btn--plain" onClick={() => go(ROUTES.staffCheckin, { id })}>
        {TEXT.manual}
      </Button>
    </Screen>
  );
}
