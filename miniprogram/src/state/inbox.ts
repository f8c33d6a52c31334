import Taro from '@tarojs/taro';
import { call } from '../api/client';
import { notifyApi } from '../api/functions/notify';
import { ME_TAB_INDEX } from '../routes';
import { createStore, useStore } from './store';

/** How many messages the person has not read yet; null until first asked. */
const unreadStore = createStore<number | null>(null);

/** The number on the 我的 tab. Only tab pages can set it; elsewhere WeChat refuses, which is harmless. */
function showOnTab(unread: number): void {
  const done =
    unread > 0
      ? Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index: ME_TAB_INDEX });
  void Promise.resolve(done).catch(() => undefined);
}

export function setUnread(unread: number): void {
  unreadStore.set(unread);
  showOnTab(unread);
}

/** Asks for the count again (tab pages call this when they show). A failure keeps the last count. */
export async function refreshUnread(): Promise<void> {
  const outcome = await call(notifyApi, 'inbox', {});
  if (outcome.ok) setUnread(outcome.data.unread);
}

export function useUnread(): number | null {
  return useStore(unreadStore);
}
