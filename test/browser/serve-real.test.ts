// `cchc serve` end to end with nothing faked: the real handlers on a real .xlsx file, the real
// sidebar in headless Chromium. A new user's first minutes: an empty workbook, install the
// template, check the data, see the problems, write a report and download it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreferenceStore } from '../../src/core/app/context.ts';
import type { Lang } from '../../src/core/model.ts';
import { startServer, type RunningServer } from '../../src/node/serve.ts';
import { createServeHandlers } from '../../src/node/serve-handlers.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { buildSidebarHtml } from '../../sidebar/build-html.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = path.join(process.cwd(), 'test-artifacts', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
const mustRun = Boolean(process.env.CI);
const clock = { today: () => '2024-06-30', now: () => '2024-06-30T09:00:00+07:00' };

describe.skipIf(!haveChromium && !mustRun)('cchc serve on a real empty workbook', { timeout: 60_000 }, () => {
  let browser: Browser;
  let server: RunningServer;
  let file: string;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing and CI is set: install chromium on the runner`);
    mkdirSync(SHOTS, { recursive: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'cchc-serve-real-'));
    file = path.join(dir, 'truong-moi.xlsx');
    await XlsxWorkbook.create().save(file);
    let lang: Lang | null = null;
    const prefs: PreferenceStore = { getLang: () => lang, setLang: (l) => void (lang = l) };
    const handlers = createServeHandlers({ file, outDir: path.join(dir, 'bao-cao'), prefs, clock });
    server = await startServer({ file, port: 0, handlers, sidebarHtml: await buildSidebarHtml() });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('installs the template, checks the data, marks a problem and writes a report', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    const side = page.frameLocator('#sidebar');

    // An empty workbook: the sidebar offers to install the template.
    await side.getByRole('button', { name: 'Cài đặt mẫu', exact: true }).click();
    await expect.poll(() => side.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).count(), { timeout: 15_000 }).toBe(1);
    // The workbook view shows the new sheets.
    await expect.poll(() => page.getByRole('tab', { name: 'Kế hoạch' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // Nothing filled in Thông tin yet: the check says what is missing, at its cell.
    await side.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
    await expect.poll(() => side.locator('.counts').textContent(), { timeout: 15_000 }).toMatch(/lỗi/);
    const issuesText = await side.locator('body').textContent();
    expect(issuesText).toContain('Mã đơn vị');
    await page.locator('#sidebar').screenshot({ path: path.join(SHOTS, '09-real-empty-workbook-checked.png') });

    // Mark the problems on their cells: the workbook view tints B3 with the message.
    await side.getByRole('button', { name: 'Đánh dấu lỗi trên ô', exact: true }).click();
    await page.getByRole('tab', { name: 'Thông tin' }).click();
    await expect.poll(() => page.locator('td.marked').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.locator('td.marked').first().getAttribute('title')).toMatch(/Chưa nhập/);

    // The file on disk was installed (saved after the call that wrote).
    const saved = await XlsxWorkbook.open(file);
    expect(saved.sheetNames()).toContain('Kế hoạch');
    expect(saved.markedCells('Thông tin').map((m) => m.cell)).toEqual(expect.arrayContaining(['B3', 'B4']));

    // The as-of date and period are settled by the real server: today, and for Quý I its last day.
    const asOf = side.getByLabel('Tính đến ngày');
    expect(await asOf.inputValue()).toBe('30/06/2024');
    await side.getByLabel('Kỳ báo cáo').selectOption('Q1');
    await expect.poll(() => asOf.inputValue(), { timeout: 15_000 }).toBe('31/03/2024');
    expect(await side.locator('header .frame-line').textContent()).toBe('Số liệu đến 31/03/2024 · Quý I năm 2024');

    // A plan report on the empty school: the errors are told first (Thông tin is empty, no row
    // is left out), then it still comes out, numbered, and downloads.
    await side.getByLabel(/Loại/).selectOption('plan');
    await side.getByRole('button', { name: 'Tạo báo cáo', exact: true }).click();
    const warning = side.locator('.preflight');
    await expect.poll(() => warning.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await warning.locator('.preflight-title').textContent()).toMatch(/^Dữ liệu còn \d+ lỗi\.$/);
    expect(await warning.locator('li').allTextContents()).toContainEqual(expect.stringMatching(/^\d+ lỗi ở Thông tin \(không bỏ dòng nào\)\.$/));
    await page.locator('#sidebar').screenshot({ path: path.join(SHOTS, '16-real-before-report.png') });
    await side.getByRole('button', { name: 'Vẫn tạo báo cáo', exact: true }).click();
    const link = side.locator('[data-key="report-link"]');
    await expect.poll(() => link.getAttribute('href'), { timeout: 15_000 }).toMatch(/^\/download\/.+\.docx$/);
    expect(await side.locator('.report-result .left-out').textContent()).toMatch(/^Dữ liệu còn \d+ lỗi; không dòng nào bị bỏ ra\.$/);
    const href = (await link.getAttribute('href'))!;
    const response = await page.request.get(new URL(href, server.url).href);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
    await page.close();
  });
});
