import type { InputOf } from '../../../../../shared/contract';
import {
  type ActivityView,
  activityDraftSchema,
  type Category,
} from '../../../../../shared/contract/activities';
import { local, monthOf } from '../../../../../shared/rules/time';
import type { ClientError } from '../../../api/client';
import { validationError } from '../../../api/errors';

/** The draft form as staff fill it in: a date and clock times instead of ISO instants, text for numbers. */
export interface DraftFields {
  category: Category | null;
  title: string;
  description: string;
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  tags: string[];
  /** The community organization of the center that runs it, if any. */
  organizationId: string | null;
  /** Needs it answers: not edited here, kept as they are. */
  needIds: string[];
}

export type DraftInput = InputOf<'activities', 'saveDraft'>;

/** Huzhou time: every center is in China Standard Time. */
const instant = (date: string, time: string) => `${date}T${time}:00+08:00`;

/** A new draft in `month`: tomorrow if that falls in the month, else its first day; 14:00–16:00. */
export function blankDraft(month: string, now: Date = new Date()): DraftFields {
  const tomorrow = local(now).add(1, 'day');
  const date = monthOf(tomorrow.toDate()) === month ? tomorrow.format('YYYY-MM-DD') : `${month}-01`;
  return {
    category: null,
    title: '',
    description: '',
    place: '',
    date,
    startTime: '14:00',
    endTime: '16:00',
    capacity: '',
    deadlineDate: date,
    deadlineTime: '12:00',
    tags: [],
    organizationId: null,
    needIds: [],
  };
}

export function fieldsOf(a: ActivityView): DraftFields {
  return {
    category: a.category,
    title: a.title,
    description: a.description,
    place: a.place,
    date: local(a.startAt).format('YYYY-MM-DD'),
    startTime: local(a.startAt).format('HH:mm'),
    endTime: local(a.endAt).format('HH:mm'),
    capacity: String(a.capacity),
    deadlineDate: local(a.signupDeadline).format('YYYY-MM-DD'),
    deadlineTime: local(a.signupDeadline).format('HH:mm'),
    tags: a.tags,
    organizationId: a.organizationId,
    needIds: a.needIds,
  };
}

/**
 * The form checked with the very schema the function uses: either the draft to send, or the error whose
 * issues name the fields (as a VALIDATION reply from the server would).
 */
export function checkDraft(
  f: DraftFields,
  activityId: string | null,
): { ok: true; draft: DraftInput } | { ok: false; error: ClientError } {
  const capacity = f.capacity.trim();
  const parsed = activityDraftSchema.safeParse({
    ...(activityId ? { activityId } : {}),
    category: f.category ?? undefined,
    title: f.title,
    description: f.description,
    place: f.place,
    startAt: instant(f.date, f.startTime),
    endAt: instant(f.date, f.endTime),
    capacity: capacity === '' ? undefined : Number(capacity),
    signupDeadline: instant(f.deadlineDate, f.deadlineTime),
    tags: f.tags,
    organizationId: f.organizationId,
    needIds: f.needIds,
  });
  return parsed.success
    ? { ok: true, draft: parsed.data }
    : { ok: false, error: validationError(parsed.error) };
}

/** Which form field shows an issue: the times and tags group their sub-paths. */
export function formFieldOf(issuePath: string): keyof DraftFields | 'other' {
  const head = issuePath.split('.')[0] ?? '';
  switch (head) {
    case 'startAt':
      return 'startTime';
    case 'endAt':
      return 'endTime';
    case 'signupDeadline':
      return 'deadlineTime';
    case 'category':
    case 'title':
    case 'description':
    case 'place':
    case 'capacity':
    case 'tags':
    case 'organizationId':
      return head;
    default:
      return 'other';
  }
}

export function errorsByField(
  error: ClientError | null,
): Partial<Record<keyof DraftFields | 'other', string>> {
  const out: Partial<Record<keyof DraftFields | 'other', string>> = {};
  for (const issue of error?.issues ?? []) {
    const field = formFieldOf(issue.field);
    out[field] ??= issue.message;
  }
  return out;
}
