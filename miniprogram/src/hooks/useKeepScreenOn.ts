import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/**
 * weapp: the screen stays lit while the page is open (a pass waiting in the queue at the door must not go
 * dark), and may sleep again when the page closes. h5 leaves it to the browser.
 */
export function useKeepScreenOn(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const set = (keepScreenOn: boolean) =>
      void Promise.resolve(Taro.setKeepScreenOn({ keepScreenOn })).catch(() => undefined);
    set(true);
    return () => set(false);
  }, []);
}
