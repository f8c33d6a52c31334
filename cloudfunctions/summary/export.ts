import type ExcelJS from 'exceljs';
import { CATEGORY_LABELS } from '../../shared/contract/activities';
import { RATING_LABELS } from '../../shared/contract/feedback';
import type { Figures, summaryContract } from '../../shared/contract/summary';
import type { ActionHandler } from '../kit';
import { streetSummary } from './read';

type Summary = typeof summaryContract;

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
const orDash = (x: number | null) => (x === null ? '—' : x);

/** One row of figures per center (or the street), in the columns a street office reads. */
const FIGURE_COLUMNS: { header: string; width: number; value: (f: Figures) => string | number }[] = [
  { header: '计划活动', width: 10, value: (f) => f.activitiesPlanned },
  { header: '举办活动', width: 10, value: (f) => f.activitiesHeld },
  { header: '开展率', width: 9, value: (f) => pct(f.heldRate) },
  { header: '报名', width: 9, value: (f) => f.registrations },
  { header: '参与人次', width: 10, value: (f) => f.attendances },
  { header: '服务居民', width: 10, value: (f) => f.uniqueResidents },
  { header: '出勤率', width: 9, value: (f) => pct(f.attendanceRate) },
  { header: '爽约率', width: 9, value: (f) => pct(f.noShowRate) },
  { header: '评价数', width: 9, value: (f) => f.ratings },
  { header: '平均满意度', width: 11, value: (f) => orDash(f.averageRating) },
  ...RATING_LABELS.map((label, i) => ({
    header: label,
    width: 9,
    value: (f: Figures) => (f.histogram ? (f.histogram[i] ?? 0) : '—'),
  })),
  { header: '需求', width: 8, value: (f) => f.needsReported },
  { header: '已解决', width: 8, value: (f) => f.needsResolved },
  { header: '办结率', width: 9, value: (f) => pct(f.needsClosureRate) },
  { header: '平均回复(小时)', width: 13, value: (f) => orDash(f.averageReplyHours) },
  { header: '扫码签到', width: 9, value: (f) => f.checkinsScanned },
  { header: '人工签到', width: 9, value: (f) => f.checkinsManual },
  { header: '现场加入', width: 9, value: (f) => f.checkinsWalkIn },
];

function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
}

/**
 * The street summary as a workbook: the centers side by side, month by month, satisfaction tags and the
 * lowest-rated activities. Like the summary it carries no names, openids or phone numbers.
 */
export const exportWorkbook: ActionHandler<Summary['export']> = {
  allow: ['office'],
  async run({ from, to }, ctx) {
    // Loaded on first export only: the workbook library is most of this function's code.
    const [{ default: Excel }, s] = await Promise.all([import('exceljs'), streetSummary(ctx, from, to)]);
    const book = new Excel.Workbook();
    book.creator = '幸福邻里';
    book.created = ctx.now;

    const centers = book.addWorksheet('各中心对比');
    centers.columns = [
      { header: '邻里中心', width: 22 },
      { header: '运营机构', width: 22 },
      ...FIGURE_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
    ];
    for (const c of s.centers) {
      const status = c.center.status === 'building' ? '（建设中）' : '';
      centers.addRow([
        `${c.center.name}${status}`,
        c.center.operatorName,
        ...FIGURE_COLUMNS.map((col) => col.value(c.figures)),
      ]);
    }
    const total = centers.addRow([
      `${s.street.name}合计`,
      '',
      ...FIGURE_COLUMNS.map((col) => col.value(s.totals)),
    ]);
    total.font = { bold: true };
    styleHeader(centers);

    const months = book.addWorksheet('逐月趋势');
    months.columns = [
      { header: '月份', width: 10 },
      { header: '计划活动', width: 10 },
      { header: '举办活动', width: 10 },
      { header: '参与人次', width: 10 },
      { header: '服务居民', width: 10 },
      { header: '评价数', width: 9 },
      { header: '平均满意度', width: 11 },
      { header: '新增需求', width: 10 },
    ];
    for (const t of s.trend) {
      months.addRow([
        t.month,
        t.activitiesPlanned,
        t.activitiesHeld,
        t.attendances,
        t.uniqueResidents,
        t.ratings,
        orDash(t.averageRating),
        t.needsReported,
      ]);
    }
    styleHeader(months);

    const kinds = book.addWorksheet('活动类别与评价标签');
    kinds.columns = [
      { header: '项目', width: 16 },
      { header: '计划', width: 9 },
      { header: '取消', width: 9 },
      { header: '举办', width: 9 },
    ];
    for (const c of s.totals.categories) {
      kinds.addRow([CATEGORY_LABELS[c.category], c.published, c.cancelled, c.held]);
    }
    kinds.addRow([]);
    kinds.addRow(['评价标签', '次数']).font = { bold: true };
    for (const t of s.totals.tags) kinds.addRow([t.tag, t.count]);
    styleHeader(kinds);

    const low = book.addWorksheet('评价较低的活动');
    low.columns = [
      { header: '活动', width: 24 },
      { header: '邻里中心', width: 22 },
      { header: '月份', width: 10 },
      { header: '类别', width: 12 },
      { header: '评价数', width: 9 },
      { header: '平均满意度', width: 11 },
    ];
    for (const a of s.lowestActivities) {
      low.addRow([a.title, a.centerName, a.month, CATEGORY_LABELS[a.category], a.ratings, a.averageRating]);
    }
    styleHeader(low);

    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const range = from === to ? from : `${from}至${to}`;
    return {
      filename: `${s.street.name}邻里中心汇总_${range}.xlsx`,
      base64: buffer.toString('base64'),
      bytes: buffer.length,
    };
  },
};
