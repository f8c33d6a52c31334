import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { OutputOf } from '../../../shared/contract';
import type { MemberView } from '../../../shared/contract/account';
import { type ClientError, call } from '../api/client';
import { accountApi } from '../api/functions/account';
import { ROUTES } from '../routes';
import { setElderlyMode } from './fontScale';
import { createStore, useStore } from './store';

export type Whoami = OutputOf<'account', 'whoami'>;

export type MemberState =
  | { status: 'loading'; data: Whoami | null }
  | { status: 'ready'; data: Whoami }
  | { status: 'error'; data: Whoami | null; error: ClientError };

const memberStore = createStore<MemberState>({ status: 'loading', data: null });
let inFlight: Promise<void> | null = null;
let loadedOnce = false;

/** Asks the account function who we are. Concurrent callers share one request. */
export function reloadMember(): Promise<void> {
  if (inFlight) return inFlight;
  memberStore.set({ status: 'loading', data: memberStore.get().data });
  inFlight = call(accountApi, 'whoami', {}).then((outcome) => {
    inFlight = null;
    loadedOnce = true;
    if (outcome.ok) {
      memberStore.set({ status: 'ready', data: outcome.data });
      setElderlyMode(outcome.data.member.elderlyMode);
      return;
    }
    memberStore.set({ status: 'error', data: memberStore.get().data, error: outcome.error });
    // Local mode: no session (or an expired one) means the sign-in page.
    if (outcome.error.code === 'UNAUTHENTICATED' && process.env.TARO_ENV === 'h5') {
      void Taro.reLaunch({ url: ROUTES.login });
    }
  });
  return inFlight;
}

/** After a mutation that returns the member, keep what we know in step without another round trip. */
export function applyMember(member: MemberView): void {
  const current = memberStore.get().data;
  if (!current) return void reloadMember();
  memberStore.set({ status: 'ready', data: { ...current, member } });
}

/** Sign-out (local mode) forgets everything about the previous person. */
export function forgetMember(): void {
  loadedOnce = false;
  memberStore.set({ status: 'loading', data: null });
}

export function useMember(): MemberState & { reload: () => Promise<void> } {
  const state = useStore(memberStore);
  useEffect(() => {
    if (!loadedOnce) void reloadMember();
  }, []);
  return { ...state, reload: reloadMember };
}
