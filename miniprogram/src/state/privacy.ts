import Taro from '@tarojs/taro';
import { createStore, useStore } from './store';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

/** The id of the `agreePrivacyAuthorization` button; WeChat checks that this button was really tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

const pending = createStore<Resolve | null>(null);

/**
 * weapp: WeChat asks before the first privacy-relevant API (e.g. copying an invite code). We show our own
 * sheet, on whatever page is open, and answer with the resident's choice.
 */
export function listenForPrivacyRequests(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    pending.set(resolve);
  });
}

export function answerPrivacy(agree: boolean): void {
  const resolve = pending.get();
  if (!resolve) return;
  pending.set(null);
  resolve(agree ? { buttonId: PRIVACY_AGREE_BUTTON_ID, event: 'agree' } : { event: 'disagree' });
}

export function usePrivacyRequest(): boolean {
  return useStore(pending) !== null;
}
