import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A field's problem under it, prefixed with ⚠ so it is not carried by colour alone; read out when it appears. */
export function FieldError({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <View role="alert">
      <Text className="field__error">⚠ {error}</Text>
    </View>
  );
}

/** The frame every text entry shares, so a box, its label and its error line up the same on each form. */
export function Field({
  label,
  error,
  children,
}: {
  label: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <View className={error ? 'field field--invalid' : 'field'}>
      <Text className="field__label">{label}</Text>
      {children}
      <FieldError error={error} />
    </View>
  );
}
