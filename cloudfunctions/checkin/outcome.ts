import { type CheckinOutcome, SCAN_MESSAGES, type ScanResult } from '../../shared/contract/checkin';
import type { RegistrationRecord } from '../records/activities';

export function outcome(
  result: ScanResult,
  reg?: RegistrationRecord,
  checkedInAt?: Date | null,
): CheckinOutcome {
  return {
    result,
    message: SCAN_MESSAGES[result],
    registrationId: reg?._id ?? null,
    displayName: reg?.displayName ?? null,
    activityTitle: reg?.title ?? null,
    checkedInAt: (checkedInAt ?? reg?.checkedInAt)?.toISOString() ?? null,
  };
}

/** Check-in opens an hour before the start and closes at the end. */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;

export const checkinOpen = (reg: { startAt: Date; endAt: Date }, now: Date) =>
  now.getTime() >= reg.startAt.getTime() - CHECKIN_OPENS_BEFORE_MS && now.getTime() <= reg.endAt.getTime();
