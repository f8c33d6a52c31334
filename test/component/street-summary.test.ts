/**
 * The street office's 街道汇总 of the weapp build: the figures in words, the charts drawn by uCharts on
 * WeChat's 2D canvas, “评价不足3条” instead of an average of too few ratings, 导出表格 writing the workbook to
 * the mini-program's folder and opening it, and a failed load that 重新加载 recovers.
 */
import type { ClientOutput } from '../../miniprogram/src/api/client';
import type { summaryContract } from '../../shared/contract/summary';
import { local } from '../../shared/rules/time';
import { figuresView, ok, residentView, trendPoint } from './factories';
import { type CloudCall, renderPage, USER_DATA_PATH } from './taroPage';

const PAGE = 'packages/office/pages/summary/index';
type Street = ClientOutput<typeof summaryContract, 'street'>;

const thisMonth = local(new Date()).startOf('month');
const MONTHS = [5, 4, 3, 2, 1, 0].map((n) => thisMonth.subtract(n, 'month').format('YYYY-MM'));
const center = (id: string, name: string) => ({
  id,
  name,
  streetName: '朝阳街道',
  districtName: '吴兴区',
  status: 'operating' as const,
  operatorName: '湖州市阳光社工服务中心',
});

function streetSummary(): Street {
  return {
    street: { id: 's-chaoyang', name: '朝阳街道', districtName: '吴兴区' },
    from: MONTHS[0] ?? '',
    to: MONTHS[5] ?? '',
    months: MONTHS,
    totals: figuresView({ attendances: 1234, averageRating: 4.42 }),
    trend: MONTHS.map((m, i) => trendPoint(m, { attendances: 100 + i * 10 })),
    centers: [
      { center: center('c-chaoyang', '朝阳幸福邻里中心'), figures: figuresView(), trend: [] },
      {
        center: center('c-feiying', '飞英幸福邻里中心'),
        figures: figuresView({ ratings: 2, averageRating: null, histogram: null }),
        trend: [],
      },
    ],
    lowestActivities: [
      {
        activityId: 'a-1',
        title: '插花课',
        centerName: '飞英幸福邻里中心',
        month: MONTHS[4] ?? '',
        category: 'culture_sports',
        ratings: 4,
        averageRating: 2.75,
      },
    ],
  };
}

const WORKBOOK = { filename: '朝阳街道汇总.xlsx', base64: 'UEsDBBQAAAAIAA==', bytes: 10 };

/** An office member; `street` answers with the summary, or fails while `failures` lasts. */
function officeCloud(summary: Street, failures = 0) {
  let failing = failures;
  return (call: CloudCall) => {
    const { action } = call.data;
    if (call.name === 'account' && action === 'whoami')
      return ok({ member: residentView({ role: 'office', streetId: 's-chaoyang' }), homeCenter: null });
    if (call.name === 'summary' && action === 'street') {
      if (failing-- > 0) throw new Error('cloud.callFunction:fail network');
      return ok(summary);
    }
    if (call.name === 'summary' && action === 'export') return ok(WORKBOOK);
    throw new Error(`unexpected ${call.name}.${String(action)}`);
  };
}

const drawnText = (calls: { method: string; args: unknown[] }[]) =>
  calls.filter((c) => c.method === 'fillText').map((c) => String(c.args[0]));

beforeEach(() => {
  jest.resetModules();
});

test('the last six months: figures in words, the month and centre charts drawn, too few ratings said so', async () => {
  const rendered = await renderPage(PAGE, { cloud: officeCloud(streetSummary()) });
  await rendered.waitFor(() => rendered.text().includes('各中心对比'), 'the summary');

  const street = rendered.wx.calls.find((c) => c.name === 'summary');
  expect(street?.data).toMatchObject({ action: 'street', from: MONTHS[0], to: MONTHS[5] });
  const text = rendered.text();
  expect(text).toContain('1,234');
  expect(text).toContain('4.4分');
  expect(text).toContain('出勤率');
  expect(text).toContain('92.4%');
  expect(text).toContain('🙂 满意');
  expect(text).toContain('飞英幸福邻里中心');
  expect(text).toContain('满意度 评价不足3条（2 条评价）');
  expect(text).toContain('插花课');
  expect(text).not.toContain('openid');

  // Three charts: activities and people by month, participation by centre; each draws its axis labels.
  // They draw one after another, so wait for every chart's labels rather than the last one's.
  const labels = [`${Number(MONTHS[5]?.slice(5))}月`, '计划', '已办', '朝阳', '飞英'];
  await rendered.waitFor(
    () => labels.every((l) => drawnText(rendered.wx.canvas).includes(l)),
    'the month and centre charts',
  );
  expect(rendered.wx.canvas.filter((c) => c.method === 'fill').length).toBeGreaterThan(10);
  expect(rendered.page.querySelectorAll('.chart').length).toBe(3);
});

test('导出表格 writes the workbook to the mini-program folder and opens it', async () => {
  const rendered = await renderPage(PAGE, { cloud: officeCloud(streetSummary()) });
  await rendered.waitFor(() => rendered.text().includes('导出表格'), 'the export button');
  rendered.find('.btn', '导出表格')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('✓ 已导出'), 'the export');

  const exported = rendered.wx.calls.find((c) => c.data.action === 'export');
  expect(exported?.data).toMatchObject({ from: MONTHS[0], to: MONTHS[5] });
  const path = `${USER_DATA_PATH}/${WORKBOOK.filename}`;
  expect(rendered.wx.files.get(path)).toEqual({ data: WORKBOOK.base64, encoding: 'base64' });
  expect(rendered.wx.documents).toEqual([{ filePath: path, fileType: 'xlsx', showMenu: true }]);
  expect(rendered.text()).toContain(WORKBOOK.filename);
});

test('a summary that fails to load says so, and 重新加载 brings it', async () => {
  const summary = streetSummary();
  summary.totals = figuresView({ ratings: 1, averageRating: null, histogram: null });
  const rendered = await renderPage(PAGE, { cloud: officeCloud(summary, 1) });
  await rendered.waitFor(() => rendered.text().includes('没能加载出来'), 'the error');
  expect(rendered.text()).toContain('网络不太好');

  rendered.find('.btn', '重新加载')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('各中心对比'), 'the summary');
  expect(rendered.text()).toContain('评价不足3条，不显示分布');
  expect(rendered.text()).not.toContain('0.0分');
});
