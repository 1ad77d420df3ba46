/**
 * 统计分析 in a real browser, over the demo's history: the manager signs in and lands on it with its cards and
 * charts drawn, changes the year, follows a number to the list it counts and finds that many inspections
 * there, behind visible filters; the English switch relabels the charts. The page passes axe's serious
 * rules on a desktop and on a phone, where nothing runs off the screen. Coordinators and administrators
 * find it in the menu; an inspector does not, and is refused it.
 */
import { chinaYear } from '@suiji/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, login, logout, SERIOUS, shot, startHarness, type Harness } from './harness';

const CHARTS = ['chart-ranking', 'chart-categories', 'chart-trend', 'chart-workload'];
/** Waits until every chart is drawn: ECharts has put its SVG in the chart's element. */
async function chartsDrawn(page: Page): Promise<void> {
  for (const id of CHARTS) await page.locator(`[data-testid=${id}] svg`).first().waitFor();
}

/** Chooses an option of one of the page's MUI selects by its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Follows a number's link and checks the list it opens holds that many inspections: the pagination's
 * total, and as many rows as fit on the first page.
 */
async function followsTo(page: Page, link: ReturnType<Page['locator']>): Promise<number> {
  const count = Number(await link.getAttribute('data-value'));
  expect(count).toBeGreaterThan(0);
  await link.click();
  await page.waitForURL(/#\/inspections\?filter=/);
  await page.getByText(new RegExp(`共 ${count} 条`)).waitFor();
  const rows = page.locator('tbody tr');
  await expect(rows.count()).resolves.toBe(Math.min(count, 10));
  return count;
}

describe('统计分析 in a browser', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('lands a manager on the figures, follows a number to as many inspections, and speaks English', async () => {
    const { base } = harness;
    const page = await harness.newPage();
    await login(page, base, 'manager', 'manager12345');
    await page.getByRole('heading', { name: '统计分析', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/(\?|$)/);
    await page
      .getByTestId('statistics-cut-off')
      .getByText(/^截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/)
      .waitFor();
    await chartsDrawn(page);
    await expect(page.locator('[data-testid^=kpi-value-]').count()).resolves.toBe(8);
    await page.getByTestId('kpi-completionRate').getByRole('button', { name: '数据说明' }).waitFor();
    await shot(page, '50-statistics-manager');

    // Last year: the demo's history.
    const lastYear = chinaYear() - 1;
    await choose(page, '年度', String(lastYear));
    await page.getByTestId('statistics-period').getByText(`${lastYear} 年`).waitFor();
    await page.waitForURL(new RegExp(`year=${lastYear}`));
    await chartsDrawn(page);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);

    // A card's number: the visits due that year, behind the filter of that year's days.
    await followsTo(page, page.getByTestId('kpi-value-due'));
    await expect(page.locator('input[name=drawnFrom]').inputValue()).resolves.toBe(`${lastYear}-01-01`);
    await expect(page.locator('input[name=drawnTo]').inputValue()).resolves.toBe(`${lastYear}-12-31`);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '51-statistics-drilled-due');

    // Back to the same figures; a cell of the table: a region's published results.
    await page.goBack();
    await page.getByTestId('statistics-period').getByText(`${lastYear} 年`).waitFor();
    await choose(page, '分组维度', '乡镇/街道');
    // The table of regions, not the previous one still shown while the new one loads.
    const cell = page
      .locator(
        '[data-testid=statistics-table][data-group-by=REGION] [data-testid=statistics-row] [data-figure=published] a:not([data-value="0"])',
      )
      .first();
    await cell.waitFor();
    await page.getByTestId('statistics-total').waitFor();
    await followsTo(page, cell);
    await expect(page.locator('input[name=region]').inputValue()).resolves.not.toBe('');
    await page.goBack();
    await chartsDrawn(page);

    // English relabels the page and the charts, whose descriptions ECharts words in English too.
    const ranking = page.getByTestId('chart-ranking');
    await expect(ranking.getAttribute('role')).resolves.toBe('img');
    await expect(ranking.getAttribute('aria-label')).resolves.toContain('应检查');
    // The app bar hides while the page scrolls down; it is back at the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    await chartsDrawn(page);
    await expect
      .poll(() => ranking.getAttribute('aria-label'))
      .toMatch(/^This is a chart about "Inspections by Department".*Due.*Published.*Completion/);
    await expect(page.getByTestId('chart-trend').getAttribute('aria-label')).resolves.not.toMatch(
      /[应已]检查|已公示/,
    );
    await page.getByTestId('kpi-due').getByText('Due', { exact: true }).waitFor();
    await shot(page, '52-statistics-english');

    // On a phone: the same page, nothing wider than the screen, still without serious violations.
    await page.setViewportSize({ width: 390, height: 844 });
    await chartsDrawn(page);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
    ).resolves.toBe(true);
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await shot(page, '53-statistics-phone');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await logout(page);
    expect(harness.outsideRequests()).toEqual([]);
  });

  it('is in the menu of coordinators and administrators, and not an inspector’s', async () => {
    const { base } = harness;
    const page = await harness.newAnonymousPage();
    for (const username of ['coordinator', 'admin']) {
      await login(page, base, username, `${username}12345`);
      await page.getByRole('menuitem', { name: '统计分析' }).click();
      await page.waitForURL(/#\/statistics/);
      await page.getByRole('heading', { name: '统计分析', level: 1 }).waitFor();
      await chartsDrawn(page);
      expect(await axeViolations(page, SERIOUS)).toEqual([]);
      await logout(page);
    }
    await login(page, base, 'inspector', 'inspector12345');
    await expect(page.getByRole('menuitem', { name: '统计分析' }).count()).resolves.toBe(0);
    await page.goto(`${base}/#/statistics`);
    await page
      .getByText(/无权访问|没有访问此页面的权限/)
      .first()
      .waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);
    await logout(page);
  });
});
