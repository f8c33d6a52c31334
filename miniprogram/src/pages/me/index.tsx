import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { call } from '../../api/client';
import { accountApi } from '../../api/functions/account';
import { clearToken } from '../../api/session';
import { Card } from '../../components/Card';
import { Screen } from '../../components/Screen';
import { ErrorState, FormError, Loading } from '../../components/Status';
import { SwitchRow } from '../../components/SwitchRow';
import { useMutation } from '../../hooks/useMutation';
import { ROLE_LABELS } from '../../labels';
import { go, ROUTES } from '../../routes';
import { setElderlyMode, useFontScale } from '../../state/fontScale';
import { refreshUnread, useUnread } from '../../state/inbox';
import { applyMember, forgetMember, useMember } from '../../state/member';

const TEXT = {
  profile: '我的资料',
  name: '称呼',
  phone: '手机号',
  noPhone: '未填写',
  role: '身份',
  editProfile: '修改资料',
  display: '显示',
  elderly: '大字模式',
  elderlyHint: '字和按钮都变大，看得更清楚。',
  family: '我的家人',
  familyHint: '添加家人后，可以替家人报名活动。',
  noFamily: '还没有添加家人',
  addFamily: '添加家人',
  invite: '邀请码',
  inviteHint: '社工或街道工作人员，请用收到的邀请码加入。',
  join: '使用邀请码',
  signOut: '退出登录',
  messages: '消息',
  unread: (n: number) => `${n} 条新消息`,
  noUnread: '没有新消息',
  openMessages: '查看消息',
  needs: '我的需求',
  needsHint: '向中心提的需求，和中心的回复、安排。',
  report: '说说您的需求',
  myNeeds: '查看我的需求',
  council: '邻里议事会',
  councilHint: '提议题、附议，看议事会的决议和办理进展。',
  openCouncil: '进入议事会',
} as const;

export default function MePage() {
  const member = useMember();
  const { elderlyMode } = useFontScale();
  const unread = useUnread();
  useDidShow(() => void refreshUnread());
  const saveElderly = useMutation((on: boolean, options) =>
    call(accountApi, 'updateProfile', { elderlyMode: on }, options),
  );

  const toggleElderly = async (on: boolean) => {
    // Large type shows at once; if saving fails it goes back and says why.
    setElderlyMode(on);
    const outcome = await saveElderly.run(on);
    if (outcome.ok) applyMember(outcome.data.member);
    else setElderlyMode(!on);
  };

  const signOut = () => {
    clearToken();
    forgetMember();
    void Taro.reLaunch({ url: ROUTES.login });
  };

  if (!member.data) {
    return (
      <Screen>
        {member.status === 'error' ? (
          <ErrorState error={member.error} onRetry={member.reload} />
        ) : (
          <Loading />
        )}
      </Screen>
    );
  }
  const me = member.data.member;

  return (
    <Screen>
      <Card title={TEXT.messages}>
        <View className="badges">
          <Text className={unread ? 'badge badge--strong' : 'badge badge--muted'}>
            {unread ? `● ${TEXT.unread(unread)}` : TEXT.noUnread}
          </Text>
        </View>
        <Button className="btn btn--primary" onClick={() => go(ROUTES.inbox)}>
          {TEXT.openMessages}
        </Button>
      </Card>

      <Card title={TEXT.needs}>
        <Text className="muted">{TEXT.needsHint}</Text>
        <Button className="btn btn--primary" onClick={() => go(ROUTES.needReport)}>
          {TEXT.report}
        </Button>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.myNeeds)}>
          {TEXT.myNeeds}
        </Button>
      </Card>

      <Card title={TEXT.council}>
        <Text className="muted">{TEXT.councilHint}</Text>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.council)}>
          {TEXT.openCouncil}
        </Button>
      </Card>

      <Card title={TEXT.profile}>
        <Text className="kv">
          <Text className="kv__key">{TEXT.name}</Text>
          {me.displayName}
        </Text>
        <Text className="kv">
          <Text className="kv__key">{TEXT.phone}</Text>
          {me.phoneMasked ?? TEXT.noPhone}
        </Text>
        <Text className="kv">
          <Text className="kv__key">{TEXT.role}</Text>
          {ROLE_LABELS[me.role]}
        </Text>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.profile)}>
          {TEXT.editProfile}
        </Button>
      </Card>

      <Card title={TEXT.display}>
        <SwitchRow
          label={TEXT.elderly}
          description={TEXT.elderlyHint}
          checked={elderlyMode}
          pending={saveElderly.pending}
          onChange={(on) => void toggleElderly(on)}
        />
        <FormError error={saveElderly.error} />
      </Card>

      <Card title={TEXT.family}>
        <Text className="muted">{TEXT.familyHint}</Text>
        {me.family.length === 0 ? (
          <Text className="list-item">{TEXT.noFamily}</Text>
        ) : (
          <View>
            {me.family.map((person) => (
              <Text key={person.id} className="list-item">
                {person.displayName}（{person.relation}）
              </Text>
            ))}
          </View>
        )}
        <Button className="btn btn--primary" onClick={() => go(ROUTES.family)}>
          {TEXT.addFamily}
        </Button>
      </Card>

      <Card title={TEXT.invite}>
        <Text className="muted">{TEXT.inviteHint}</Text>
        <Button className="btn btn--plain" onClick={() => go(ROUTES.join)}>
          {TEXT.join}
        </Button>
      </Card>

      {process.env.TARO_ENV === 'h5' ? (
        <Button className="btn btn--plain" onClick={signOut}>
          {TEXT.signOut}
        </Button>
      ) : null}
    </Screen>
  );
}
