/**
 * Council topics (邻里议事会) as the `councils` function writes and moves them: proposed by a resident or raised
 * from a need, put on the agenda of a council meeting of the month list (社区微治理), decided after the meeting,
 * carried out with dated progress notes, finished and rated by the people who raised them. The meeting activity
 * lists its topics, who sat at the table and, once something was decided, the minutes.
 */
import { COUNCIL_ROLES, type TopicCategory } from '../../shared/contract/councils';
import { dayOf, monthOf } from '../../shared/rules/time';
import { guessTopicCategory, titleFromText, wholeDays } from '../../shared/rules/topics';
import type { YearCenter } from './city-year';
import type { Doc } from './index';
import type { Random } from './random';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

interface TopicTemplate {
  title: string;
  description: string;
  resolution: string;
  owner: string;
}

/** What residents bring to their council, with what such a council typically decides. */
const TOPICS: Record<TopicCategory, TopicTemplate[]> = {
  parking: [
    {
      title: '晚上小区停车乱，堵住消防通道',
      description: '晚上车停到消防通道和单元门口，救护车进不来，希望商量个办法。',
      resolution: '划定夜间临时停车区，消防通道画黄线、装挡车桩，志愿者劝导一个月',
      owner: '物业公司',
    },
    {
      title: '电动车推进楼道充电太危险',
      description: '不少人把电瓶车推进楼道甚至家里充电，去年隔壁小区就着过火。',
      resolution: '小区东门加装两组电动车充电桩，物业每周巡查楼道，发现推车进楼当场劝离',
      owner: '物业公司',
    },
    {
      title: '外来车辆占用小区车位',
      description: '附近上班的人白天把车停进来，住户下班回来没地方停。',
      resolution: '门岗登记外来车辆，住户车辆统一办证，白天临时停车按时收费',
      owner: '业委会',
    },
    {
      title: '小区停车位太少，晚上乱停车',
      description: '小区停车位太少，晚上乱停车，消防车都进不来。',
      resolution: '利用闲置绿地改建二十个生态停车位，车位按先登记先分配的办法轮换',
      owner: '业委会',
    },
  ],
  garbage: [
    {
      title: '垃圾分类投放点太远',
      description: '老人拎垃圾要走好几百米，很多人就扔在楼下了。',
      resolution: '在3号楼和8号楼之间增设一个定时投放点，早晚各开放两小时',
      owner: '物业公司',
    },
    {
      title: '厨余垃圾桶夏天有异味',
      description: '垃圾桶放在楼门口，夏天味道很大，还招苍蝇。',
      resolution: '厨余垃圾改为每天清运两次，投放点加装洗手池和除臭设备',
      owner: '物业公司',
    },
    {
      title: '大件垃圾堆着没人清运',
      description: '旧沙发、旧床垫堆在车棚角落一个多月了，没人管。',
      resolution: '每月第一个周六集中清运大件垃圾，提前三天在业主群通知',
      owner: '物业公司',
    },
    {
      title: '垃圾桶位置离楼太近，夏天有味道',
      description: '垃圾桶位置离楼太近，夏天有味道，低楼层的住户窗户都不敢开。',
      resolution: '投放点整体后移到围墙边，加装顶棚和冲洗水龙头',
      owner: '社区居委会',
    },
  ],
  environment: [
    {
      title: '绿化带被开垦成菜地',
      description: '有人把楼前的绿化带开垦成菜地，还浇粪水，味道很大。',
      resolution: '限期两周自行清理，腾出的地方改成共享花园，由居民认养',
      owner: '物业公司',
    },
    {
      title: '楼下烧烤店油烟太重',
      description: '楼下烧烤店油烟直排，晚上窗户都不能开。',
      resolution: '联系市场监管和城管上门，督促店家一个月内加装油烟净化器',
      owner: '社区居委会',
    },
    {
      title: '雨天小区门口积水',
      description: '一下大雨门口就积水，老人孩子进出都要蹚水。',
      resolution: '疏通雨水管网，门口路面加铺一条排水沟',
      owner: '物业公司',
    },
    {
      title: '广场舞音响声音太大',
      description: '晚上八点以后音响还开得很大声，影响孩子写作业、老人休息。',
      resolution: '广场舞队约定晚上八点半前结束，音量控制在规定分贝以内',
      owner: '社区居委会',
    },
  ],
  safety: [
    {
      title: '后门路灯坏了好几盏',
      description: '后门那一段路灯坏了，晚上黑乎乎的，老人不敢走。',
      resolution: '更换损坏的路灯，后门小路加装两盏太阳能灯',
      owner: '物业公司',
    },
    {
      title: '楼道堆物多，存在消防隐患',
      description: '楼道堆物多，存在消防隐患，纸箱旧家具堆到了楼梯口。',
      resolution: '发通知限期清理楼道，楼道长每周巡查一次，逾期由物业统一清运',
      owner: '社区居委会',
    },
    {
      title: '老楼楼梯没有扶手',
      description: '老楼楼梯没有扶手，老人上下楼容易摔倒。',
      resolution: '为六栋老楼加装楼梯扶手，费用从房屋维修资金中列支',
      owner: '业委会',
    },
    {
      title: '车棚附近监控有死角',
      description: '车棚附近没有监控，电瓶车电池被偷了好几次。',
      resolution: '车棚加装两个监控探头并接入门岗，夜间保安增加一次巡逻',
      owner: '物业公司',
    },
  ],
  neighbours: [
    {
      title: '楼上漏水邻居不肯修',
      description: '楼上卫生间漏水到我家，沟通了几次都没有结果。',
      resolution: '调解员组织双方协商，物业出具漏水鉴定，楼上一个月内完成维修',
      owner: '人民调解委员会',
    },
    {
      title: '遛狗不牵绳吓到孩子',
      description: '小区里有人遛狗不牵绳，孩子被吓哭了好几次。',
      resolution: '制定文明养犬公约，张贴提示牌，志愿者早晚劝导',
      owner: '社区居委会',
    },
    {
      title: '一起订个小区居民公约',
      description: '大家对晾晒、装修时间、楼道使用意见不一，想一起定个公约。',
      resolution: '起草居民公约征求意见稿，楼道长逐户征求意见后在居民大会表决',
      owner: '业委会',
    },
    {
      title: '周末一早装修噪音太大',
      description: '周末一早就开始装修，老人孩子都休息不好。',
      resolution: '明确装修时间为工作日八点到十二点、两点到六点，物业登记监督',
      owner: '物业公司',
    },
  ],
  other: [
    {
      title: '小区里想多几张公共座椅',
      description: '小区里走一圈没地方坐，老人走累了只能站着。',
      resolution: '在中心花园和主干道旁增设八张休闲座椅',
      owner: '社区居委会',
    },
    {
      title: '快递堆在单元门口容易丢',
      description: '快递员把包裹堆在单元门口，经常丢件。',
      resolution: '在中心一楼设快递代收点，联系各快递公司统一投放',
      owner: '邻里中心',
    },
    {
      title: '希望老小区加装电梯',
      description: '希望老小区加装电梯，五六楼的老人下楼一趟太难了。',
      resolution: '请专业机构出方案，费用按楼层系数分摊，一二楼住户给予适当补偿',
      owner: '业委会',
    },
    {
      title: '小区公共收益要公开',
      description: '广告位和停车费的收入用到哪里去了，希望定期公开。',
      resolution: '物业每季度在公告栏和业主群公示公共收益明细',
      owner: '业委会',
    },
  ],
};
const CATEGORY_WEIGHTS: [TopicCategory, number][] = [
  ['parking', 0.28],
  ['garbage', 0.2],
  ['environment', 0.17],
  ['safety', 0.15],
  ['neighbours', 0.12],
  ['other', 0.08],
];
const PROGRESS = [
  '已和相关单位对接，方案在公告栏公示',
  '施工队已进场，预计两周完成',
  '已完成一半，楼道长逐户上门说明',
  '费用已落实，正在采购材料',
  '已张贴通知，志愿者开始劝导',
];
const DONE_NOTES = ['已全部落实，回访居民都说好', '已办结，欢迎大家继续监督', '已完成并验收，效果不错'];

/** One council meeting: an activity of the month list (社区微治理) that topics are put on. */
interface Meeting {
  activityId: string;
  title: string;
  place: string;
  startAt: Date;
}

const meetingOf = (activity: Doc): Meeting => ({
  activityId: activity._id,
  title: String(activity.title),
  place: String(activity.place),
  startAt: activity.startAt as Date,
});

/** Council meetings proper (邻里议事会…), which take topics of any kind. */
export const isCouncilMeeting = (activity: Doc) =>
  activity.category === 'micro_governance' &&
  activity.status !== 'cancelled' &&
  String(activity.title).startsWith('邻里议事会');

/** Other local-governance activities that also deliberate topics of their own subject. */
const SUBJECT_MEETINGS: [titleStart: string, categories: TopicCategory[]][] = [
  ['垃圾分类', ['garbage', 'environment']],
  ['消防', ['safety']],
];

/** Whether staff would put a topic of `category` on the agenda of `activity`. */
function takes(activity: Doc, category: TopicCategory): boolean {
  if (isCouncilMeeting(activity)) return true;
  if (activity.category !== 'micro_governance' || activity.status === 'cancelled') return false;
  const title = String(activity.title);
  return SUBJECT_MEETINGS.some(
    ([start, categories]) => title.startsWith(start) && categories.includes(category),
  );
}

/** What a topic is about and who raised it, before anything happened to it. */
interface Proposal {
  _id: string;
  center: { id: string; name: string; streetId: string };
  template: TopicTemplate;
  category: TopicCategory;
  proposer: string;
  supporters: string[];
  needId: string | null;
  createdAt: Date;
}

/** What became of a topic; each step at its time, all of them no later than now. */
interface Fate {
  meeting: Meeting | null;
  scheduledAt: Date | null;
  outcome: { recordedAt: Date; dueDate: string; by: string } | null;
  progress: { note: string; at: Date; by: string }[];
  doneAt: Date | null;
  ratings: { openid: string; rating: number }[];
}

const OPEN: Fate = {
  meeting: null,
  scheduledAt: null,
  outcome: null,
  progress: [],
  doneAt: null,
  ratings: [],
};

/** A need's words as a topic, the way `raiseFromNeed` turns them into one. */
function needTemplate(random: Random, text: string): { template: TopicTemplate; category: TopicCategory } {
  const title = titleFromText(text);
  const category = guessTopicCategory(text);
  const known = TOPICS[category].find((t) => t.title === title);
  return {
    category,
    template: known ?? { ...random.pick(TOPICS[category]), title, description: text },
  };
}

/** The `topics` document of a proposal that went through `fate`. */
function topicRecord(p: Proposal, fate: Fate): Doc {
  const ratingSum = fate.ratings.reduce((sum, r) => sum + r.rating, 0);
  const steps = [
    p.createdAt,
    fate.scheduledAt,
    fate.outcome?.recordedAt ?? null,
    ...fate.progress.map((n) => n.at),
    fate.doneAt,
  ].filter((at): at is Date => at !== null);
  const status = fate.doneAt ? 'done' : fate.outcome ? 'resolved' : fate.meeting ? 'scheduled' : 'open';
  return {
    _id: p._id,
    centerId: p.center.id,
    streetId: p.center.streetId,
    centerName: p.center.name,
    month: monthOf(p.createdAt),
    title: p.template.title,
    description: p.template.description,
    category: p.category,
    status,
    held: false,
    proposer: p.proposer,
    needId: p.needId,
    supporters: p.supporters,
    supportCount: p.supporters.length,
    meeting: fate.meeting,
    resolution: fate.outcome && {
      text: p.template.resolution,
      owner: p.template.owner,
      dueDate: fate.outcome.dueDate,
      recordedAt: fate.outcome.recordedAt,
      by: fate.outcome.by,
    },
    progress: fate.progress,
    doneAt: fate.doneAt,
    doneDays: fate.doneAt ? wholeDays(p.createdAt, fate.doneAt) : null,
    raters: fate.ratings.map((r) => r.openid),
    ratingCount: fate.ratings.length,
    ratingSum,
    createdAt: p.createdAt,
    lastActionAt: new Date(Math.max(...steps.map((at) => at.getTime()))),
  };
}

/**
 * What `schedule` and `recordOutcome` leave on a meeting activity: its agenda, who sat at the table and, once a
 * topic on it was decided, the minutes.
 */
function agendaOn(random: Random, activity: Doc, topics: Doc[]): void {
  activity.topicIds = topics.map((t) => t._id);
  const extra = COUNCIL_ROLES.filter((r) => r !== '居民代表' && random.chance(0.35));
  activity.councilRoles = ['居民代表', ...extra.slice(0, 4)];
  const decided = topics.filter((t) => t.resolution !== null);
  if (decided.length === 0) return;
  const present = (activity.councilRoles as string[]).join('、');
  const lines = decided.map((t) => {
    const r = t.resolution as { text: string; owner: string; dueDate: string };
    return `「${t.title}」：${r.text}，由${r.owner}负责，${r.dueDate}前完成。`;
  });
  activity.minutes = `参会：${present}，到会${random.int(12, 35)}人。议定事项：${lines.join('')}`;
}

/** Up to `count` distinct residents, none of them in `except`. */
function someResidents(random: Random, openids: readonly string[], count: number, except: string[]) {
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 6; tries++) {
    const openid = random.pick(openids);
    if (!except.includes(openid)) out.add(openid);
  }
  return [...out];
}

/** Ratings of a finished topic by some of its proposer and supporters; better run centers rate higher. */
function ratingsOf(random: Random, p: Proposal, quality: number) {
  return [p.proposer, ...p.supporters]
    .filter(() => random.chance(0.45))
    .map((openid) => ({
      openid,
      rating: Math.min(5, Math.max(1, Math.round(random.around(3.3 + 1.4 * quality, 2, 1, 5)))),
    }));
}

/**
 * The council side of a generated year, fed as the year is generated: proposals at the start of each month,
 * needs as they are written (some are raised into topics), and each council meeting just before it is written
 * (waiting topics go on its agenda; how far each got depends on the meeting's date and the center). Topics
 * nobody put on an agenda stay open.
 */
export class CouncilYear {
  private readonly waiting = new Map<string, Proposal[]>();
  private readonly settled: Doc[] = [];

  constructor(
    private readonly random: Random,
    private readonly now: Date,
  ) {}

  /** `count` topics residents of `center` propose in the month starting at `monthStart`. */
  propose(center: YearCenter, monthStart: Date, monthEnd: Date, count: number): void {
    const openids = center.residents.map((r) => r.openid);
    const until = Math.min(this.now.getTime(), monthEnd.getTime());
    for (let i = 0; i < count; i++) {
      const proposer = this.random.pick(openids);
      const category =
        CATEGORY_WEIGHTS[this.random.weighted(CATEGORY_WEIGHTS.map(([, w]) => w))]?.[0] ?? 'other';
      this.wait(center.id, {
        _id: `t-${this.random.hex(10)}`,
        center,
        template: this.random.pick(TOPICS[category]),
        category,
        proposer,
        supporters: someResidents(this.random, openids, supportersCount(this.random), [proposer]),
        needId: null,
        createdAt: new Date(monthStart.getTime() + this.random.next() * (until - monthStart.getTime())),
      });
    }
  }

  /** Staff raise some well-supported local-governance needs into topics; the need then names its topic. */
  raise(center: YearCenter, need: Doc): void {
    const supporters = need.supporters as string[];
    if (need.category !== 'micro_governance' || need.held || need.status === 'declined') return;
    if (supporters.length < 2 || !this.random.chance(0.3)) return;
    const createdAt = new Date((need.createdAt as Date).getTime() + this.random.int(1, 9) * DAY);
    if (createdAt.getTime() > this.now.getTime()) return;
    const topicId = `t-${need._id}`;
    need.topicId = topicId;
    this.wait(center.id, {
      _id: topicId,
      center,
      ...needTemplate(this.random, String(need.text)),
      proposer: String(need.reporter),
      supporters,
      needId: need._id,
      createdAt,
    });
  }

  /** A local-governance activity of `center` about to be written: up to five waiting topics go on its agenda. */
  meet(center: YearCenter, activity: Doc): void {
    const meeting = meetingOf(activity);
    const queue = this.waiting.get(center.id) ?? [];
    const latest = meeting.startAt.getTime() - 2 * DAY;
    const ready = queue
      .filter((p) => p.createdAt.getTime() <= latest && takes(activity, p.category))
      .slice(0, this.random.int(2, 5));
    if (ready.length === 0) return;
    this.waiting.set(
      center.id,
      queue.filter((p) => !ready.includes(p)),
    );
    const topics = ready.map((p) => topicRecord(p, this.fateAt(center, p, meeting)));
    agendaOn(this.random, activity, topics);
    this.settled.push(...topics);
  }

  /** Every topic: those that went to a meeting, and the ones still waiting (open). */
  topics(): Doc[] {
    const open = [...this.waiting.values()].flat().map((p) => topicRecord(p, OPEN));
    return [...this.settled, ...open];
  }

  private wait(centerId: string, proposal: Proposal): void {
    const queue = this.waiting.get(centerId) ?? [];
    queue.push(proposal);
    queue.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    this.waiting.set(centerId, queue);
  }

  /** How far a topic on `meeting` got by now: a diligent center decides, carries out and closes more. */
  private fateAt(center: YearCenter, p: Proposal, meeting: Meeting): Fate {
    const random = this.random;
    const now = this.now.getTime();
    const by = center.staff.displayName;
    const lastSchedule = Math.min(now, meeting.startAt.getTime() - DAY);
    const scheduledAt = new Date(
      p.createdAt.getTime() + random.next() * Math.max(0, lastSchedule - p.createdAt.getTime()),
    );
    const scheduled: Fate = { ...OPEN, meeting, scheduledAt };
    const recordedAt = meeting.startAt.getTime() + random.int(2, 72) * HOUR;
    if (recordedAt > now || random.chance(0.12 * (1 - center.quality))) return scheduled;
    const dueAt = recordedAt + random.int(14, 60) * DAY;
    const outcome = { recordedAt: new Date(recordedAt), dueDate: dayOf(new Date(dueAt)), by };
    const finishAt =
      recordedAt + (dueAt - recordedAt) * random.around(1.05 - 0.4 * center.quality, 0.8, 0.3, 1.8);
    const done = finishAt <= now && random.chance(0.7 + 0.25 * center.quality);
    // Notes every week or few; a struggling center lets weeks pass, and stops after four.
    const notes: Fate['progress'] = [];
    const gap = () => random.int(7, 20 + Math.round(40 * (1 - center.quality))) * DAY;
    for (let at = recordedAt + gap(); at < (done ? finishAt : now) && notes.length < 4; at += gap()) {
      notes.push({ note: random.pick(PROGRESS), at: new Date(at), by });
    }
    if (!done) return { ...scheduled, outcome, progress: notes };
    const doneAt = new Date(finishAt);
    return {
      ...scheduled,
      outcome,
      progress: [...notes, { note: random.pick(DONE_NOTES), at: doneAt, by }],
      doneAt,
      ratings: ratingsOf(random, p, center.quality),
    };
  }
}

/** Most topics gather a few supporters; a popular one many. */
const supportersCount = (random: Random) => random.weighted([2, 3, 3, 2, 1, 1]) * random.int(1, 3);

/**
 * The demo world's councils: every operating center shows each section of its council page. A topic decided
 * at a meeting weeks ago was carried out and rated, another is being carried out (at every other center past
 * its due date), two wait for the next meeting (one raised from a need where the center has one), one was
 * proposed this week, and at every third center one has waited for more than a month with nobody acting on it.
 * The meetings' activities list their agendas.
 */
export function demoTopics(
  random: Random,
  centers: YearCenter[],
  activities: Doc[],
  needs: Doc[],
  now: Date,
): Doc[] {
  const t = now.getTime();
  const topics: Doc[] = [];
  for (const [i, center] of centers.entries()) {
    const meetings = activities
      .filter((a) => a.centerId === center.id && isCouncilMeeting(a))
      .sort((a, b) => (a.startAt as Date).getTime() - (b.startAt as Date).getTime());
    const past = meetings.filter((a) => (a.startAt as Date).getTime() <= t - 14 * DAY).at(-1);
    const next = meetings.find((a) => (a.startAt as Date).getTime() >= t + DAY);
    if (!past || !next) continue;
    const openids = center.residents.map((r) => r.openid);
    const by = center.staff.displayName;
    const proposal = (category: TopicCategory, createdAt: number): Proposal => {
      const proposer = openids[i % openids.length] ?? random.pick(openids);
      return {
        _id: `t-${random.hex(10)}`,
        center,
        template: TOPICS[category][i % TOPICS[category].length] ?? random.pick(TOPICS[category]),
        category,
        proposer,
        supporters: someResidents(random, openids, random.int(2, 4), [proposer]),
        needId: null,
        createdAt: new Date(createdAt),
      };
    };
    const note = (k: number, at: number) => ({
      note: PROGRESS[(i + k) % PROGRESS.length] ?? '',
      at: new Date(at),
      by,
    });

    const held = meetingOf(past);
    const recordedAt = held.startAt.getTime() + 20 * HOUR;
    const decided = (p: Proposal, dueAt: number): Fate => ({
      ...OPEN,
      meeting: held,
      scheduledAt: new Date(p.createdAt.getTime() + 2 * DAY),
      outcome: { recordedAt: new Date(recordedAt), dueDate: dayOf(new Date(dueAt)), by },
    });
    const finished = proposal('parking', held.startAt.getTime() - 16 * DAY);
    const doneAt = new Date(recordedAt + 10 * DAY);
    const ratings = ratingsOf(random, finished, 0.8);
    const carried = proposal(i % 2 === 0 ? 'garbage' : 'safety', held.startAt.getTime() - 9 * DAY);
    const onPast = [
      topicRecord(finished, {
        ...decided(finished, recordedAt + 30 * DAY),
        progress: [
          note(0, recordedAt + 4 * DAY),
          { note: DONE_NOTES[i % DONE_NOTES.length] ?? '', at: doneAt, by },
        ],
        doneAt,
        ratings: ratings.length ? ratings : [{ openid: finished.proposer, rating: 5 }],
      }),
      // Every other center let its deadline pass.
      topicRecord(carried, {
        ...decided(carried, i % 2 === 0 ? recordedAt + 7 * DAY : t + 20 * DAY),
        progress: [note(1, recordedAt + 3 * DAY)],
      }),
    ];
    agendaOn(random, past, onPast);

    const meeting = meetingOf(next);
    const waiting = proposal('environment', t - random.int(4, 8) * DAY);
    const onNext = [topicRecord(waiting, { ...OPEN, meeting, scheduledAt: new Date(t - DAY) })];
    const need = needs.find(
      (n) =>
        n.centerId === center.id &&
        n.category === 'micro_governance' &&
        !n.held &&
        n.status !== 'declined' &&
        (n.createdAt as Date).getTime() < t - 5 * DAY,
    );
    if (need) {
      need.topicId = `t-${need._id}`;
      const raised: Proposal = {
        _id: `t-${need._id}`,
        center,
        ...needTemplate(random, String(need.text)),
        proposer: String(need.reporter),
        supporters: need.supporters as string[],
        needId: need._id,
        createdAt: new Date((need.createdAt as Date).getTime() + 3 * DAY),
      };
      onNext.push(topicRecord(raised, { ...OPEN, meeting, scheduledAt: new Date(t - DAY) }));
    }
    agendaOn(random, next, onNext);

    topics.push(...onPast, ...onNext, topicRecord(proposal('neighbours', t - random.int(1, 4) * DAY), OPEN));
    if (i % 3 === 0) topics.push(topicRecord(proposal('other', t - random.int(35, 50) * DAY), OPEN));
  }
  return topics;
}
