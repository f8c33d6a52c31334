import { Button } from '@tarojs/components';

export interface SubmitButtonProps {
  /** What the button does, e.g. 保存. */
  label: string;
  /** While true the button says `busyLabel` and ignores taps. */
  busy: boolean;
  busyLabel: string;
  onSubmit: () => void;
}

/** A form's one primary action; while it runs the button says so in words. */
export function SubmitButton({ label, busy, busyLabel, onSubmit }: SubmitButtonProps) {
  return (
    <Button
      className={busy ? 'btn btn--primary btn--busy' : 'btn btn--primary'}
      // Only set when true: Taro's h5 button keeps a `disabled` attribute even for false.
      {...(busy ? { disabled: true } : {})}
      onClick={() => {
        if (!busy) onSubmit();
      }}
    >
      {busy ? busyLabel : label}
    </Button>
  );
}
