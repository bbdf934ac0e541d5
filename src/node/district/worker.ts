// A reading thread of the district (pool.ts): opens one school's file at a time through the CLI's
// .xlsx adapter (read-only), runs the core's readSchoolForDistrict on it, and posts the result
// back. Everything a file may be is an answer; nothing it holds can end the thread.
import { parentPort, workerData } from 'node:worker_threads';
import { failedResult, readSchoolForDistrict } from '../../core/district/school.ts';
import { t } from '../../core/i18n.ts';
import { systemClock } from '../clock.ts';
import { openSchoolFile } from './open-school.ts';
import type { ReadAnswer, ReadRequest, WorkerInit, WorkerMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs in a worker thread');
const init = workerData as WorkerInit;
const clock = systemClock(init.today ? { CCHC_TODAY: init.today } : {});

async function answer(req: ReadRequest): Promise<ReadAnswer> {
  const readAt = clock.now();
  try {
    const opened = await openSchoolFile(req.file, { limits: init.limits, lang: init.lang, shown: req.ref.source });
    // A file that is not there, or not ours to read, was not opened.
    const o = opened.opening;
    const wasOpened = !(o.kind === 'failed' && (o.status === 'notFound' || o.status === 'noAccess'));
    if (opened.district && req.skipDistrict) return { read: null, stamp: opened.stamp, district: true, opened: wasOpened };
    const read = readSchoolForDistrict(req.ref, opened.opening, { frame: req.frame, lang: init.lang, readAt });
    return { read, stamp: opened.stamp, district: opened.district, opened: wasOpened };
  } catch (e) {
    // The reader takes any cell; this is for what no one foresaw. Not kept: the next run tries again.
    const detail = e instanceof Error ? e.message : String(e);
    return { read: { result: failedResult(req.ref, 'unreadable', t(init.lang, 'district.reasonUnreadable', { detail }), { readAt }), titles: {} }, stamp: null, district: false, opened: true };
  }
}

port.on('message', (req: ReadRequest) => {
  void answer(req).then((a) => port.postMessage({ type: 'done', id: req.id, ...a } satisfies WorkerMessage));
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
