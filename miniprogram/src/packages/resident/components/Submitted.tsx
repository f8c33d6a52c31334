import { Button, Text, View } from '@tarojs/components';

const TEXT = {
  held: '内容需要工作人员看一下，审核前只有您能看到。',
  another: '再提一个',
} as const;

export interface SubmittedProps {
  /** The ✓ line, e.g. ✓ 已提交. */
  title: string;
  /** What happens next, and where to follow it. */
  hint: string;
  /** Moderation holds it: say that only the resident sees it until staff have looked. */
  held: boolean;
  /** The way on from here, as the primary button. */
  nextLabel: string;
  onNext: () => void;
  /** Back to an empty form. */
  onAnother: () => void;
}

/** What a resident sees once a need or a topic is in: it was sent, whether it waits for review, and what next. */
export function Submitted({ title, hint, held, nextLabel, onNext, onAnother }: SubmittedProps) {
  return (
    <>
      <View className="result" role="status">
        <Text className="result__title">{title}</Text>
        <Text className="result__text">{hint}</Text>
      </View>
      {held ? (
        <View className="notice" role="status">
          <Text>⚠ {TEXT.held}</Text>
        </View>
      ) : null}
      <Button className="btn btn--primary" onClick={onNext}>
        {nextLabel}
      </Button>
      <Button className="btn btn--plain" onClick={onAnother}>
        {TEXT.another}
      </Button>
    </>
  );
}
