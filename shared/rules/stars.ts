import { type Counters, share } from './stats';

/**
 * The star assessment (星级评定), kept in one place so anyone can read how a center's stars came about.
 * Each part scores 0..1 from the center's counters over the period; the weighted sum gives 0..100 points, and
 * the points give 0..5 stars. A center whose staff are less than half certified social workers gets no stars,
 * whatever its points.
 */
export const STAR_RULES = {
  weights: {
    held: 25,
    participation: 20,
    satisfaction: 25,
    needsClosure: 15,
    replyTime: 10,
    councils: 5,
  },
  /** Attendances (人次) per month at which participation scores full marks. */
  participationTarget: 300,
  /** Replies within this many hours score full marks; at `replySlowHours` and beyond, none. */
  replyFastHours: 24,
  replySlowHours: 168,
  /** Points needed for 1..5 stars. */
  thresholds: [60, 70, 80, 88, 94],
  /** Below this share of certified social workers there are no stars at all. */
  minCertifiedRatio: 0.5,
  /** Fewer ratings than this in the period: satisfaction cannot be judged and scores nothing. */
  minRatings: 3,
} as const;

export type StarPartKey = keyof typeof STAR_RULES.weights;
export const STAR_PART_LABELS: Record<StarPartKey, string> = {
  held: '活动开展率',
  participation: '参与人次',
  satisfaction: '居民满意度',
  needsClosure: '需求办结率',
  replyTime: '需求回复时长',
  councils: '议事协商',
};

export interface StarPart {
  key: StarPartKey;
  label: string;
  /** The figure the part is judged on, as people read it (e.g. "92%", "4.6分"). */
  value: string;
  /** 0..1 */
  score: number;
  weight: number;
  points: number;
}

export interface StarInput {
  counters: Counters;
  /** Months in the period the center was operating (the participation target is per month). */
  months: number;
  staffTotal: number;
  staffCertified: number;
  operating: boolean;
}

export interface StarResult {
  stars: number;
  points: number;
  certifiedRatio: number | null;
  certifiedOk: boolean;
  parts: StarPart[];
  /** Why the center has the stars it has, one short sentence each. */
  reasons: string[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const percent = (x: number | null) => (x === null ? '无数据' : `${Math.round(x * 100)}%`);

function scoreParts({ counters: c, months }: StarInput): StarPart[] {
  const planned = Math.max(0, c.activitiesPublished - c.activitiesCancelled);
  const heldRate = share(c.activitiesHeld, planned);
  const perMonth = months > 0 ? c.attendances / months : 0;
  const average = c.ratings >= STAR_RULES.minRatings ? c.ratingSum / c.ratings : null;
  const closure = share(c.needsResolved + c.needsDeclined, c.needsReported);
  const replyHours = c.needsFirstReplies > 0 ? c.needsReplyMinutes / c.needsFirstReplies / 60 : null;
  const settled = share(c.topicsDeliberated, c.topicsProposed);
  const { replyFastHours: fast, replySlowHours: slow } = STAR_RULES;
  const raw: Record<StarPartKey, { value: string; score: number }> = {
    held: { value: percent(heldRate), score: clamp01(heldRate ?? 0) },
    participation: {
      value: `月均${Math.round(perMonth)}人次`,
      score: clamp01(perMonth / STAR_RULES.participationTarget),
    },
    satisfaction: {
      value: average === null ? '评价不足3条' : `${(Math.round(average * 10) / 10).toFixed(1)}分`,
      score: average === null ? 0 : clamp01((average - 1) / 4),
    },
    // A center nobody brought a need to has nothing left open: full marks for closure and replies.
    needsClosure: { value: percent(closure), score: closure ?? 1 },
    replyTime: {
      value: replyHours === null ? '无需回复' : `平均${Math.round(replyHours)}小时`,
      score: replyHours === null ? 1 : clamp01((slow - replyHours) / (slow - fast)),
    },
    // Topics residents raised that reached a decision at a council meeting; none raised: nothing left waiting.
    councils: {
      value: settled === null ? '无议题' : `议定${percent(settled)}`,
      score: settled ?? 1,
    },
  };
  return (Object.keys(STAR_RULES.weights) as StarPartKey[]).map((key) => {
    const weight = STAR_RULES.weights[key];
    const { value, score } = raw[key];
    return {
      key,
      label: STAR_PART_LABELS[key],
      value,
      score: Math.round(score * 1000) / 1000,
      weight,
      points: Math.round(score * weight * 10) / 10,
    };
  });
}

export const starsForPoints = (points: number): number =>
  STAR_RULES.thresholds.filter((t) => points >= t).length;

export function assessCenter(input: StarInput): StarResult {
  const parts = scoreParts(input);
  const points = Math.round(parts.reduce((sum, p) => sum + p.points, 0) * 10) / 10;
  const certifiedRatio = share(input.staffCertified, input.staffTotal);
  const certifiedOk = certifiedRatio !== null && certifiedRatio >= STAR_RULES.minCertifiedRatio;
  const reasons: string[] = [];
  let stars = starsForPoints(points);
  if (!input.operating) {
    stars = 0;
    reasons.push('中心尚未运营，不参加评定');
  } else if (!certifiedOk) {
    stars = 0;
    reasons.push(`持证社工占比${percent(certifiedRatio)}，低于50%，不予评星`);
  } else if (input.counters.activitiesHeld === 0) {
    stars = 0;
    reasons.push('评定期内没有举办过活动');
  }
  if (reasons.length === 0) {
    reasons.push(
      stars > 0
        ? `综合得分${points}分，评为${stars}星`
        : `综合得分${points}分，未达到一星（${STAR_RULES.thresholds[0]}分）`,
    );
    const weakest = [...parts].sort((a, b) => a.score - b.score)[0];
    if (weakest && weakest.score < 0.6) reasons.push(`${weakest.label}偏低（${weakest.value}）`);
  }
  return { stars, points, certifiedRatio, certifiedOk, parts, reasons };
}

/**
 * Operators that lose the right to bid: in both years, none of the centers they ran was rated (1 star or more).
 * Each map says, per operator, whether any of its centers was rated that year.
 */
export function unratedTwoYears(thisYear: Map<string, boolean>, lastYear: Map<string, boolean>): string[] {
  return [...thisYear.entries()]
    .filter(([operator, rated]) => !rated && lastYear.get(operator) === false)
    .map(([operator]) => operator)
    .sort();
}
