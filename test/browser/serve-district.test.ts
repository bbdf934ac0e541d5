// `cchc serve` on a real district workbook, nothing faked: school files made from the sample by
// the project's own generators, a Danh sách đơn vị linking them (one link broken, one file
// damaged, one of another year, one of a newer template, one with a data error, one listed twice),
// the real sidebar in headless Chromium at 300×800. The refresh runs to the end in steps (the bar
// and n/N seen on the way), the schools show by status with what to do, and the report button
// writes the district's document.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreferenceStore } from '../../src/core/app/context.ts';
import type { Lang } from '../../src/core/model.ts';
import { startServer, type RunningServer } from '../../src/node/serve.ts';
import { createServeHandlers } from '../../src/node/serve-handlers.ts';
import { XlsxWorkbook } from '../../src/node/xlsx-workbook.ts';
import { buildSidebarHtml } from '../../sidebar/build-html.mjs';
import { NO_SOFFICE, TODAY, run, tempDir } from '../node/cli-helpers.ts';
import { makeCorrupt, makeDistrict, makeSchool } from '../node/district-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = path.join(process.cwd(), 'test-artifacts', 'screenshots');
const haveChromium = existsSync(CHROMIUM);
const mustRun = Boolean(process.env.CI);

describe.skipIf(!haveChromium && !mustRun)('cchc serve on a real district workbook', { timeout: 120_000 }, () => {
  let browser: Browser;
  let server: RunningServer;
  let dir = '';
  let file = '';
  let lang: Lang | null = null;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing and CI is set: install chromium on the runner`);
    mkdirSync(SHOTS, { recursive: true });
    dir = tempDir();
    const sample = path.join(dir, 'sample.xlsx');
    const init = await run(['init', sample, '--sample']);
    if (init.code !== 0) throw new Error(init.err);
    mkdirSync(path.join(dir, 'truong'));
    const at = (name: string) => path.join(dir, 'truong', name);
    await makeSchool(sample, at('mn01.xlsx'), { code: 'MN01', name: 'Trường Mầm non Hoa Sen' });
    await makeSchool(sample, at('mn02.xlsx'), { code: 'MN02', name: 'Trường Mầm non Sơn Ca', dropTasks: 2 });
    await makeSchool(sample, at('mn03.xlsx'), { code: 'MN03', name: 'Trường Mầm non Họa Mi', badDate: true });
    await makeSchool(sample, at('mn04.xlsx'), { code: 'MN04', name: 'Trường Mầm non Vàng Anh', year: 2023 });
    await makeSchool(sample, at('mn05.xlsx'), { code: 'MN05', name: 'Trường Mầm non Bình Minh', version: 99 });
    makeCorrupt(sample, at('mn06.xlsx'));
    file = path.join(dir, 'phong-gd.xlsx');
    await makeDistrict(file, [
      { code: 'MN01', name: 'Trường Mầm non Hoa Sen', link: 'truong/mn01.xlsx' },
      { code: 'MN02', name: 'Trường Mầm non Sơn Ca', link: 'truong/mn02.xlsx' },
      { code: 'MN03', name: 'Trường Mầm non Họa Mi', link: 'truong/mn03.xlsx' },
      { code: 'MN04', name: 'Trường Mầm non Vàng Anh', link: 'truong/mn04.xlsx' },
      { code: 'MN05', name: 'Trường Mầm non Bình Minh', link: 'truong/mn05.xlsx' },
      { code: 'MN06', name: 'Trường Mầm non Ánh Dương', link: 'truong/mn06.xlsx' },
      { code: 'MN07', name: 'Trường Mầm non Tuổi Thơ', link: 'truong/khong-co.xlsx' },
      { code: 'MN08', name: 'Trường Mầm non Hoa Sen (dòng lặp)', link: 'truong/mn01.xlsx' },
    ]);
    const prefs: PreferenceStore = { getLang: () => lang, setLang: (l) => void (lang = l) };
    const env = { ...process.env, CCHC_TODAY: TODAY, ...NO_SOFFICE };
    const clock = { today: () => TODAY, now: () => `${TODAY}T09:00:00+07:00` };
    const handlers = createServeHandlers({ file, outDir: path.join(dir, 'bao-cao'), prefs, clock, env });
    server = await startServer({ file, port: 0, handlers, sidebarHtml: await buildSidebarHtml() });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refreshes to the end in steps, shows the schools by status with what to do, and writes the report', async () => {
    const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const calls: string[] = [];
    page.on('request', (r) => void (r.url().includes('/api/') && calls.push(new URL(r.url()).pathname)));
    page.setDefaultTimeout(30_000);
    await page.goto(server.urlFor('/sidebar'));

    // A district workbook: the district view, not the school's (no "Kiểm tra dữ liệu"), no picker here.
    const refresh = page.getByRole('button', { name: 'Cập nhật số liệu các đơn vị', exact: true });
    await refresh.waitFor();
    expect(await page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Chọn tệp của các đơn vị' }).count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain('Chưa cập nhật lần nào');

    await refresh.click();
    // On the way: the bar and n/N of the 8 listed schools.
    await expect.poll(() => page.locator('.progress-count').textContent().catch(() => null), { timeout: 30_000 }).toMatch(/^Đã đọc \d\/8 đơn vị$/);
    // To the end.
    await expect.poll(() => page.locator('.progress-done').textContent().catch(() => null), { timeout: 90_000 }).toMatch(/8 đơn vị đọc được/);
    expect(calls.filter((c) => c === '/api/districtRefresh').length).toBeGreaterThanOrEqual(2);

    // The statuses, problems first, each with what to do.
    const groups = await page.locator('.status-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(groups).toEqual(['notFound', 'unreadable', 'wrongTemplate', 'otherYear', 'duplicate', 'dataErrors', 'ok']);
    const group = (status: string) => page.locator(`.status-group[data-status="${status}"]`);
    expect(await group('notFound').textContent()).toMatch(/Không tìm thấy \(1\).*Kiểm tra cột Liên kết.*Tuổi Thơ/s);
    expect(await group('wrongTemplate').textContent()).toMatch(/cập nhật tiện ích CCHC.*Bình Minh/s);
    expect(await group('otherYear').textContent()).toMatch(/năm khác.*Vàng Anh.*2023/s);
    expect(await group('duplicate').textContent()).toMatch(/Hai dòng cùng một đơn vị.*dòng lặp/s);
    expect(await group('dataErrors').textContent()).toMatch(/Kiểm tra dữ liệu.*Họa Mi/s);
    expect(await group('ok').textContent()).toMatch(/\(2\).*Hoa Sen.*Sơn Ca/s);

    // Nothing wider than the sidebar: long names and reasons wrap.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
    await page.screenshot({ path: path.join(SHOTS, '20-district-300x800.png') });
    await page.screenshot({ path: path.join(SHOTS, '20-district-whole-300px.png'), fullPage: true });

    // The district report: a .docx in the output folder, its link in the sidebar.
    await page.getByRole('button', { name: 'Tạo báo cáo tổng hợp', exact: true }).click();
    const link = page.locator('[data-key="report-link"]');
    await link.waitFor({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toMatch(/^\/download\/.+\.docx$/);
    expect(readdirSync(path.join(dir, 'bao-cao')).filter((f) => f.endsWith('.docx'))).toHaveLength(1);

    // The district file holds the refresh: a sidebar opened again shows where it stands.
    const saved = await XlsxWorkbook.open(file);
    expect(saved.sheetNames()).toContain('Tổng hợp đơn vị');
    await page.reload();
    await expect.poll(() => page.locator('.progress-done').textContent().catch(() => null), { timeout: 30_000 }).toMatch(/đơn vị đọc được/);
    expect(await page.locator('.status-group').count()).toBe(7);

    // English: the same view in the other language, the statuses in its words.
    await page.getByRole('button', { name: /Switch to English/ }).click();
    await expect.poll(() => page.getByRole('button', { name: "Refresh the units' figures", exact: true }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('body').textContent()).toMatch(/Units by status/);
    await page.screenshot({ path: path.join(SHOTS, '21-district-en-300x800.png') });
    expect(errors).toEqual([]);
  });
});
