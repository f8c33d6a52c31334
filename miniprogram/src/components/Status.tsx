import { Button, Text, View } from '@tarojs/components';
import type { ClientError } from '../api/client';

const TEXT = {
  loading: '正在加载…',
  retry: '重新加载',
  errorTitle: '没能加载出来',
} as const;

export function Loading({ text = TEXT.loading }: { text?: string }) {
  return (
    <View className="status" role="status" aria-live="polite">
      <Text className="status__text">{text}</Text>
    </View>
  );
}

/** What went wrong, in the function's own words, and one way forward. */
export function ErrorState({ error, onRetry }: { error: ClientError; onRetry: () => void }) {
  return (
    <View className="status status--error" role="alert">
      <Text className="status__title">⚠ {TEXT.errorTitle}</Text>
      <Text className="status__text">{error.message}</Text>
      <Button className="btn btn--primary" onClick={onRetry}>
        {TEXT.retry}
      </Button>
    </View>
  );
}

export interface EmptyStateProps {
  title: string;
  hint?: string;
  actionText?: string;
  onAction?: () => void;
}

export function EmptyState({ title, hint, actionText, onAction }: EmptyStateProps) {
  return (
    <View className="status">
      <Text className="status__title">{title}</Text>
      {hint ? <Text className="status__text">{hint}</Text> : null}
      {actionText && onAction ? (
        <Button className="btn btn--primary" onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}

/** A one-line error under a form, for failures that are not about one field. */
export function FormError({ error }: { error: ClientError | null }) {
  if (!error || error.issues?.length) return null;
  return (
    <View role="alert">
      <Text className="form-error">⚠ {error.message}</Text>
    </View>
  );
}
