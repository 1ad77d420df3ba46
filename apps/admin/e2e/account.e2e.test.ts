/**
 * One's own sign-in in a real browser: a manager changes their password from the user menu (the form
 * checks the domain's password policy before sending; the API refuses a wrong current password under its
 * input), the page passes axe's WCAG 2 A/AA rules, a token taken before the change signs nothing in, and
 * signing out ends the session in the API, not only in the browser. Guessing a password in the sign-in
 * form is throttled with a "try again in N seconds" message.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, login, logout, SERIOUS, shot, startHarness, type Harness } from './harness';

const token = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(localStorage.getItem('suiji.session') ?? '{}') as { token?: string }).token,
  );

describe('one’s own sign-in in a browser', () => {
  let harness: Harness;
  /** Whether the API signs a request in with `bearer`. */
  const signsIn = async (bearer: string | undefined) => {
    const response = await fetch(`${harness.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    return response.status === 200 && ((await response.json()) as { errors?: unknown }).errors === undefined;
  };

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await harness?.stop();
  });

  it('changes the password from the user menu, ending the sessions taken before, and signs out for good', async () => {
    const { base } = harness;
    const page = await harness.newPage();
    await login(page, base, 'manager', 'manager12345');
    const before = await token(page);
    expect(await signsIn(before)).toBe(true);

    await page.getByRole('button', { name: '个人信息' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await page.waitForURL(/#\/account\/password$/);
    await page.getByText('请输入当前密码').waitFor();
    // Checked once the user menu has faded out: while it fades, the page behind it has less contrast.
    await page.locator('#menu-appbar').waitFor({ state: 'hidden' });
    expect(await axeViolations(page)).toEqual([]);

    const current = page.locator('input[name=currentPassword]');
    const next = page.locator('input[name=newPassword]');
    const again = page.locator('input[name=confirmation]');
    const submit = page.getByRole('button', { name: '修改密码' });
    // The domain's policy, in the form: nothing is sent.
    await current.fill('manager12345');
    await next.fill('88888888');
    await again.fill('88888888');
    await submit.click();
    await page.getByText('这是最常见的密码之一').waitFor();
    await next.fill('manager-2026');
    await again.fill('manager-2026');
    await submit.click();
    await page.getByText('密码包含用户名').waitFor();
    await next.fill('qiu-shui-gong-chang-tian');
    await again.fill('qiu-shui-gong-chang-tian-');
    await submit.click();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await shot(page, '20-change-password-refused');
    // The API's refusal of a wrong current password, under its input.
    await current.fill('not-my-password');
    await again.fill('qiu-shui-gong-chang-tian');
    await submit.click();
    // Under its input and in the notification.
    await page.getByText('当前密码不正确').first().waitFor();
    expect(await signsIn(before)).toBe(true);

    await current.fill('manager12345');
    await submit.click();
    await page.getByText('密码已修改').waitFor();
    // Back home, which for a manager is 统计分析.
    await page.getByRole('heading', { name: '统计分析', level: 1 }).waitFor();
    const after = await token(page);
    expect(after).not.toBe(before);
    expect(await signsIn(before)).toBe(false);
    expect(await signsIn(after)).toBe(true);
    // Still signed in here, with the new token.
    await page.goto(`${base}/#/items`);
    await page.locator('tbody tr').first().waitFor();
    expect(await axeViolations(page, SERIOUS)).toEqual([]);

    await logout(page);
    expect(await signsIn(after)).toBe(false);
    await login(page, base, 'manager', 'qiu-shui-gong-chang-tian');
    await logout(page);
    expect(harness.outsideRequests()).toEqual([]);
  });

  it('says how long to wait once a sign-in has been guessed too often', async () => {
    const { base } = harness;
    const page = await harness.newAnonymousPage();
    await page.goto(`${base}/#/login`);
    for (let i = 0; i < 5; i++) {
      await page.locator('input[name=username]').fill('nobody');
      await page.locator('input[name=password]').fill(`guess-${i}`);
      await page.locator('button[type=submit]').click();
      await page.getByText('用户名或密码错误').first().waitFor();
      // The notification goes before the next attempt, so that each message is the attempt's own.
      await page.getByText('用户名或密码错误').first().waitFor({ state: 'detached' });
    }
    await page.locator('button[type=submit]').click();
    await page.getByText(/登录失败次数过多：请 \d+ 秒后再试/).waitFor();
    await shot(page, '21-login-throttled');
  });
});
