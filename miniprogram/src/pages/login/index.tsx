import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Role } from '../../../../shared/contract/common';
import { listPersonas, type Persona, signInAs } from '../../api/devSession';
import type { ClientError } from '../../api/errors';
import { Screen } from '../../components/Screen';
import { EmptyState, ErrorState, FormError, Loading } from '../../components/Status';
import { useRemote } from '../../hooks/useRemote';
import { ROLE_LABELS } from '../../labels';
import { ROUTES } from '../../routes';
import { forgetMember, reloadMember } from '../../state/member';

const TEXT = {
  title: '选择一位演示用户',
  lead: '本地演示模式：不用微信，点一位用户即可以他的身份进入。',
  empty: '还没有演示用户',
  emptyHint: '请先运行 npm run seed 准备演示数据。',
  signingIn: '正在进入…',
} as const;

const ROLE_ORDER: readonly Role[] = ['resident', 'staff', 'office', 'admin'];

/** Local mode only (h5): stands in for WeChat's sign-in with the seeded demo personas. */
export default function LoginPage() {
  const personas = useRemote(listPersonas);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ClientError | null>(null);

  const choose = async (persona: Persona) => {
    if (busy) return;
    setBusy(persona.persona);
    setError(null);
    const outcome = await signInAs(persona.persona);
    setBusy(null);
    if (!outcome.ok) return setError(outcome.error);
    forgetMember();
    void reloadMember();
    void Taro.reLaunch({ url: ROUTES.home });
  };

  const body = () => {
    if (personas.status === 'error' && !personas.data) {
      return <ErrorState error={personas.error} onRetry={personas.reload} />;
    }
    if (!personas.data) return <Loading />;
    if (personas.data.length === 0) return <EmptyState title={TEXT.empty} hint={TEXT.emptyHint} />;
    const list = personas.data;
    return ROLE_ORDER.filter((role) => list.some((p) => p.role === role)).map((role) => (
      <View key={role}>
        <Text className="group-title">{ROLE_LABELS[role]}</Text>
        <View className="choices choices--list">
          {list
            .filter((p) => p.role === role)
            .map((p) => (
              <View
                key={p.persona}
                className="choice"
                role="button"
                data-persona={p.persona}
                onClick={() => void choose(p)}
              >
                <Text className="choice__label">{busy === p.persona ? TEXT.signingIn : p.displayName}</Text>
                <Text className="choice__detail">{p.persona}</Text>
              </View>
            ))}
        </View>
      </View>
    ));
  };

  return (
    <Screen>
      <Text className="title">{TEXT.title}</Text>
      <Text className="lead">{TEXT.lead}</Text>
      <FormError error={error} />
      {body()}
    </Screen>
  );
}
