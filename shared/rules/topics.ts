import type { TopicCategory } from '../contract/councils';

/** Words that say what a topic is about, checked in this order; the first match decides. */
const CUES: [TopicCategory, RegExp][] = [
  ['parking', /停车|车位|充电桩|电动车|电瓶车|车辆|占道/],
  ['garbage', /垃圾|分类|回收|厨余|清运/],
  ['safety', /安全|监控|路灯|消防|防盗|隐患|摔倒|扶手/],
  ['environment', /卫生|环境|绿化|污水|异味|噪音|噪声|油烟|积水/],
  ['neighbours', /邻里|纠纷|矛盾|宠物|遛狗|楼道|公约/],
];

/** A topic raised from a resident's need gets the category its words suggest, else 其他. */
export function guessTopicCategory(text: string): TopicCategory {
  return CUES.find(([, cue]) => cue.test(text))?.[0] ?? 'other';
}

/** A need's text as a topic title: its first sentence, within the title's 30 characters. */
export function titleFromText(text: string): string {
  const first = text.split(/[。！？!?\n]/)[0]?.trim() ?? '';
  const title = first.length >= 4 ? first : text.trim();
  return title.length > 30 ? `${title.slice(0, 29)}…` : title;
}

/** Whole days from one instant to a later one, as counters count a topic's time to done. */
export const wholeDays = (from: Date, to: Date): number =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / (24 * 3600_000)));
