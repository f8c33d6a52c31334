import { NEED_CATEGORY_LABELS, NEED_STATUS_LABELS, type NeedStatus } from '../../../shared/contract/needs';
import type { Label, Tone } from '../activity/describe';

const STATUS_TONES: Record<NeedStatus, Tone> = {
  submitted: 'warn',
  acknowledged: 'warn',
  planned: 'ok',
  resolved: 'ok',
  declined: 'muted',
};

/** A need's status in words (暂不安排 with its reason); done ones carry ✓ so the tone is not colour alone. */
export function needStatusLabel(status: NeedStatus, reason: string | null = null): Label {
  const done = status === 'planned' || status === 'resolved';
  const words = NEED_STATUS_LABELS[status];
  const text = status === 'declined' && reason ? `${words}：${reason}` : words;
  return { text: done ? `✓ ${text}` : text, tone: STATUS_TONES[status] };
}

export const categoryLabel = (category: keyof typeof NEED_CATEGORY_LABELS): string =>
  NEED_CATEGORY_LABELS[category];
