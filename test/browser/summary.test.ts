/**
 * Summaries end to end in the h5 build against the seeded local stack: the street office of 朝阳 opens 街道汇总
 * from its home page, sees the last six months with the charts drawn and its centres' figures, taps 导出表格,
 * and the downloaded workbook, read back with exceljs, lists the street's centres. Then the same page at
 * large type, and 星级评定 for the year and for one quarter.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { browserSuite, button, callAs, rootFontPx, screenshot, screenWith, visible } from './browser';

jest.setTimeout(240_000);

const suite = browserSuite();

/** How many pixels of a drawn chart are not the white background. */
const inkedPixels = (page: Page) =>
  page
    .locator('.chart:visible canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4)
        if ((data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 600) inked++;
      return inked;
    });

/** Every cell of every sheet, as text. */
function workbookText(book: ExcelJS.Workbook): string {
  const cells: string[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.text);
      });
    });
  });
  return cells.join('\n');
}

test('a street office sees the summary with its charts, exports the workbook and it lists the centres', async () => {
  const token = await suite.stack.session('office-chaoyang');
  const { member } = await callAs<{ member: { streetId: string } }>(suite.stack, token, 'account', {
    action: 'whoami',
  });
  const { centers } = await callAs<{ centers: { name: string }[] }>(suite.stack, token, 'account', {
    action: 'listCenters',
    streetId: member.streetId,
  });
  expect(centers.length).toBeGreaterThan(0);

  const page = await suite.signIn('office-chaoyang');
  await button(page, '进入街道工作台').click();
  await button(page, '查看街道汇总').click();
  await visible(page, '各中心对比').waitFor();

  // The six months up to this one, their figures in words, and the three charts drawn.
  await expect(page.locator('.chip:visible', { hasText: '近6个月' }).textContent()).resolves.toContain('✓');
  const summary = screenWith(page, '各中心对比');
  for (const label of ['参与人次', '服务居民', '出勤率', '爽约率', '满意度', '需求办结率', '平均回复时长'])
    await expect(summary.textContent()).resolves.toContain(label);
  for (const center of centers) await expect(summary.textContent()).resolves.toContain(center.name);
  expect(await page.locator('.chart:visible').count()).toBe(3);
  await page.locator('.chart:visible[data-drawn="yes"]').nth(2).waitFor();
  expect(await inkedPixels(page)).toBeGreaterThan(2000);
  await screenshot(page, 'summary-0-office-normal');

  // 导出表格: the browser downloads the workbook; read it back.
  const [download] = await Promise.all([page.waitForEvent('download'), button(page, '导出表格').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await visible(page, '✓ 已导出').waitFor();
  const file = await download.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const cells = workbookText(book);
  for (const center of centers) expect(cells).toContain(center.name);
  expect(cells).not.toMatch(/openid|1[3-9]\d{9}/);

  // Large type: the same page, everything bigger, the charts redrawn.
  await callAs(suite.stack, token, 'account', { action: 'updateProfile', elderlyMode: true });
  await page.reload();
  await visible(page, '各中心对比').waitFor();
  expect(await rootFontPx(page)).toBeCloseTo(23.8, 1);
  await page.locator('.chart:visible[data-drawn="yes"]').nth(2).waitFor();
  await screenshot(page, 'summary-1-office-large');
});

test('staff see their centre’s month, the city its districts, and 星级评定 explains each centre’s stars', async () => {
  const staff = await suite.signIn('staff-chaoyang');
  await button(staff, '进入中心工作台').click();
  await button(staff, '查看本中心数据').click();
  await visible(staff, '本月活动').waitFor();
  await expect(screenWith(staff, '本月活动').textContent()).resolves.toContain('朝阳幸福邻里中心');
  await staff.locator('.chart:visible[data-drawn="yes"]').nth(1).waitFor();
  await screenshot(staff, 'summary-2-staff-center-normal');

  const city = await suite.signIn('city');
  await button(city, '进入全市概览').click();
  await button(city, '查看全市数据').click();
  await visible(city, '各区县').waitFor();
  await expect(screenWith(city, '各区县').textContent()).resolves.toContain('运营中');
  await city.locator('.chart:visible[data-drawn="yes"]').nth(2).waitFor();
  await screenshot(city, 'summary-3-city-normal');

  const office = await suite.signIn('office-chaoyang');
  await button(office, '进入街道工作台').click();
  await button(office, '查看星级评定').click();
  await visible(office, '评定说明').waitFor();
  const stars = await screenWith(office, '评定说明').textContent();
  expect(stars).toContain('朝阳幸福邻里中心');
  expect(stars).toContain('持证社工占比');
  expect(stars).toContain('连续两年未评星的运营机构');
  await screenshot(office, 'summary-4-office-stars-normal');

  // One quarter: its own assessment; bidding rights are judged on whole years, so no list of operators.
  await office.locator('.chip:visible', { hasText: '第一季度' }).click();
  await visible(office, '✓ 第一季度').waitFor();
  await screenWith(office, '✓ 第一季度').locator('.card', { hasText: '评定说明' }).first().waitFor();
  const quarter = await screenWith(office, '✓ 第一季度').textContent();
  expect(quarter).toContain('朝阳幸福邻里中心');
  expect(quarter).not.toContain('连续两年未评星的运营机构');
  await screenshot(office, 'summary-5-office-stars-quarter-normal');
});
