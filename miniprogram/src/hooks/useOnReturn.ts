import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `action` each time the page shows again (back from a detail page, or a tab switched to), not on the
 * first show, when the page's own load is already running.
 */
export function useOnReturn(action: () => void): void {
  const shownBefore = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;
  useDidShow(() => {
    if (shownBefore.current) actionRef.current();
    shownBefore.current = true;
  });
}
