import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { FamilyMember } from '../../../../shared/contract/account';
import type { ActivityView } from '../../../../shared/contract/activities';
import { placeLabel } from '../../activity/describe';
import { call } from '../../api/client';
import { fieldMessage } from '../../api/errors';
import { registrationsApi } from '../../api/functions/registrations';
import { askForSubscription } from '../../api/subscribe';
import { Card } from '../../components/Card';
import { type Choice, ChoiceList } from '../../components/ChoiceList';
import { FormError } from '../../components/Status';
import { SubmitButton } from '../../components/SubmitButton';
import { useMutation } from '../../hooks/useMutation';
import { go, ROUTES } from '../../routes';

const TEXT = {
  title: '报名',
  forWhom: '为谁报名',
  self: '本人',
  addFamily: '替家人报名？先添加家人',
  signUp: '报名',
  waitlist: '名额已满，报名候补',
  busy: '正在报名…',
  allDone: (withFamily: boolean) => (withFamily ? '您和家人都已报名这个活动。' : '您已报名这个活动。'),
} as const;

const SELF = 'self';

export interface SignUpOutcome {
  name: string;
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  alreadyRegistered: boolean;
}

export interface SignUpPanelProps {
  activity: ActivityView;
  family: readonly FamilyMember[];
  onSignedUp: (outcome: SignUpOutcome) => void;
}

/** For whom (本人 or a family member), then one button; a full activity offers the waitlist instead. */
export function SignUpPanel({ activity, family, onSignedUp }: SignUpPanelProps) {
  const held = new Map(
    activity.mine.filter((r) => r.status !== 'cancelled').map((r) => [r.forMemberId ?? SELF, r]),
  );
  const choices: Choice[] = [
    { value: SELF, label: TEXT.self },
    ...family.map((f) => ({ value: f.id, label: `${f.displayName}（${f.relation}）` })),
  ].map((choice) => {
    const place = held.get(choice.value);
    return place
      ? { ...choice, disabled: true, note: placeLabel(place.status, place.waitlistPosition).text }
      : choice;
  });
  const free = choices.filter((c) => !c.disabled);
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = chosen && free.some((c) => c.value === chosen) ? chosen : (free[0]?.value ?? null);
  const signUp = useMutation((forMemberId: string | null, options) =>
    call(
      registrationsApi,
      'signUp',
      forMemberId ? { activityId: activity.id, forMemberId } : { activityId: activity.id },
      options,
    ),
  );

  const submit = async () => {
    if (!selected) return;
    // WeChat allows the consent request only straight from the tap; the sign-up never waits for it.
    askForSubscription();
    const forMemberId = selected === SELF ? null : selected;
    const outcome = await signUp.run(forMemberId);
    if (!outcome.ok) return;
    const name = choices.find((c) => c.value === selected)?.label ?? TEXT.self;
    onSignedUp({ name, ...outcome.data });
  };

  return (
    <Card title={TEXT.title}>
      {free.length === 0 ? (
        <Text className="muted">{TEXT.allDone(family.length > 0)}</Text>
      ) : (
        <>
          <ChoiceList
            label={TEXT.forWhom}
            layout="grid"
            choices={choices}
            selected={selected}
            error={fieldMessage(signUp.error, 'forMemberId')}
            onSelect={setChosen}
          />
          <FormError error={signUp.error} />
          <SubmitButton
            label={activity.seatsLeft > 0 ? TEXT.signUp : TEXT.waitlist}
            busy={signUp.pending}
            busyLabel={TEXT.busy}
            onSubmit={() => void submit()}
          />
        </>
      )}
      {family.length === 0 ? (
        <View>
          <Button className="btn btn--link" onClick={() => go(ROUTES.family)}>
            {TEXT.addFamily}
          </Button>
        </View>
      ) : null}
    </Card>
  );
}
