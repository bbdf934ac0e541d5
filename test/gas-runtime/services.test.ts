import { describe, expect, it } from 'vitest';
import { createRuntime, LOCK_TIMEOUT_MESSAGE, PROPERTY_MSG, TRIGGER_MSG } from './index.ts';

const msgOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
};

describe('PropertiesService', () => {
  it('stores strings in user, script and document stores', () => {
    const rt = createRuntime();
    const { PropertiesService } = rt.services;
    const user = PropertiesService.getUserProperties();
    user.setProperty('lang', 'vi').setProperties({ n: 3 as unknown as string, flag: true as unknown as string });
    expect(user.getProperty('n')).toBe('3');
    expect(user.getProperty('missing')).toBeNull();
    expect(user.getProperties()).toEqual({ lang: 'vi', n: '3', flag: 'true' });
    expect(user.getKeys().sort()).toEqual(['flag', 'lang', 'n']);
    user.deleteProperty('n');
    expect(user.getKeys().sort()).toEqual(['flag', 'lang']);
    PropertiesService.getScriptProperties().setProperty('shared', 'x');
    PropertiesService.getDocumentProperties()!.setProperty('doc', 'y');
    user.deleteAllProperties();
    expect(user.getProperties()).toEqual({});
    expect(PropertiesService.getScriptProperties().getProperty('shared')).toBe('x');
    expect(PropertiesService.getDocumentProperties()!.getProperty('doc')).toBe('y');
  });

  it('keeps user properties per user and script properties shared', () => {
    const rt = createRuntime({ userEmail: 'a@school.vn' });
    const { PropertiesService } = rt.services;
    PropertiesService.getUserProperties().setProperty('k', 'A');
    PropertiesService.getScriptProperties().setProperty('s', 'shared');
    rt.setUser('b@school.vn');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
    expect(PropertiesService.getScriptProperties().getProperty('s')).toBe('shared');
    rt.setUser('a@school.vn');
    expect(PropertiesService.getUserProperties().getProperty('k')).toBe('A');
  });

  it('refuses a value over 9 KB and a store over 500 KB with Google’s messages, writing nothing', () => {
    const rt = createRuntime();
    const props = rt.services.PropertiesService.getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(msgOf(() => props.setProperty('big', 'x'.repeat(10 * 1024)))).toBe('Argument too large: value');
    expect(msgOf(() => props.setProperty('big', 'ệ'.repeat(3100)))).toBe(PROPERTY_MSG.valueTooLarge); // 9,300 bytes in UTF-8
    expect(props.getProperty('big')).toBeNull();
    let n = 0;
    const msg = msgOf(() => {
      for (;;) props.setProperty(`k${n++}`, 'y'.repeat(9000));
    });
    expect(msg).toBe('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(60);
    expect(props.getProperty(`k${n - 1}`)).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries on the simulated clock and enforces the 100 KB value limit', () => {
    const rt = createRuntime();
    const cache = rt.services.CacheService.getScriptCache();
    cache.put('a', 'A', 60);
    cache.putAll({ b: 'B', c: 'C' }, 3600);
    expect(cache.get('a')).toBe('A');
    expect(cache.getAll(['a', 'b', 'zz'])).toEqual({ a: 'A', b: 'B' });
    rt.clock.advance(61000);
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).toBe('B');
    cache.remove('b');
    expect(cache.get('b')).toBeNull();
    expect(msgOf(() => cache.put('big', 'x'.repeat(100 * 1024 + 1)))).toBe('Argument too large: value');
    expect(msgOf(() => cache.put('k'.repeat(251), 'v'))).toBe('Argument too large: key');
  });

  it('caps expiry at 6 hours', () => {
    const rt = createRuntime();
    const cache = rt.services.CacheService.getUserCache();
    cache.put('a', 'A', 100000);
    rt.clock.advance(6 * 3600 * 1000 + 1000);
    expect(cache.get('a')).toBeNull();
  });
});

describe('LockService', () => {
  it('waitLock throws Google’s message when another process holds the lock; tryLock answers false after waiting', () => {
    const rt = createRuntime();
    const { LockService } = rt.services;
    rt.locks.hold('script');
    rt.beginExecution();
    const before = rt.clock.date().getTime();
    expect(LockService.getScriptLock().tryLock(5000)).toBe(false);
    expect(rt.clock.date().getTime() - before).toBeGreaterThanOrEqual(5000);
    expect(msgOf(() => LockService.getScriptLock().waitLock(10000))).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    // the document lock is a different lock
    expect(LockService.getDocumentLock()!.tryLock(0)).toBe(true);
  });

  it('belongs to an execution: a second execution waits until the first ends', () => {
    const rt = createRuntime();
    const { LockService } = rt.services;
    const first = rt.beginExecution();
    const lock = LockService.getDocumentLock()!;
    lock.waitLock(1000);
    expect(lock.hasLock()).toBe(true);
    const second = rt.beginExecution();
    expect(LockService.getDocumentLock()!.tryLock(1000)).toBe(false);
    rt.endExecution(first);
    expect(LockService.getDocumentLock()!.tryLock(1000)).toBe(true);
    rt.endExecution(second);
    expect(rt.locks.isHeld(`document:${rt.active!.getId()}`)).toBe(false);
  });

  it('releaseLock frees the lock for others', () => {
    const rt = createRuntime();
    const { LockService } = rt.services;
    rt.beginExecution();
    const l = LockService.getUserLock();
    expect(l.tryLock(0)).toBe(true);
    l.releaseLock();
    expect(l.hasLock()).toBe(false);
    rt.beginExecution();
    expect(LockService.getUserLock().tryLock(0)).toBe(true);
  });
});

describe('Session', () => {
  it('reports the user, time zone, locale and a stable temporary key per user', () => {
    const rt = createRuntime({ userEmail: 'hieu@mnbenthanh.edu.vn' });
    const { Session } = rt.services;
    expect(Session.getActiveUser().getEmail()).toBe('hieu@mnbenthanh.edu.vn');
    expect(Session.getEffectiveUser().getEmail()).toBe('hieu@mnbenthanh.edu.vn');
    expect(Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(Session.getActiveUserLocale()).toBe('vi');
    const k = Session.getTemporaryActiveUserKey();
    expect(Session.getTemporaryActiveUserKey()).toBe(k);
    rt.setUser('other@x.vn');
    expect(Session.getTemporaryActiveUserKey()).not.toBe(k);
  });
});

describe('Utilities', () => {
  it('formats dates with SimpleDateFormat patterns in a time zone', () => {
    const { Utilities } = createRuntime().services;
    const d = new Date('2024-06-30T17:05:09.042Z'); // 1 July 00:05 in Viet Nam
    expect(Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy')).toBe('01/07/2024');
    expect(Utilities.formatDate(d, 'UTC', 'dd/MM/yyyy')).toBe('30/06/2024');
    expect(Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2024-07-01T00:05:09+07:00');
    expect(Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'EEE, d MMM yyyy h:mm a Z')).toBe('Mon, 1 Jul 2024 12:05 AM +0700');
    expect(Utilities.formatDate(d, 'GMT', "HH:mm:ss.SSS 'ngày' d")).toBe("17:05:09.042 ngày 30");
    expect(Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', "'Quý' M/yy")).toBe('Quý 7/24');
    expect(msgOf(() => Utilities.formatDate('2024-01-01' as unknown as Date, 'UTC', 'yyyy'))).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });

  it('encodes base64 with Java-style signed bytes and makes blobs', () => {
    const { Utilities } = createRuntime().services;
    const b64 = Utilities.base64Encode('Mầm non');
    expect(b64).toBe(Buffer.from('Mầm non').toString('base64'));
    const bytes = Utilities.base64Decode(b64);
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(Utilities.newBlob(bytes).getDataAsString()).toBe('Mầm non');
    const blob = Utilities.newBlob('abc', 'text/plain', 'a.txt');
    expect([blob.getContentType(), blob.getName(), blob.getBytes()]).toEqual(['text/plain', 'a.txt', [97, 98, 99]]);
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'a')).toHaveLength(16);
  });

  it('sleeps on the simulated clock, at most 5 minutes a call', () => {
    const rt = createRuntime();
    const t0 = rt.clock.date().getTime();
    rt.services.Utilities.sleep(1500);
    expect(rt.clock.date().getTime() - t0).toBe(1500); // sleep itself is free; it spends its argument
    expect(msgOf(() => rt.services.Utilities.sleep(300001))).toBe('Invalid argument: milliseconds');
  });
});

describe('ScriptApp triggers (editor add-on limits)', () => {
  it('creates an hourly or daily trigger, once per type per user per document', () => {
    const rt = createRuntime();
    const { ScriptApp } = rt.services;
    const t = ScriptApp.newTrigger('nightlyCheck').timeBased().everyDays(1).atHour(2).create();
    expect([t.getHandlerFunction(), t.getEventType(), t.getTriggerSource()]).toEqual(['nightlyCheck', 'CLOCK', 'CLOCK']);
    expect(msgOf(() => ScriptApp.newTrigger('other').timeBased().everyHours(1).create())).toBe(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    const open = ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet(rt.active!).onOpen().create();
    expect(open.getEventType()).toBe(ScriptApp.EventType.ON_OPEN);
    expect(open.getTriggerSourceId()).toBe(rt.active!.getId());
    expect(msgOf(() => ScriptApp.newTrigger('x').forSpreadsheet(rt.active!).onOpen().create())).toBe(TRIGGER_MSG.tooMany('ON_OPEN'));
    expect(ScriptApp.getProjectTriggers()).toHaveLength(2);
    expect(ScriptApp.getUserTriggers(rt.active!)).toHaveLength(2);
    rt.setUser('colleague@school.vn');
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    ScriptApp.newTrigger('nightlyCheck').timeBased().everyDays(1).create();
    rt.setUser('hieutruong@mnbenthanh.edu.vn');
    ScriptApp.deleteTrigger(t);
    expect(ScriptApp.getProjectTriggers().map((x) => x.getHandlerFunction())).toEqual(['onOpenInstalled']);
    ScriptApp.newTrigger('weekly').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).create();
  });

  it('refuses triggers more frequent than hourly for an add-on, but not for a plain script', () => {
    const addOn = createRuntime();
    expect(msgOf(() => addOn.services.ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create())).toBe(TRIGGER_MSG.subHourly);
    expect(msgOf(() => addOn.services.ScriptApp.newTrigger('f').timeBased().after(60000).create())).toBe(TRIGGER_MSG.subHourly);
    expect(addOn.triggers.list()).toHaveLength(0);
    expect(msgOf(() => addOn.services.ScriptApp.newTrigger('f').timeBased().everyMinutes(7))).toBe(TRIGGER_MSG.everyMinutes);
    const plain = createRuntime({ addOn: false });
    plain.services.ScriptApp.newTrigger('f').timeBased().everyMinutes(5).create();
    plain.services.ScriptApp.newTrigger('g').timeBased().everyMinutes(5).create();
    expect(plain.triggers.list()).toHaveLength(2);
  });
});

describe('UrlFetchApp', () => {
  it('answers registered URLs, fails like a DNS error otherwise, and throws on HTTP errors unless muted', () => {
    const rt = createRuntime();
    const { UrlFetchApp } = rt.services;
    rt.urlFetch.register('https://api.example.vn/ok', { body: { ok: true } });
    rt.urlFetch.register(/\/missing$/, { code: 404, body: 'not here' });
    const res = UrlFetchApp.fetch('https://api.example.vn/ok', { method: 'post', payload: 'x' });
    expect([res.getResponseCode(), JSON.parse(res.getContentText())]).toEqual([200, { ok: true }]);
    expect(rt.urlFetch.requests[0]).toMatchObject({ method: 'POST', payload: 'x' });
    expect(msgOf(() => UrlFetchApp.fetch('https://nowhere.invalid/x'))).toBe('DNS error: https://nowhere.invalid/x');
    expect(msgOf(() => UrlFetchApp.fetch('https://api.example.vn/missing'))).toBe(
      'Request failed for https://api.example.vn returned code 404. Truncated server response: not here (use muteHttpExceptions option to examine full response)',
    );
    expect(UrlFetchApp.fetch('https://api.example.vn/missing', { muteHttpExceptions: true }).getResponseCode()).toBe(404);
  });
});

describe('HtmlService', () => {
  it('serves files given to the runtime and refuses unknown ones', () => {
    const rt = createRuntime({ html: { 'Sidebar.html': '<div id="app">CCHC</div>' } });
    const { HtmlService } = rt.services;
    const out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('CCHC').setWidth(300).setSandboxMode(HtmlService.SandboxMode.IFRAME).setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL).addMetaTag('viewport', 'width=device-width');
    expect([out.getContent(), out.getTitle(), out.getWidth()]).toEqual(['<div id="app">CCHC</div>', 'CCHC', 300]);
    expect(out.getMetaTags().map((m) => [m.getName(), m.getContent()])).toEqual([['viewport', 'width=device-width']]);
    expect(msgOf(() => HtmlService.createHtmlOutputFromFile('Nope'))).toBe('No HTML file named Nope was found.');
  });

  it('evaluates templates with escaping, raw output and code scriptlets', () => {
    const rt = createRuntime({ html: { Page: '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><i><?= i ?></i><? } ?><?!= raw ?>' } });
    const t = rt.services.HtmlService.createTemplateFromFile('Page');
    t.title = 'Báo cáo <Q3>';
    t.n = 2;
    t.raw = '<b>x</b>';
    expect(t.evaluate().getContent()).toBe('<h1>Báo cáo &lt;Q3&gt;</h1><i>0</i><i>1</i><b>x</b>');
  });
});

describe('DocumentApp and DriveApp', () => {
  it('creates documents with paragraphs and tables, reachable through DriveApp', () => {
    const rt = createRuntime();
    const { DocumentApp, DriveApp } = rt.services;
    const doc = DocumentApp.create('Báo cáo quý 3');
    const body = doc.getBody();
    body.appendParagraph('BÁO CÁO').setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    const table = body.appendTable([
      ['Lĩnh vực', 'Tỷ lệ'],
      ['LV1', '50%'],
    ]);
    table.getCell(1, 1).setBackgroundColor('#fff2cc');
    body.appendImage(rt.services.Utilities.newBlob('png', 'image/png'));
    doc.saveAndClose();
    // A new Doc holds one empty paragraph; the table is followed by one; the image has its own.
    expect(body.getText()).toBe('\nBÁO CÁO\nLĩnh vực\tTỷ lệ\nLV1\t50%\n\n');
    expect(body.getParagraphs()[1]?.getHeading()).toBe('HEADING1');
    expect(table.getNumRows()).toBe(2);
    const again = DocumentApp.openById(doc.getId());
    expect(again.getName()).toBe('Báo cáo quý 3');
    const file = DriveApp.getFileById(doc.getId());
    expect([file.getName(), file.getUrl(), file.getMimeType()]).toEqual([
      'Báo cáo quý 3',
      `https://docs.google.com/document/d/${doc.getId()}/edit`,
      'application/vnd.google-apps.document',
    ]);
    const folder = DriveApp.createFolder('CCHC 2024');
    file.moveTo(folder);
    expect(file.getParents().next().getName()).toBe('CCHC 2024');
    expect(folder.getFiles().next().getId()).toBe(doc.getId());
    expect(DriveApp.getFileById(rt.active!.getId()).getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
    expect(msgOf(() => DriveApp.getFileById('nope'))).toMatch(/^No item with the given ID could be found/);
  });

  it('finds a marker paragraph and puts an image there, as the report renderer does', () => {
    const rt = createRuntime();
    const { DocumentApp, Utilities } = rt.services;
    const created = DocumentApp.create('Báo cáo');
    created.getBody().appendParagraph('Mở đầu');
    created.getBody().appendParagraph('[[CHART:1]]');
    created.saveAndClose();
    const doc = DocumentApp.openById(created.getId());
    const found = doc.getBody().findText('\\[\\[CHART:1\\]\\]');
    expect(found?.getStartOffset()).toBe(0);
    const paragraph = found!.getElement().getParent()!.asParagraph();
    paragraph.clear();
    const img = paragraph.appendInlineImage(Utilities.newBlob([1, 2, 3], 'image/png', 'c.png')).setWidth(600).setHeight(300).setAltDescription('Biểu đồ');
    expect([img.getWidth(), img.getHeight(), img.getAltDescription()]).toEqual([600, 300, 'Biểu đồ']);
    expect(doc.getBody().getImages()).toHaveLength(1);
    expect(doc.getBody().findText('CHART')).toBeNull();
    expect(doc.getAs('application/pdf').getBytes().length).toBeGreaterThan(0);
  });

  it('enforces the daily documents-created quota on the simulated day', () => {
    const rt = createRuntime({ quotas: { docsCreatedPerDay: 2 } });
    const { DocumentApp } = rt.services;
    DocumentApp.create('a');
    DocumentApp.create('b');
    expect(msgOf(() => DocumentApp.create('c'))).toBe('Service invoked too many times for one day: docs create.');
    rt.clock.set('2024-07-01');
    expect(DocumentApp.create('c').getName()).toBe('c');
  });

  it('can model "Too many changes applied before saving document"', () => {
    const rt = createRuntime();
    rt.documents.maxChangesBeforeSave = 3;
    const doc = rt.services.DocumentApp.create('x');
    const body = doc.getBody();
    body.appendParagraph('1');
    body.appendParagraph('2');
    body.appendParagraph('3');
    expect(msgOf(() => body.appendParagraph('4'))).toMatch(/^Too many changes applied before saving document/);
    doc.saveAndClose();
    // A closed Document can't be edited; reopened, it counts from zero again.
    expect(msgOf(() => body.appendParagraph('4'))).toBe('Document is closed, its contents cannot be updated.');
    expect(rt.services.DocumentApp.openById(doc.getId()).getBody().appendParagraph('4').getText()).toBe('4');
  });
});

describe('Logger and console', () => {
  it('captures output', () => {
    const rt = createRuntime();
    rt.services.Logger.log('Đã đọc %s dòng', 12);
    rt.services.console.warn('cảnh báo', { a: 1 });
    expect(rt.logs.messages()).toEqual(['Đã đọc 12 dòng', "cảnh báo { a: 1 }"]);
    expect(rt.services.Logger.getLog()).toBe('Đã đọc 12 dòng');
  });
});
