/**
 * The street office's 星级评定 of the weapp build: the whole year by default with the operators unrated two
 * years running, a quarter chosen with a chip and its own result shown, a finished quarter with no centre to
 * assess and no lock yet, and a failed load that 重新加载 recovers.
 */
import type { ClientOutput } from '../../miniprogram/src/api/client';
import type { CenterStars, summaryContract } from '../../shared/contract/summary';
import { local } from '../../shared/rules/time';
import { ok, residentView } from './factories';
import { type CloudCall, type RenderedPage, renderPage } from './taroPage';

const PAGE = 'packages/office/pages/stars/index';
type Stars = ClientOutput<typeof summaryContract, 'stars'>;

const THIS_YEAR = local(new Date()).year();

function centerStars(name: string, stars: number, points: number): CenterStars {
  return {
    center: {
      id: `c-${points}`,
      name,
      streetName: '朝阳街道',
      districtName: '吴兴区',
      status: 'operating',
      operatorName: '湖州市阳光社工服务中心',
    },
    stars,
    points,
    certifiedRatio: 0.6,
    certifiedOk: true,
    parts: [{ key: 'held', label: '活动开展率', value: '90%', score: 0.9, weight: 25, points: 22.5 }],
    reasons: [`综合得分${points}分`],
  };
}

function starsResult(period: string, centers: CenterStars[], flagged: string[] = []): Stars {
  return {
    period,
    locked: false,
    lockedAt: null,
    rules: { weights: { held: 25 }, thresholds: [60, 70, 80, 90, 95], minCertifiedRatio: 0.5 },
    centers,
    operatorsUnratedTwoYears: flagged.map((name, i) => ({ id: `op-${i}`, name })),
  };
}

/** An office member; `stars` answers by the period asked for, or fails while `failures` lasts. */
function officeCloud(byPeriod: (quarter: unknown) => Stars, failures = 0) {
  let failing = failures;
  return (call: CloudCall) => {
    const { action } = call.data;
    if (call.name === 'account' && action === 'whoami')
      return ok({ member: residentView({ role: 'office', streetId: 's-chaoyang' }), homeCenter: null });
    if (call.name === 'summary' && action === 'stars') {
      if (failing-- > 0) throw new Error('cloud.callFunction:fail network');
      return ok(byPeriod(call.data.quarter));
    }
    throw new Error(`unexpected ${call.name}.${String(action)}`);
  };
}

const starsCalls = (rendered: RenderedPage) =>
  rendered.wx.calls.filter((c) => c.data.action === 'stars').map((c) => c.data);

beforeEach(() => {
  jest.resetModules();
});

test('the whole year first; 第一季度 asks for quarter 1 and shows that quarter’s stars', async () => {
  const cloud = officeCloud((quarter) =>
    quarter === 1
      ? starsResult(`${THIS_YEAR}-Q1`, [centerStars('飞英幸福邻里中心', 2, 71)])
      : starsResult(`${THIS_YEAR}`, [centerStars('朝阳幸福邻里中心', 4, 88)], ['湖州某某社工服务社']),
  );
  const rendered = await renderPage(PAGE, { cloud });
  await rendered.waitFor(() => rendered.text().includes('朝阳幸福邻里中心'), 'the year');
  expect(starsCalls(rendered)).toEqual([{ action: 'stars', year: THIS_YEAR }]);
  expect(rendered.text()).toContain('✓ 全年');
  expect(rendered.text()).toContain('★★★★☆ 4星');
  expect(rendered.text()).toContain('⚠ 湖州某某社工服务社');

  rendered.find('.chip', '第一季度')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('飞英幸福邻里中心'), 'the quarter');
  expect(starsCalls(rendered)[1]).toEqual({ action: 'stars', year: THIS_YEAR, quarter: 1 });
  const text = rendered.text();
  expect(text).toContain('✓ 第一季度');
  expect(text).toContain('★★☆☆☆ 2星');
  expect(text).toContain('综合得分 71 分');
  expect(text).not.toContain('朝阳幸福邻里中心');
  // Bidding rights are judged on whole years: a quarter does not list operators.
  expect(text).not.toContain('连续两年未评星');
});

test('last year’s fourth quarter: no centre to assess, and the period over but not yet locked', async () => {
  const rendered = await renderPage(PAGE, {
    cloud: officeCloud((quarter) =>
      quarter === 4
        ? starsResult(`${THIS_YEAR - 1}-Q4`, [])
        : starsResult('year', [centerStars('朝阳幸福邻里中心', 4, 88)]),
    ),
  });
  await rendered.waitFor(() => rendered.text().includes('朝阳幸福邻里中心'), 'the year');
  rendered.find('.chip', `${THIS_YEAR - 1}年`)?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes(`✓ ${THIS_YEAR - 1}年`), 'last year');
  rendered.find('.chip', '第四季度')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('还没有可评定的中心'), 'the empty quarter');
  expect(starsCalls(rendered).at(-1)).toEqual({ action: 'stars', year: THIS_YEAR - 1, quarter: 4 });
  // Over but not yet locked: not “还没结束”.
  expect(rendered.text()).toContain('评定期已结束，等市民政局锁定结果');
});

test('stars that fail to load say so, and 重新加载 brings it', async () => {
  const rendered = await renderPage(PAGE, {
    cloud: officeCloud(() => starsResult(`${THIS_YEAR}-Q1`, [centerStars('飞英幸福邻里中心', 2, 71)]), 1),
  });
  await rendered.waitFor(() => rendered.text().includes('没能加载出来'), 'the error');
  rendered.find('.btn', '重新加载')?.dispatchEvent('tap');
  await rendered.waitFor(() => rendered.text().includes('飞英幸福邻里中心'), 'the stars');
  expect(starsCalls(rendered)).toHaveLength(2);
});
