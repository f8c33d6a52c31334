import { Text, View } from '@tarojs/components';
import type { Figures } from '../../../shared/contract/summary';
import { Card } from '../components/Card';
import { countText, daysText, hoursText, percentText, ratingValue } from './describe';
import { RatingSpread } from './RatingSpread';

const TEXT = {
  activities: '活动',
  activitiesValue: (held: number, planned: number) => `已办 ${held} 场 / 计划 ${planned} 场`,
  heldRate: (rate: string) => `举办率 ${rate}`,
  attendances: '参与人次',
  residents: '服务居民',
  people: (n: string) => `${n} 人`,
  attendanceRate: '出勤率',
  noShowRate: '爽约率',
  satisfaction: '满意度',
  ratings: (n: number) => `${n} 条评价`,
  needsClosure: '需求办结率',
  needsValue: (closed: number, reported: number) => `办结 ${closed} 条 / 共 ${reported} 条`,
  replyTime: '平均回复时长',
  overdue: (n: number) => `⚠ ${n} 条超过7天没有回复`,
  topics: '议事会议题',
  topicsValue: (proposed: number, done: number) => `提出 ${proposed} 个 / 办结 ${done} 个`,
  deliberated: (n: number) => `上会议定 ${n} 个`,
  topicDays: '议题平均办结用时',
  topicRating: '议题办理满意度',
  organizations: '新孵化社区组织',
  organizationsValue: (n: number) => `${n} 个`,
} as const;

interface FigureProps {
  label: string;
  value: string;
  detail?: string | undefined;
}

/** One figure: what it is, the number big, and how it came about underneath. */
function Figure({ label, value, detail }: FigureProps) {
  return (
    <View className="figure">
      <Text className="figure__label">{label}</Text>
      <Text className="figure__value">{value}</Text>
      {detail ? <Text className="figure__detail">{detail}</Text> : null}
    </View>
  );
}

export interface FiguresCardProps {
  title: string;
  figures: Figures;
  /** Show the 1–5 spread under the figures. Default true. */
  spread?: boolean;
}

/** The headline figures of a center, a street or the city over some months. */
export function FiguresCard({ title, figures: f, spread = true }: FiguresCardProps) {
  return (
    <Card title={title}>
      <View className="figures">
        <Figure
          label={TEXT.activities}
          value={TEXT.activitiesValue(f.activitiesHeld, f.activitiesPlanned)}
          detail={TEXT.heldRate(percentText(f.heldRate))}
        />
        <Figure label={TEXT.attendances} value={countText(f.attendances)} />
        <Figure label={TEXT.residents} value={TEXT.people(countText(f.uniqueResidents))} />
        <Figure label={TEXT.attendanceRate} value={percentText(f.attendanceRate)} />
        <Figure label={TEXT.noShowRate} value={percentText(f.noShowRate)} />
        <Figure
          label={TEXT.satisfaction}
          value={ratingValue(f.averageRating)}
          detail={TEXT.ratings(f.ratings)}
        />
        <Figure
          label={TEXT.needsClosure}
          value={percentText(f.needsClosureRate)}
          detail={TEXT.needsValue(f.needsResolved + f.needsDeclined, f.needsReported)}
        />
        <Figure
          label={TEXT.replyTime}
          value={hoursText(f.averageReplyHours)}
          detail={f.needsOverdue > 0 ? TEXT.overdue(f.needsOverdue) : undefined}
        />
        <Figure
          label={TEXT.topics}
          value={TEXT.topicsValue(f.topicsProposed, f.topicsDone)}
          detail={TEXT.deliberated(f.topicsDeliberated)}
        />
        <Figure label={TEXT.topicDays} value={daysText(f.averageTopicDays)} />
        <Figure label={TEXT.topicRating} value={ratingValue(f.topicAverageRating)} />
        <Figure label={TEXT.organizations} value={TEXT.organizationsValue(f.organizationsIncubated)} />
      </View>
      {spread ? <RatingSpread histogram={f.histogram} /> : null}
    </Card>
  );
}
