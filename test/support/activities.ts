import type { InputOf } from '../../shared/contract';

type Draft = InputOf<'activities', 'saveDraft'>;

const DAY = 24 * 3600_000;

/** A valid draft starting `daysAhead` days from now at 14:00 China time, sign-up open until an hour before. */
export function draftActivity(overrides: Partial<Draft> = {}, daysAhead = 10): Draft {
  const day = new Date(Date.now() + daysAhead * DAY);
  const start = new Date(`${day.toISOString().slice(0, 10)}T14:00:00+08:00`);
  return {
    category: 'culture_sports',
    title: '社区太极拳晨练',
    description: '老师带大家一起练太极，适合中老年朋友。',
    place: '中心一楼活动室',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    signupDeadline: new Date(start.getTime() - 3600_000).toISOString(),
    capacity: 20,
    tags: ['适合老人'],
    ...overrides,
  };
}
