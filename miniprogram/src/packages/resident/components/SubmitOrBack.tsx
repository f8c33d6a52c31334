import { Button } from '@tarojs/components';
import type { ClientError } from '../../../api/client';
import { FormError } from '../../../components/Status';
import { SubmitButton } from '../../../components/SubmitButton';
import { goBack } from '../../../routes';

const TEXT = {
  submitting: '正在提交…',
  back: '返回',
} as const;

/** The foot of a resident's report form: what went wrong, send it, or go back without sending. */
export function SubmitOrBack({
  label,
  error,
  busy,
  onSubmit,
}: {
  label: string;
  error: ClientError | null;
  busy: boolean;
  onSubmit: () => void;
}) {
  return (
    <>
      <FormError error={error} />
      <SubmitButton label={label} busy={busy} busyLabel={TEXT.submitting} onSubmit={onSubmit} />
      <Button className="btn btn--plain" onClick={goBack}>
        {TEXT.back}
      </Button>
    </>
  );
}
