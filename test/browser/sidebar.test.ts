// The real sidebar bundle in headless Chromium, served by `cchc serve` against fake handlers.
// Needs /usr/bin/chromium: skipped with a message when it is missing, unless CI is set (then it fails).

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSidebarHtml } from '../../sidebar/build-html.mjs';
import { startServer, type RunningServer } from '../../src/node/serve.ts';
import { createFakeServer, XSS_TITLE, type FakeControl } from './fake-server.ts';
import { API_NAMES } from '../../src/core/api.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = join(process.cwd(), 'test-artifacts', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
const mustRun = Boolean(process.env.CI);
if (!haveChromium && !mustRun) {
  console.warn(`test/browser: ${CHROMIUM} not found; browser tests skipped (install: apt-get install -y chromium). With CI set they fail instead.`);
}

describe.skipIf(!haveChromium && !mustRun)('sidebar in Chromium via cchc serve', { timeout: 30_000 }, () => {
  let browser: Browser;
  let sidebarHtml: string;
  let server: RunningServer;
  let control: FakeControl;
  let page: Page;
  let dialogs: string[];
  let pageErrors: string[];
  let side: FrameLocator;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing and CI is set: install chromium on the runner`);
    mkdirSync(SHOTS, { recursive: true });
    sidebarHtml = await buildSidebarHtml();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await open();
  });

  /** A fresh fake server and page, the sidebar loaded. */
  async function open(options?: Parameters<typeof createFakeServer>[0]) {
    await page?.close();
    await server?.close();
    const fake = createFakeServer(options);
    control = fake.control;
    server = await startServer({ handlers: fake.handlers, port: 0, sidebarHtml, file: 'mnbt-2024.xlsx' });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.setDefaultTimeout(8_000);
    dialogs = [];
    pageErrors = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    side = page.frameLocator('#sidebar');
    await expect.poll(() => side.locator('.unit').textContent()).toBe('Trường Mầm non Bến Thành');
  }

  afterEach(async () => {
    await page?.close();
    await server?.close();
    expect(pageErrors).toEqual([]);
  });

  const shot = (name: string) => page.locator('#sidebar').screenshot({ path: join(SHOTS, `${name}.png`) });
  const sidebarButton = (name: string | RegExp) => side.getByRole('button', { name, exact: typeof name === 'string' });

  it('shows the school status at a glance: tasks, targets, milestones, overdue tasks', async () => {
    await expect.poll(() => side.locator('header .frame-line').textContent()).toBe('Số liệu đến 30/06/2024 · Quý II năm 2024');
    expect(await side.locator('.status-errors').textContent()).toBe('Dữ liệu còn 3 lỗi; 3 dòng chưa được tính.');
    const countOf = (id: string) => side.locator(`.bar-row[data-id="${id}"] .bar-count`).textContent();
    expect(await countOf('overdue')).toBe('2');
    expect(await countOf('onTrack')).toBe('2');
    expect(await countOf('met')).toBe('9');
    expect(await countOf('noData')).toBe('3');
    expect(await side.locator('h3', { hasText: 'Nhiệm vụ (7)' }).count()).toBe(1);
    expect(await side.locator('h3', { hasText: 'Chỉ tiêu (16)' }).count()).toBe(1);
    // A bar's length is its share of the total: 9 of 16 targets met.
    const ratio = await side.locator('.bar-row[data-id="met"] .bar-fill').evaluate((el) => (el as HTMLElement).style.width);
    expect(ratio).toBe('56%');
    expect(await side.locator('.milestones li').allTextContents()).toEqual([
      '05/07/2024Khảo sát mức độ hài lòng của PHHS về thanh toán học phí qua Yoyoschool',
      '10/07/2024Hạn báo cáo đợt 1',
    ]);
    // The overdue tasks fold, closed, their number in the summary.
    expect(await side.locator('details.fold summary').textContent()).toBe('Nhiệm vụ quá hạn (2)');
    expect(await side.locator('details.fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await side.locator('.overdue .item-meta').first().isVisible()).toBe(false);
    expect(await side.locator('.overdue .item-meta').first().textContent()).toBe('Lê Thị Hoà · hạn 15/06/2024 · trễ 15 ngày');
    // Nothing is wider than the 300-px sidebar.
    const overflow = await side.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(overflow).toBe(0);
    await shot('01-status-vi');
    await page.screenshot({ path: join(SHOTS, '01-page.png') });
  });

  it('folds a long overdue list, closed, and it stays as the user left it while the page is redrawn', async () => {
    await open({ extraOverdue: 10 });
    const fold = side.locator('details.fold');
    const summary = fold.locator('summary');
    expect(await summary.textContent()).toBe('Nhiệm vụ quá hạn (12)');
    expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await side.locator('.overdue li').first().isVisible()).toBe(false);
    // Opened from the keyboard, all twelve show; a redraw (a check of the data) keeps it open.
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => side.locator('.overdue li').filter({ visible: true }).count()).toBe(12);
    await sidebarButton('Kiểm tra dữ liệu').click();
    await expect.poll(() => side.locator('.counts').count()).toBe(1);
    expect(await side.locator('details.fold').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await side.locator('details.fold summary').click();
    expect(await side.locator('.overdue li').first().isVisible()).toBe(false);
  });

  it('shows a task named like HTML as text, and no script runs', async () => {
    const overdueTitles = await side.locator('.overdue .item-title').allTextContents();
    expect(overdueTitles).toContain(XSS_TITLE);
    await sidebarButton('Kiểm tra dữ liệu').click();
    await expect.poll(() => side.locator('.issue-message').allTextContents()).toContain(`Tên nhiệm vụ “${XSS_TITLE}” chứa ký tự đặc biệt.`);
    // The read-only workbook view shows it as a cell's text too.
    await page.getByRole('tab', { name: 'Kế hoạch' }).click();
    expect(await page.locator('td[data-cell="C5"]').textContent()).toBe(XSS_TITLE);
    expect(await side.locator('img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('validates, groups the problems by sheet, and a click selects the cell in the workbook view', async () => {
    await sidebarButton('Kiểm tra dữ liệu').click();
    await expect.poll(() => side.locator('.counts').textContent()).toBe('Tìm thấy 3 lỗi, 2 cảnh báo, 2 lưu ý.');
    expect(await side.locator('#issues h3').allTextContents()).toEqual(['Kế hoạch (4)', 'Chỉ tiêu (1)', 'Nhân sự (1)', 'Hoạt động (1)']);
    // A problem of the whole sheet is listed but not clickable.
    expect(await side.locator('.item-static').textContent()).toContain('cả trang tính');

    await side.locator('.issue .item-button', { hasText: 'G6' }).click();
    await expect.poll(() => page.locator('td.selected').getAttribute('data-cell')).toBe('G6');
    expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe('Kế hoạch');
    expect(await side.locator('.item-button[aria-current=true]').textContent()).toContain('G6');
    expect(control.calls.filter((c) => c.name === 'selectCell').map((c) => c.input)).toEqual([{ sheet: 'Kế hoạch', cell: 'G6' }]);
    await expect.poll(() => side.locator('#notice').textContent()).toBe('Đã chọn ô G6 trên trang Kế hoạch.');
    await shot('02-validate-selected');
    await page.screenshot({ path: join(SHOTS, '02-page-selected.png') });

    // Another sheet's problem switches the tab.
    await side.locator('.issue .item-button', { hasText: 'N4' }).click();
    await expect.poll(() => page.locator('[role=tab][aria-selected=true]').textContent()).toBe('Chỉ tiêu');
    expect(await page.locator('td.selected').getAttribute('data-cell')).toBe('N4');
  });

  it('works from the keyboard and keeps focus on the button pressed', async () => {
    const validate = sidebarButton('Kiểm tra dữ liệu');
    await validate.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => side.locator('.counts').count()).toBe(1);
    expect(await side.locator(':focus').getAttribute('data-key')).toBe('validate');
    await sidebarButton('Đánh dấu lỗi trên ô').focus();
    await page.keyboard.press('Tab'); // → Xóa đánh dấu
    await page.keyboard.press('Tab'); // → the first problem
    expect(await side.locator(':focus').textContent()).toContain('G6');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('td.selected').getAttribute('data-cell')).toBe('G6');
    // The focus ring is visible (an outline, not the browser's default none).
    const outline = await side.locator(':focus').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });

  it('marks problems on the cells and clears them', async () => {
    await sidebarButton('Đánh dấu lỗi trên ô').click();
    await expect.poll(() => side.locator('#notice').textContent()).toBe('Đã đánh dấu 6 ô.');
    await page.getByRole('tab', { name: 'Kế hoạch' }).click();
    await expect.poll(() => page.locator('td.marked').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-cell')))).toEqual(['L3', 'C5', 'G6', 'K8']);
    await sidebarButton('Xóa đánh dấu').click();
    await expect.poll(() => side.locator('#notice').textContent()).toBe('Đã xóa đánh dấu.');
    await expect.poll(() => page.locator('td.marked').count()).toBe(0);
  });

  it('shows progress while long work runs, holds other actions, then the result', async () => {
    const release = control.hold('updateProgress');
    await sidebarButton('Cập nhật tiến độ').click();
    await expect.poll(() => side.locator('#busy').isVisible()).toBe(true);
    expect(await side.locator('#busy-text').textContent()).toBe('Đang cập nhật tiến độ và trang Tổng hợp…');
    expect(await sidebarButton('Kiểm tra dữ liệu').getAttribute('aria-disabled')).toBe('true');
    expect(await side.locator('#app').getAttribute('aria-busy')).toBe('true');
    await shot('03-busy');
    // A click while busy starts nothing (forced: Playwright itself will not click aria-disabled).
    await sidebarButton('Kiểm tra dữ liệu').click({ force: true });
    release();
    await expect.poll(() => side.locator('#notice').textContent()).toBe('Đã cập nhật tiến độ đến ngày 30/06/2024. 3 dòng có lỗi chưa được tính.');
    expect(await side.locator('#busy').isVisible()).toBe(false);
    expect(await sidebarButton('Kiểm tra dữ liệu').getAttribute('aria-disabled')).toBe('false');
    expect(control.calls.filter((c) => c.name === 'validate')).toEqual([]);
    expect(control.calls.find((c) => c.name === 'updateProgress')?.input).toEqual({ asOf: '2024-06-30', period: 'Q2' });
  });

  it('generates a report from clean data at once, and links to it', async () => {
    control.fixErrors();
    await side.getByLabel('Loại văn bản').selectOption('quarterly');
    await side.getByLabel('Ngày ban hành').fill('5/7/2024');
    await sidebarButton('Tạo báo cáo').click();
    const link = side.locator('.report-result a');
    await expect.poll(() => link.textContent()).toBe('Mở: Báo cáo CCHC quý II năm 2024 - số 12.docx');
    expect(await link.getAttribute('href')).toBe(`/download/${encodeURIComponent('Báo cáo CCHC quý II năm 2024 - số 12.docx')}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await side.locator('.report-result').textContent()).toContain('Số: 12/BC-MNBT');
    // No warning: the data was checked afresh first and has no error; nothing left out.
    expect(await side.locator('.preflight').count()).toBe(0);
    expect(await side.locator('.report-result .left-out').count()).toBe(0);
    expect(control.calls.map((c) => c.name)).toEqual(['getState', 'getState', 'generateReport']);
    expect(control.calls.find((c) => c.name === 'generateReport')?.input).toEqual({ type: 'quarterly', asOf: '2024-06-30', period: 'Q2', date: '2024-07-05' });
    expect(await side.locator(':focus').getAttribute('data-key')).toBe('report-link');
    await shot('04-report');

    // The link downloads the file the server wrote.
    const response = await page.request.get(new URL((await link.getAttribute('href')) ?? '', server.url).href);
    expect(response.status()).toBe(200);

    // A plan is made for the same as-of date (its figures agree with the screen's).
    await side.getByLabel('Loại văn bản').selectOption('plan');
    await sidebarButton('Tạo báo cáo').click();
    await expect.poll(() => link.textContent()).toContain('số 13');
    expect(control.calls.filter((c) => c.name === 'generateReport')[1]?.input).toEqual({ type: 'plan', asOf: '2024-06-30', period: 'Q2', date: '2024-07-05' });
  });

  it('takes the as-of date and period from the server, and every call uses the ones chosen', async () => {
    const asOf = side.getByLabel('Tính đến ngày');
    const period = side.getByLabel('Kỳ báo cáo');
    // The default is the server's: the sidebar asked for none.
    expect(await asOf.inputValue()).toBe('30/06/2024');
    expect(await period.inputValue()).toBe('Q2');
    expect(control.calls).toEqual([{ name: 'getState', input: {} }]);
    const overdue = () => side.locator('.bar-row[data-id="overdue"] .bar-count').textContent();
    expect(await overdue()).toBe('2');

    // An earlier day, typed day first: the figures are as they stood then (no task late yet).
    await asOf.fill('10/6/2024');
    await asOf.press('Enter');
    await expect.poll(() => side.locator('header .frame-line').textContent()).toBe('Số liệu đến 10/06/2024 · Quý II năm 2024');
    expect(await overdue()).toBe('0');
    expect(await side.locator('details.fold').count()).toBe(0);
    expect(await asOf.inputValue()).toBe('10/06/2024');
    expect(control.calls.at(-1)).toEqual({ name: 'getState', input: { asOf: '2024-06-10' } });

    // Quý I ends before it: the server moves the as-of date to the quarter's end, and the field says so.
    await period.selectOption('Q1');
    await expect.poll(() => asOf.inputValue()).toBe('31/03/2024');
    expect(control.calls.at(-1)).toEqual({ name: 'getState', input: { asOf: '2024-06-10', period: 'Q1' } });
    expect(await side.locator('#as-of-hint').textContent()).toBe('Quý I kết thúc ngày 31/03/2024: số liệu tính đến ngày đó.');
    await shot('11-as-of-moved');

    // Every call gets the frame on screen, so the sidebar, Tổng hợp and the report agree.
    const frame = { asOf: '2024-03-31', period: 'Q1' };
    await sidebarButton('Kiểm tra dữ liệu').click();
    await expect.poll(() => side.locator('.counts').count()).toBe(1);
    await sidebarButton('Đánh dấu lỗi trên ô').click();
    await expect.poll(() => side.locator('#notice').textContent()).toBe('Đã đánh dấu 6 ô.');
    await sidebarButton('Cập nhật tiến độ').click();
    await expect.poll(() => side.locator('#notice').textContent()).toBe('Đã cập nhật tiến độ đến ngày 31/03/2024. 3 dòng có lỗi chưa được tính.');
    await sidebarButton('Tạo báo cáo').click();
    await sidebarButton('Vẫn tạo báo cáo').click();
    await expect.poll(() => side.locator('[data-key="report-link"]').count()).toBe(1);
    for (const name of ['validate', 'markProblems', 'updateProgress']) expect(control.calls.find((c) => c.name === name)?.input, name).toEqual(frame);
    expect(control.calls.find((c) => c.name === 'generateReport')?.input).toEqual({ type: 'quarterly', ...frame });
    // The check before the report asked for the frame chosen.
    expect(control.calls.filter((c) => c.name === 'getState').at(-1)?.input).toEqual({ asOf: '2024-06-10', period: 'Q1' });

    // Back to the default; the list of problems shown is checked again for it.
    await sidebarButton('Về mặc định').click();
    await expect.poll(() => asOf.inputValue()).toBe('30/06/2024');
    expect(await period.inputValue()).toBe('Q2');
    await expect.poll(() => control.calls.at(-1)).toEqual({ name: 'validate', input: { asOf: '2024-06-30', period: 'Q2' } });
    expect(control.calls.at(-2)).toEqual({ name: 'getState', input: {} });
    expect(await sidebarButton('Về mặc định').count()).toBe(0);

    // Leaving the field for an action: the figures are settled for the new date, then the action runs with it.
    await asOf.fill('15/06/2024');
    await sidebarButton('Cập nhật tiến độ').click();
    await expect.poll(() => control.calls.filter((c) => c.name === 'updateProgress').at(-1)?.input).toEqual({ asOf: '2024-06-15', period: 'Q2' });
    // (The list of problems shown is checked again for the new date first.)
    expect(control.calls.slice(-3)).toEqual([
      { name: 'getState', input: { asOf: '2024-06-15' } },
      { name: 'validate', input: { asOf: '2024-06-15', period: 'Q2' } },
      { name: 'updateProgress', input: { asOf: '2024-06-15', period: 'Q2' } },
    ]);

    // The choice lasts for this sidebar only: opened again, it starts at the default.
    await page.reload();
    side = page.frameLocator('#sidebar');
    await expect.poll(() => side.getByLabel('Tính đến ngày').inputValue()).toBe('30/06/2024');
    expect(control.calls.at(-1)).toEqual({ name: 'getState', input: {} });
  });

  it('refuses an as-of date that does not exist at the field, and asks the server nothing', async () => {
    const asOf = side.getByLabel('Tính đến ngày');
    // The date on screen written otherwise is no change.
    await asOf.fill('30/6/2024');
    await asOf.press('Enter');
    expect(await asOf.getAttribute('aria-invalid')).toBeNull();
    expect(control.calls).toEqual([{ name: 'getState', input: {} }]);
    await asOf.fill('31/02/2024');
    await page.keyboard.press('Tab');
    await expect.poll(() => asOf.getAttribute('aria-invalid')).toBe('true');
    expect(await side.locator('#as-of-hint').textContent()).toBe('Ngày “31/02/2024” không hợp lệ. Viết ngày/tháng/năm, ví dụ 30/06/2024.');
    expect(await side.locator(':focus').getAttribute('data-key')).toBe('as-of');
    expect(await asOf.getAttribute('aria-describedby')).toBe('as-of-hint');
    expect(control.calls).toEqual([{ name: 'getState', input: {} }]);
    // The figures on screen stay those of the last good date.
    expect(await side.locator('header .frame-line').textContent()).toBe('Số liệu đến 30/06/2024 · Quý II năm 2024');
    await shot('12-bad-as-of');
    await asOf.fill('hôm qua');
    await asOf.press('Enter');
    expect(await side.locator('#as-of-hint').textContent()).toContain('“hôm qua” không hợp lệ');
    expect(control.calls).toHaveLength(1);
    // A real date clears the message and is asked for.
    await asOf.fill('15/06/2024');
    await asOf.press('Enter');
    await expect.poll(() => asOf.getAttribute('aria-invalid')).toBeNull();
    expect(control.calls.at(-1)).toEqual({ name: 'getState', input: { asOf: '2024-06-15' } });
    expect(await side.locator('#as-of-hint').textContent()).toBe('Ngày trước, tháng sau, ví dụ 30/06/2024. Để trống: ngày mặc định.');
  });

  it('before a report from data with errors, says the rows left out per sheet; check first, or go on', async () => {
    await sidebarButton('Tạo báo cáo').click();
    const warning = side.locator('.preflight');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.locator('.preflight-title').textContent()).toBe('Dữ liệu còn 3 lỗi.');
    expect(await warning.locator('li').allTextContents()).toEqual([
      '2 dòng ở Kế hoạch có lỗi sẽ không được tính.',
      '1 dòng ở Chỉ tiêu có lỗi sẽ không được tính.',
    ]);
    expect(await side.locator(':focus').getAttribute('data-key')).toBe('preflight');
    expect(control.calls.map((c) => c.name)).toEqual(['getState', 'getState']);
    // In view at the top, under the actions.
    const box = await page.locator('#sidebar').evaluate(() => 0).then(() => warning.boundingBox());
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    await shot('13-before-report-warning');

    // Check first: the list of problems, in view, and no report.
    await sidebarButton('Kiểm tra trước').click();
    await expect.poll(() => side.locator('.counts').textContent()).toBe('Tìm thấy 3 lỗi, 2 cảnh báo, 2 lưu ý.');
    expect(await warning.count()).toBe(0);
    expect(await side.locator(':focus').getAttribute('data-key')).toBe('issues-summary');
    expect(await side.locator('#h-check').evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < 200)).toBe(true);
    expect(control.calls.filter((c) => c.name === 'generateReport')).toEqual([]);
    await shot('14-check-first');

    // Again, and go on: the report is made, and says what it left out, by the link.
    await sidebarButton('Tạo báo cáo').click();
    await sidebarButton('Vẫn tạo báo cáo').click();
    const link = side.locator('[data-key="report-link"]');
    await expect.poll(() => link.count()).toBe(1);
    expect(await side.locator('.report-result .left-out').textContent()).toBe('Không tính 3 dòng có lỗi (Kế hoạch: 2, Chỉ tiêu: 1).');
    expect(await side.locator(':focus').getAttribute('data-key')).toBe('report-link');
    expect(control.calls.filter((c) => c.name === 'generateReport')).toHaveLength(1);
    await shot('15-report-left-out');

    // Fixed in the sheet, the next report goes straight through: the check is done afresh.
    control.fixErrors();
    await sidebarButton('Tạo báo cáo').click();
    await expect.poll(() => control.calls.filter((c) => c.name === 'generateReport').length).toBe(2);
    expect(await warning.count()).toBe(0);
    await expect.poll(() => side.locator('.report-result .left-out').count()).toBe(0);
  });

  it('puts the three main actions in view at 300×800 and first in tab order, the overdue list folded', async () => {
    await open({ extraOverdue: 10 });
    await page.setViewportSize({ width: 300, height: 800 });
    await page.goto(server.urlFor('/sidebar'));
    await expect.poll(() => page.locator('.unit').textContent()).toBe('Trường Mầm non Bến Thành');
    for (const name of ['Kiểm tra dữ liệu', 'Cập nhật tiến độ', 'Tạo báo cáo']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.y, name).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(800);
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(300);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Tab from the top of the page: the three actions come first, in this order.
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key));
    }
    expect(order).toEqual(['validate', 'progress', 'generate', 'lang']);
    // The overdue list is folded, its number in the summary.
    expect(await page.locator('details.fold summary').textContent()).toBe('Nhiệm vụ quá hạn (12)');
    expect(await page.locator('details.fold[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: join(SHOTS, '10-first-screen-300x800.png') });
    await page.screenshot({ path: join(SHOTS, '10-whole-300px.png'), fullPage: true });
  });

  it('refuses a document date that does not exist, says why, and sends nothing', async () => {
    control.fixErrors();
    const date = side.getByLabel('Ngày ban hành');
    await date.fill('31/02/2024');
    await sidebarButton('Tạo báo cáo').click();
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    expect(await side.locator('#report-date-hint').textContent()).toBe('Ngày “31/02/2024” không hợp lệ. Viết ngày/tháng/năm, ví dụ 05/07/2024.');
    expect(await side.locator(':focus').getAttribute('data-key')).toBe('report-date');
    expect(control.calls.filter((c) => c.name === 'generateReport')).toEqual([]);
    await shot('07-bad-date');
    // Emptied, the date defaults to today on the server: nothing is sent for it.
    await date.fill('');
    await sidebarButton('Tạo báo cáo').click();
    await expect.poll(() => control.calls.filter((c) => c.name === 'generateReport').length).toBe(1);
    expect(control.calls.find((c) => c.name === 'generateReport')?.input).toEqual({ type: 'quarterly', asOf: '2024-06-30', period: 'Q2' });
    expect(await date.getAttribute('aria-invalid')).toBeNull();
  });

  it('switches to English, and the choice persists after a reload', async () => {
    await side.getByRole('button', { name: /Switch to English/ }).click();
    await expect.poll(() => side.locator('#h-status').textContent()).toBe('Status');
    expect(control.lang).toBe('en');
    expect(await side.locator('html').getAttribute('lang')).toBe('en');
    expect(await side.locator('.milestones li').last().textContent()).toBe('10/07/2024Phase-1 report deadline');
    expect(await side.locator('#h-frame').textContent()).toBe('Figures as of');
    expect(await side.getByLabel('As-of date').inputValue()).toBe('30/06/2024');
    expect(await side.locator('details.fold summary').textContent()).toBe('Overdue tasks (2)');
    expect(await side.locator('header .frame-line').textContent()).toBe('Figures as of 30/06/2024 · Q2 2024');
    await shot('05-status-en');

    await page.reload();
    side = page.frameLocator('#sidebar');
    await expect.poll(() => side.locator('#h-status').textContent()).toBe('Status');
    expect(await sidebarButton('Check data').count()).toBe(1);
    await sidebarButton('Check data').click();
    await expect.poll(() => side.locator('.counts').textContent()).toBe('Found 3 errors, 2 warnings, 2 notices.');

    await side.getByRole('button', { name: /Switch to Vietnamese/ }).click();
    await expect.poll(() => side.locator('#h-status').textContent()).toBe('Tình hình chung');
    expect(control.lang).toBe('vi');
  });

  it('shows a friendly message, never a stack, when the server fails unexpectedly, and recovers', async () => {
    control.failNext('updateProgress', 'unexpected');
    await sidebarButton('Cập nhật tiến độ').click();
    const error = side.locator('#error');
    await expect.poll(() => error.isVisible()).toBe(true);
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('Không thực hiện được.');
    expect(text).toContain('Đã có lỗi xảy ra. Vui lòng thử lại');
    expect(text).not.toMatch(/TypeError|undefined|progress\.ts|at compute/);
    expect(await error.getAttribute('role')).toBe('alert');
    await shot('06-error');
    // The next try works, and the message goes.
    await sidebarButton('Cập nhật tiến độ').click();
    await expect.poll(() => error.isVisible()).toBe(false);
    expect(await side.locator('#notice').textContent()).toContain('Đã cập nhật tiến độ');
  });

  it("shows a handler's own message (someone else is updating) as it is", async () => {
    control.failNext('markProblems', 'busy');
    await sidebarButton('Đánh dấu lỗi trên ô').click();
    await expect.poll(() => side.locator('#error .error-text').textContent()).toBe('Đang có người khác cập nhật bảng tính. Vui lòng thử lại sau ít phút.');
    await side.getByRole('button', { name: 'Đóng' }).click();
    expect(await side.locator('#error').isVisible()).toBe(false);
  });

  it('says the server cannot be reached when the connection fails', async () => {
    await page.route('**/api/validate', (route) => route.abort('connectionrefused'));
    await sidebarButton('Kiểm tra dữ liệu').click();
    await expect.poll(() => side.locator('#error .error-text').textContent()).toBe('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.');
  });

  it('refuses an answer outside the contract instead of showing it', async () => {
    await page.route('**/api/validate', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ issues: 'oops' }) }),
    );
    await sidebarButton('Kiểm tra dữ liệu').click();
    await expect.poll(() => side.locator('#error .error-text').textContent()).toContain('Máy chủ trả về kết quả không đúng định dạng');
    expect(await side.locator('#issues').count()).toBe(0);
  });

  it('offers a reload when the first load fails', async () => {
    control.failNext('getState', 'unexpected');
    await page.reload();
    side = page.frameLocator('#sidebar');
    await expect.poll(() => side.locator('#error').isVisible()).toBe(true);
    await sidebarButton('Tải lại').click();
    await expect.poll(() => side.locator('.unit').textContent()).toBe('Trường Mầm non Bến Thành');
    expect(await side.locator('#error').isVisible()).toBe(false);
  });

  it('inside Google Sheets (google.script.run present) goes through it, not HTTP, at 300 px', async () => {
    // A stand-in for google.script.run that answers from the same fake handlers, as the real
    // dispatcher would: an ApiEnvelope from the entry point.
    await page.addInitScript(googleScriptRunStandIn());
    await page.setViewportSize({ width: 300, height: 900 });
    await page.goto(server.urlFor('/sidebar'));
    await expect.poll(() => page.locator('.unit').textContent()).toBe('Trường Mầm non Bến Thành');
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
    await expect.poll(() => page.locator('.counts').textContent()).toBe('Tìm thấy 3 lỗi, 2 cảnh báo, 2 lưu ý.');
    expect(await page.evaluate(() => (window as unknown as { __gasCalls: string[] }).__gasCalls)).toEqual(['getState', 'reminderState', 'validate']);
    expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: join(SHOTS, '08-gas-mode-300px.png'), fullPage: true });
  });

  it('opens on the view the menu asked for, and links the Google Doc and its PDF', async () => {
    // As in Sheets: the menu's "Kiểm tra dữ liệu" sets window.CCHC_VIEW (src/gas/menu.ts), and a
    // report comes back as a Google Doc link.
    await page.addInitScript(googleScriptRunStandIn({
      before: "window.CCHC_VIEW = 'validate';",
      generateReport: { url: 'https://docs.google.com/document/d/abc_123-X/edit', name: 'BC-CCHC', number: '03/BC-MNBT', pdfUrl: 'https://docs.google.com/document/d/abc_123-X/export?format=pdf', dataErrors: { errors: 0, rowsLeftOut: 0, sheets: [] } },
    }));
    await page.setViewportSize({ width: 300, height: 900 });
    await page.goto(server.urlFor('/sidebar'));
    await expect.poll(() => page.locator('.counts').textContent()).toBe('Tìm thấy 3 lỗi, 2 cảnh báo, 2 lưu ý.');
    // One call opens it with the check: the school is read once (getState withIssues), then where
    // the reminders stand.
    expect(await page.evaluate(() => (window as unknown as { __gasCalls: string[] }).__gasCalls)).toEqual(['getState', 'reminderState']);
    await page.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
    await page.getByRole('button', { name: 'Vẫn tạo báo cáo', exact: true }).click();
    const pdf = page.locator('[data-key="report-pdf"]');
    await expect.poll(() => pdf.getAttribute('href')).toBe('https://docs.google.com/document/d/abc_123-X/export?format=pdf');
    expect(await page.locator('.report-result').textContent()).toContain('Chèn › Số trang');
    expect(await page.evaluate(() => (window as unknown as { __gasCalls: string[] }).__gasCalls)).toEqual(['getState', 'reminderState', 'getState', 'generateReport']);
  });

  it('in Google Sheets turns the weekly e-mail reminders on and off, at 300 px', async () => {
    await page.addInitScript(googleScriptRunStandIn({ reminders: { enabled: false, scheduled: false, lastMonday: '2024-06-24', notice: '' } }));
    await page.setViewportSize({ width: 300, height: 800 });
    await page.goto(server.urlFor('/sidebar'));
    const card = page.locator('section.reminders');
    await expect.poll(() => card.locator('.remind-state').textContent()).toBe('Đang tắt.');
    expect(await card.textContent()).toContain('Lần gửi gần nhất: tuần 24/06/2024.');
    await page.getByRole('button', { name: 'Bật nhắc việc hằng tuần', exact: true }).click();
    await expect.poll(() => card.locator('.remind-state').textContent()).toContain('Đang bật: mỗi thứ Hai');
    expect(await page.locator('#notice').textContent()).toContain('Đã bật nhắc việc hằng tuần.');
    await page.getByRole('button', { name: 'Tắt nhắc việc', exact: true }).click();
    await expect.poll(() => card.locator('.remind-state').textContent()).toBe('Đang tắt.');
    const calls = await page.evaluate(() => (window as unknown as { __gasInputs: [string, unknown][] }).__gasInputs);
    expect(calls.filter(([n]) => n === 'setReminders').map(([, i]) => i)).toEqual([{ on: true }, { on: false }]);
    expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: join(SHOTS, '09-reminders-300px.png'), fullPage: true });
  });

  it('in Google Sheets says so when the setting is Có but this user has no weekly schedule', async () => {
    await page.addInitScript(googleScriptRunStandIn({ reminders: { enabled: true, scheduled: false, lastMonday: null, notice: '' } }));
    await page.goto(server.urlFor('/sidebar'));
    const card = page.locator('section.reminders');
    await expect.poll(() => card.locator('.remind-state').textContent()).toContain('chưa được đặt');
    expect(await page.getByRole('button', { name: 'Bật nhắc việc hằng tuần', exact: true }).count()).toBe(1);
  });

  it('under cchc serve says reminders are sent from Google Sheets, or by cchc remind', async () => {
    await expect.poll(() => side.locator('section.reminders').textContent()).toContain('cchc remind');
    expect(await side.locator('section.reminders button').count()).toBe(0);
    expect(await side.locator('#error').isVisible()).toBe(false);
  });

  it('Năm mới under cchc serve: the card names the command that makes the new file', async () => {
    await sidebarButton('Tạo bảng tính năm 2025…').click();
    await expect.poll(() => side.locator('.rollover code').textContent()).toBe('Trên máy tính, năm mới được tạo bằng lệnh: cchc rollover TỆP.xlsx --year 2025');
    expect(await side.locator('.rollover button').count()).toBe(0);
  });

  it('Năm mới from the menu in a copy (Sheets): the card offers the roll, then says what it carried', async () => {
    await page.addInitScript(googleScriptRunStandIn({
      before: "window.CCHC_VIEW = 'rollover';",
      answers: {
        rolloverState: { ok: true, value: { place: 'copy', fromYear: 2024, toYear: 2025 } },
        rollCopy: { ok: true, value: { fromYear: 2024, toYear: 2025, tasks: 14, pastYear: 3, kpis: 16, initiatives: 1, counts: { error: 0, warning: 3, notice: 0 } } },
      },
    }));
    await page.setViewportSize({ width: 300, height: 900 });
    await page.goto(server.urlFor('/sidebar'));
    const roll = page.getByRole('button', { name: 'Chuyển bản sao này sang năm 2025', exact: true });
    await expect.poll(() => roll.count()).toBe(1);
    expect(await page.locator('.rollover').textContent()).toContain('Bảng tính này là bản sao của bảng tính năm 2024.');
    await roll.click();
    await expect.poll(() => page.locator('.rollover').textContent()).toContain('Bảng tính năm 2025 đã sẵn sàng: 14 nhiệm vụ, 16 chỉ tiêu, 1 sáng kiến được chuyển sang.');
    expect(await page.locator('.rollover').textContent()).toContain('3 nhiệm vụ có hạn hoàn thành trong năm 2024: xem lại và đặt hạn mới.');
    // (The reminders' card asks for its state on its own: not part of this flow.)
    expect(await page.evaluate(() => (window as unknown as { __gasCalls: string[] }).__gasCalls.filter((n) => n !== 'reminderState'))).toEqual(['getState', 'rolloverState', 'rollCopy', 'getState']);
    expect(await page.evaluate(() => document.body.scrollWidth)).toBeLessThanOrEqual(300);
  });

  it('Năm mới in the original (Sheets): get ready, then the steps to make the copy; no roll offered', async () => {
    await page.addInitScript(googleScriptRunStandIn({
      before: "window.CCHC_VIEW = 'rollover';",
      answers: {
        rolloverState: { ok: true, value: { place: 'none', fromYear: 2024, toYear: 2025 } },
        startRollover: { ok: true, value: { place: 'original', fromYear: 2024, toYear: 2025 } },
      },
    }));
    await page.goto(server.urlFor('/sidebar'));
    const ready = page.getByRole('button', { name: 'Chuẩn bị năm 2025', exact: true });
    await expect.poll(() => ready.count()).toBe(1);
    await ready.click();
    await expect.poll(() => ready.count()).toBe(0);
    const card = page.locator('.rollover');
    expect(await card.textContent()).toContain('2. Tạo bản sao: Tệp › Tạo bản sao, đặt tên ví dụ “CCHC 2025”.');
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __gasCalls: string[] }).__gasCalls.filter((n) => n !== 'reminderState'))).toEqual(['getState', 'rolloverState', 'startRollover']);
  });
});

/**
 * A stand-in for google.script.run that answers from the fake HTTP handlers, as the real
 * dispatcher would (an ApiEnvelope per call), recording the calls in window.__gasCalls.
 * `generateReport` fixes that call's answer (a Google Doc link, as in Sheets).
 */
function googleScriptRunStandIn(opts: { before?: string; generateReport?: unknown; reminders?: { enabled: boolean; scheduled: boolean; lastMonday: string | null; notice: string }; answers?: Record<string, unknown> } = {}): string {
  return `
    ${opts.before ?? ''}
    window.__gasCalls = [];
    window.__gasInputs = [];
    var fixedReport = ${JSON.stringify(opts.generateReport ?? null)};
    // Reminders as Sheets answers them (this user's trigger and the setting), when asked for.
    var reminders = ${JSON.stringify(opts.reminders ?? null)};
    var fixed = ${JSON.stringify(opts.answers ?? {})};
    function runner(ok, fail) {
      var r = {
        withSuccessHandler: function (f) { return runner(f, fail); },
        withFailureHandler: function (f) { return runner(ok, f); },
      };
      ${JSON.stringify(API_NAMES)}.forEach(function (name) {
        r[name] = function (input) {
          window.__gasCalls.push(name);
          window.__gasInputs.push([name, input]);
          if (name === 'generateReport' && fixedReport) { ok({ ok: true, value: fixedReport }); return; }
          if (reminders && name === 'reminderState') { setTimeout(function () { ok({ ok: true, value: reminders }); }, 0); return; }
          if (reminders && name === 'setReminders') { reminders = Object.assign({}, reminders, { enabled: input.on, scheduled: input.on }); setTimeout(function () { ok({ ok: true, value: reminders }); }, 0); return; }
          if (Object.prototype.hasOwnProperty.call(fixed, name)) { ok(fixed[name]); return; }
          fetch('/api/' + name, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
            .then(function (res) { return res.json().then(function (b) { ok(res.ok ? { ok: true, value: b } : { ok: false, error: b }); }); })
            .catch(fail);
        };
      });
      return r;
    }
    window.google = { script: { run: runner() } };
  `;
}
