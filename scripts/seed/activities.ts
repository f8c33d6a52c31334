/**
 * Demo month lists: for every operating center, activities of last month, this month and next in all three categories,
 * with neighbours already signed up. Written as the functions would write them: each registration is on the
 * activity's `seats`, and the counters equal the records.
 */
import dayjs from 'dayjs';
import type { Category } from '../../shared/contract/activities';
import { local, monthOf, TIME_ZONE } from '../../shared/rules/time';

type Doc = Record<string, unknown> & { _id: string };

const CATALOG: Record<
  Category,
  { title: string; place: string; capacity: number; tags: string[]; description: string }[]
> = {
  culture_sports: [
    {
      title: '太极拳晨练',
      place: '中心广场',
      capacity: 30,
      tags: ['适合老人', '户外'],
      description: '老师带练二十四式太极拳，动作慢，适合中老年朋友。',
    },
    {
      title: '书法兴趣班',
      place: '二楼书画室',
      capacity: 16,
      tags: ['适合老人'],
      description: '从握笔开始，写春联、写福字。纸墨由中心准备。',
    },
    {
      title: '亲子绘本阅读',
      place: '一楼阅览室',
      capacity: 20,
      tags: ['亲子'],
      description: '志愿者老师给孩子讲绘本，家长一起参加。',
    },
    {
      title: '合唱团排练',
      place: '三楼多功能厅',
      capacity: 40,
      tags: ['适合老人'],
      description: '排练红歌和湖州民歌，欢迎新朋友加入。',
    },
  ],
  convenience: [
    {
      title: '义诊：量血压测血糖',
      place: '一楼服务大厅',
      capacity: 50,
      tags: ['适合老人', '免费'],
      description: '社区医院医生坐诊，免费量血压、测血糖，解答用药问题。',
    },
    {
      title: '智能手机课堂',
      place: '二楼电脑室',
      capacity: 15,
      tags: ['适合老人'],
      description: '教大家用微信视频、扫码付款、挂号，手把手教。',
    },
    {
      title: '理发进社区',
      place: '一楼服务大厅',
      capacity: 25,
      tags: ['适合老人', '免费'],
      description: '理发师志愿者上门服务，行动不便的可以预约上门。',
    },
  ],
  micro_governance: [
    {
      title: '邻里议事会：小区停车',
      place: '三楼会议室',
      capacity: 20,
      tags: [],
      description: '居民代表、物业和业委会一起商量停车位怎么划、怎么管。',
    },
    {
      title: '垃圾分类宣讲',
      place: '中心广场',
      capacity: 40,
      tags: ['亲子'],
      description: '讲清楚四分类，现场答题有小礼品。',
    },
  ],
};

/** The day of month, hour and category of each activity in a month; spread so every week has something. */
const PLAN: { day: number; hour: number; category: Category; pick: number }[] = [
  { day: 3, hour: 9, category: 'culture_sports', pick: 0 },
  { day: 6, hour: 9, category: 'convenience', pick: 0 },
  { day: 9, hour: 14, category: 'micro_governance', pick: 0 },
  { day: 12, hour: 14, category: 'convenience', pick: 1 },
  { day: 15, hour: 9, category: 'culture_sports', pick: 1 },
  { day: 18, hour: 14, category: 'convenience', pick: 2 },
  { day: 21, hour: 19, category: 'culture_sports', pick: 3 },
  { day: 24, hour: 10, category: 'culture_sports', pick: 2 },
  { day: 27, hour: 14, category: 'micro_governance', pick: 1 },
];

export function demoActivities(
  centers: { id: string; name: string; streetId: string }[],
  neighbours: Map<string, { openid: string; displayName: string }[]>,
  now: Date,
): { activities: Doc[]; registrations: Doc[] } {
  const activities: Doc[] = [];
  const registrations: Doc[] = [];
  const thisMonth = local(now).startOf('month');
  const months = [thisMonth.subtract(1, 'month'), thisMonth, thisMonth.add(1, 'month')];
  for (const center of centers) {
    const people = neighbours.get(center.id) ?? [];
    for (const month of months) {
      for (const [n, slot] of PLAN.entries()) {
        const item = CATALOG[slot.category][slot.pick % CATALOG[slot.category].length];
        if (!item) continue;
        const start = dayjs.tz(
          `${month.format('YYYY-MM')}-${String(slot.day).padStart(2, '0')} ${slot.hour}:00`,
          TIME_ZONE,
        );
        const end = start.add(2, 'hour');
        const ended = end.valueOf() < now.getTime();
        const id = `a-demo-${center.id.slice(2)}-${start.format('MMDD')}-${n}`;
        const takers = people.slice(0, (n % 4) + 1);
        const monthKey = monthOf(start.toDate());
        const regs = takers.map((p) => ({
          _id: `${id}-${p.openid}`,
          activityId: id,
          centerId: center.id,
          month: monthKey,
          openid: p.openid,
          forMemberId: null,
          displayName: p.displayName,
          status: ended ? 'attended' : 'confirmed',
          cancelledBy: null,
          round: 1,
          title: item.title,
          place: item.place,
          startAt: start.toDate(),
          endAt: end.toDate(),
          createdAt: start.subtract(5, 'day').toDate(),
          passId: null,
          passSecret: null,
          checkedInAt: ended ? start.add(5, 'minute').toDate() : null,
          checkedInBy: null,
          checkInMethod: ended ? 'manual' : null,
        }));
        registrations.push(...regs);
        activities.push({
          _id: id,
          centerId: center.id,
          streetId: center.streetId,
          centerName: center.name,
          month: monthKey,
          category: slot.category,
          title: item.title,
          description: item.description,
          place: item.place,
          startAt: start.toDate(),
          endAt: end.toDate(),
          signupDeadline: start.subtract(2, 'hour').toDate(),
          capacity: item.capacity,
          tags: item.tags,
          needIds: [],
          status: ended ? 'closed' : 'published',
          confirmed: regs.length,
          waitlisted: 0,
          seats: regs.map((r) => r._id),
          queue: [],
          seatsVersion: regs.length,
          cancelReason: null,
          publishedAt: start.subtract(15, 'day').toDate(),
          ratings: 0,
          ratingSum: 0,
          createdBy: 'seed',
          createdAt: start.subtract(20, 'day').toDate(),
          updatedAt: now,
        });
      }
    }
  }
  return { activities, registrations };
}
