import type { MemberView } from '../../shared/contract/account';
import type { ActivityView } from '../../shared/contract/activities';
import type { TopicView } from '../../shared/contract/councils';
import type { Figures, TrendPoint } from '../../shared/contract/summary';

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
    organizationId: null,
    organizationName: null,
    status: 'published',
    cancelReason: null,
    signupOpen: true,
    mine: [],
    ...overrides,
  };
}

/** A summary's figures (`summary.*`): a month of a busy centre; override what a test cares about. */
export function figuresView(overrides: Partial<Figures> = {}): Figures {
  return {
    activitiesPlanned: 12,
    activitiesHeld: 10,
    activitiesCancelled: 1,
    heldRate: 0.833,
    registrations: 260,
    attendances: 231,
    uniqueResidents: 118,
    noShows: 19,
    attendanceRate: 0.924,
    noShowRate: 0.076,
    checkinsScanned: 200,
    checkinsManual: 25,
    checkinsWalkIn: 6,
    attendancesProxy: 12,
    ratings: 57,
    averageRating: 4.42,
    histogram: [1, 2, 4, 16, 34],
    tags: [],
    ratingsProxy: 3,
    needsReported: 9,
    needsResolved: 6,
    needsDeclined: 1,
    needsClosureRate: 0.778,
    averageReplyHours: 20.5,
    needsOverdue: 0,
    topicsProposed: 3,
    topicsDeliberated: 2,
    topicsDone: 1,
    averageTopicDays: 21,
    topicAverageRating: null,
    organizationsIncubated: 1,
    categories: [],
    ...overrides,
  };
}

/** One month of a trend line. */
export function trendPoint(month: string, overrides: Partial<TrendPoint> = {}): TrendPoint {
  return {
    month,
    activitiesPlanned: 12,
    activitiesHeld: 10,
    attendances: 231,
    uniqueResidents: 118,
    ratings: 57,
    averageRating: 4.42,
    needsReported: 9,
    ...overrides,
  };
}

/** A council topic as `councils.list` describes it: an open parking topic of 朝阳 with 4 supporters. */
export function topicView(overrides: Partial<TopicView> = {}): TopicView {
  return {
    topicId: 't-parking',
    centerId: 'c-chaoyang',
    centerName: '朝阳幸福邻里中心',
    title: '晚上小区停车太乱',
    description: '车停到消防通道上，救护车进不来。',
    category: 'parking',
    status: 'open',
    held: false,
    supporters: 4,
    mine: false,
    supported: false,
    fromNeed: false,
    meeting: null,
    resolution: null,
    progress: [],
    doneAt: null,
    idle: false,
    rating: { count: 0, average: null },
    canRate: false,
    createdAt: '2026-11-02T02:00:00.000Z',
    ...overrides,
  };
}
