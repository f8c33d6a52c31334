import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useFontScale } from '../state/fontScale';
import { PrivacySheet } from './PrivacySheet';

/**
 * Every page's root. Its font size is the resident's chosen scale and everything inside is sized in `em`,
 * so the elderly switch (or WeChat's own font setting) grows text, buttons and spacing together.
 */
export function Screen({ children }: PropsWithChildren) {
  const { fontPx, large } = useFontScale();
  return (
    <View className={large ? 'screen screen--large' : 'screen'} style={{ fontSize: `${fontPx}px` }}>
      {children}
      <PrivacySheet />
    </View>
  );
}
