import type { MemberView } from '../../shared/contract/account';
import type { ActivityView } from '../../shared/contract/activities';

/** A resident as `account.whoami` describes them; override what a test cares about. */
export function residentView(overrides: Partial<MemberView> = {}): MemberView {
  return {
    role: 'resident',
    displayName: '王秀英',
    homeCenterId: null,
    centerId: null,
    streetId: null,
    elderlyMode: false,
    phoneMasked: '138****1234',
    family: [],
    ...overrides,
  };
}

export const ok = <T>(data: T) => ({ ok: true as const, data });

/** An activity as `activities.get` / `listMonth` describe it: Saturday 28 November 2026, 14:00–16:00 in Huzhou. */
export function activityView(overrides: Partial<ActivityView> = {}): ActivityView {
  return {
    id: 'a-taiji',
    centerId: 'c-chaoyang',
    centerName: '朝阳幸福邻里中心',
    month: '2026-11',
    category: 'culture_sports',
    title: '社区太极拳',
    description: '老师带大家一起练太极。',
    place: '中心一楼活动室',
    startAt: '2026-11-28T06:00:00.000Z',
    endAt: '2026-11-28T08:00:00.000Z',
    signupDeadline: '2026-11-28T04:00:00.000Z',
    capacity: 20,
    confirmed: 17,
    waitlisted: 0,
    seatsLeft: 3,
    tags: ['适合老人'],
    needIds: [],
    status: 'published',
    cancelReason: null,
    signupOpen: true,
    mine: [],
    ...overrides,
  };
}
