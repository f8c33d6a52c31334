import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActivityView } from '../../../../shared/contract/activities';
import { badgeClass, placeLabel } from '../../activity/describe';
import { call } from '../../api/client';
import { registrationsApi } from '../../api/functions/registrations';
import { Card } from '../../components/Card';
import { FormError } from '../../components/Status';
import { useMutation } from '../../hooks/useMutation';
import { go, ROUTES } from '../../routes';

const TEXT = {
  title: '我的报名',
  self: '本人',
  cancel: '取消报名',
  cancelling: '正在取消…',
  confirmTitle: '取消报名？',
  confirmBody: (name: string) => `确定取消${name}的报名吗？名额会让给下一位候补的人。`,
  confirmYes: '确定取消',
  confirmNo: '不取消',
  closed: '报名已截止，如需取消请联系中心。',
  pass: '签到码',
} as const;

export interface MyPlacesProps {
  activity: ActivityView;
  onCancelled: (name: string, promotedSomeone: boolean) => void;
}

/** The places the resident's family holds on this activity, each with its own 取消报名. */
export function MyPlaces({ activity, onCancelled }: MyPlacesProps) {
  const places = activity.mine.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted');
  const cancel = useMutation((registrationId: string, options) =>
    call(registrationsApi, 'cancel', { registrationId }, options),
  );
  if (places.length === 0) return null;

  const confirmAndCancel = async (registrationId: string, name: string) => {
    const answer = await Taro.showModal({
      title: TEXT.confirmTitle,
      content: TEXT.confirmBody(name),
      confirmText: TEXT.confirmYes,
      cancelText: TEXT.confirmNo,
    });
    if (!answer.confirm) return;
    const outcome = await cancel.run(registrationId);
    if (outcome.ok) onCancelled(name, outcome.data.promoted);
  };

  return (
    <Card title={TEXT.title}>
      {places.map((r) => {
        const label = placeLabel(r.status, r.waitlistPosition);
        const name = r.forMemberId ? r.displayName : TEXT.self;
        return (
          <View key={r.registrationId} className="list-item">
            <View className="row">
              <Text className="strong">{name}</Text>
              <Text className={`${badgeClass(label.tone)} badge--strong`}>{label.text}</Text>
            </View>
            {r.status === 'confirmed' && activity.status === 'published' ? (
              <Button className="btn btn--primary" onClick={() => go(ROUTES.pass, { id: r.registrationId })}>
                {TEXT.pass}
              </Button>
            ) : null}
            {activity.signupOpen ? (
              <Button
                className="btn btn--plain"
                {...(cancel.pending ? { disabled: true } : {})}
                onClick={() => void confirmAndCancel(r.registrationId, name)}
              >
                {cancel.pending ? TEXT.cancelling : TEXT.cancel}
              </Button>
            ) : (
              <Text className="muted">{TEXT.closed}</Text>
            )}
          </View>
        );
      })}
      <FormError error={cancel.error} />
    </Card>
  );
}
