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

type Column = [header: string, width: number];

/** A sheet with a bold, frozen header row and its rows. */
function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: (string | number)[][]) {
  const sheet = book.addWorksheet(name);
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  for (const row of rows) sheet.addRow(row);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  return sheet;
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

    const centers = addSheet(
      book,
      '各中心对比',
      [['邻里中心', 22], ['运营机构', 22], ...FIGURE_COLUMNS.map((c): Column => [c.header, c.width])],
      [
        ...s.centers.map((c) => [
          `${c.center.name}${c.center.status === 'building' ? '（建设中）' : ''}`,
          c.center.operatorName,
          ...FIGURE_COLUMNS.map((col) => col.value(c.figures)),
        ]),
        [`${s.street.name}合计`, '', ...FIGURE_COLUMNS.map((col) => col.value(s.totals))],
      ],
    );
    const total = centers.lastRow;
    if (total) total.font = { bold: true };

    addSheet(
      book,
      '逐月趋势',
      [
        ['月份', 10],
        ['计划活动', 10],
        ['举办活动', 10],
        ['参与人次', 10],
        ['服务居民', 10],
        ['评价数', 9],
        ['平均满意度', 11],
        ['新增需求', 10],
      ],
      s.trend.map((t) => [
        t.month,
        t.activitiesPlanned,
        t.activitiesHeld,
        t.attendances,
        t.uniqueResidents,
        t.ratings,
        orDash(t.averageRating),
        t.needsReported,
      ]),
    );

    const kinds = addSheet(
      book,
      '活动类别与评价标签',
      [
        ['项目', 16],
        ['计划', 9],
        ['取消', 9],
        ['举办', 9],
      ],
      s.totals.categories.map((c) => [CATEGORY_LABELS[c.category], c.published, c.cancelled, c.held]),
    );
    kinds.addRow([]);
    kinds.addRow(['评价标签', '次数']).font = { bold: true };
    for (const t of s.totals.tags) kinds.addRow([t.tag, t.count]);

    addSheet(
      book,
      '评价较低的活动',
      [
        ['活动', 24],
        ['邻里中心', 22],
        ['月份', 10],
        ['类别', 12],
        ['评价数', 9],
        ['平均满意度', 11],
      ],
      s.lowestActivities.map((a) => [
        a.title,
        a.centerName,
        a.month,
        CATEGORY_LABELS[a.category],
        a.ratings,
        a.averageRating,
      ]),
    );

    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const range = from === to ? from : `${from}至${to}`;
    return {
      filename: `${s.street.name}邻里中心汇总_${range}.xlsx`,
      base64: buffer.toString('base64'),
      bytes: buffer.length,
    };
  },
};
