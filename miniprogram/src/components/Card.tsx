import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

/** A titled block of a page. */
export function Card({ title, children }: PropsWithChildren<{ title?: string }>) {
  return (
    <View className="card">
      {title ? <Text className="card__title">{title}</Text> : null}
      {children}
    </View>
  );
}
