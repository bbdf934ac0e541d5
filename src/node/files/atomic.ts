// Writing a file so that it is either the old one or the whole new one, and stays the same file
// for its owner: a temporary file beside the real target, fsync, then one rename.
//
// - A symbolic link is written through: the temporary file goes beside the link's final target
//   and replaces that, so the link stays and the real file changes.
// - The original's permission bits (and owner, where allowed) are kept; a new file gets the
//   usual mode for the user (0666 minus the umask).
// - A read-only file is refused (rename would replace it without asking).
// - `replace: false` never replaces an existing file, even one that appears while writing
//   (link(2) fails on an existing name where rename would not).
// - Temporary files left by a killed run (ours, named `.<name>.cchc-<pid>-<random>.tmp`) are
//   removed once their process is gone.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { FileProblem } from './problems.ts';

/** The file a path finally names (through any symbolic links); the path itself when it does not exist yet. */
export async function realTarget(file: string): Promise<string> {
  const abs = path.resolve(file);
  try {
    return await fs.realpath(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  // A dangling link: its target is where the new file goes.
  let p = abs;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = await fs.readlink(p);
    } catch {
      break;
    }
    p = path.resolve(path.dirname(p), link);
  }
  // The folder may itself be reached through links.
  try {
    return path.join(await fs.realpath(path.dirname(p)), path.basename(p));
  } catch {
    return p;
  }
}

const TEMP = /^\.(.+)\.cchc-(\d+)-[0-9a-f]+\.tmp$/;
/** The name the adapter used before (xlsx-workbook.ts save): `.<name>.<pid>.<8 hex>.tmp`. */
const OLD_TEMP = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.cchc-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files cchc left beside `target` (of any file in its folder: a killed
 * report leaves its .docx's) whose writer is gone, or that are over a day old.
 */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP.exec(name) ?? OLD_TEMP.exec(name);
    // The old adapter's names are too plain to claim for other files: only the target's own.
    if (!m || (m[1] !== base && !TEMP.test(name))) continue;
    const pid = Number(m[2]);
    const full = path.join(dir, name);
    let old = false;
    try {
      old = Date.now() - (await fs.lstat(full)).mtimeMs > 24 * 3600_000;
    } catch {
      continue;
    }
    if (pid === process.pid && !old) continue;
    if (processAlive(pid) && !old) continue;
    await fs.rm(full, { force: true }).catch(() => undefined);
    removed.push(full);
  }
  return removed;
}

export interface ExistingFile {
  mode: number;
  uid: number;
  gid: number;
}

/**
 * What is at `target` now: null when nothing; refuses what cannot be replaced in place (a folder,
 * a read-only file). `shown` is the path as the user gave it, for the message.
 */
export async function checkReplaceable(target: string, shown: string): Promise<ExistingFile | null> {
  let st;
  try {
    st = await fs.stat(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (!st.isFile()) {
    throw new FileProblem('NOT_A_FILE', 'files.notAFile', { file: shown }, shown);
  }
  // Root may write anything, so the mode bits are looked at as well as access(2).
  let writable = (st.mode & 0o222) !== 0;
  if (writable) {
    try {
      await fs.access(target, constants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable) {
    throw new FileProblem('READ_ONLY', 'files.readOnly', { file: shown }, shown);
  }
  return { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
}

async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Not every system lets a folder be opened or synced (Windows); the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export interface AtomicWriteOptions {
  /** May an existing file be replaced? Default true. */
  replace?: boolean;
  /** The path as the user typed it, for messages. */
  shown?: string;
  /** What the file is, for the message when it exists and may not be replaced. */
  kind?: FileKind;
}

/** Write `data` to `file` atomically (see the top of this file). Returns the real path written. */
export async function writeFileAtomic(file: string, data: Uint8Array, opts: AtomicWriteOptions = {}): Promise<string> {
  const shown = opts.shown ?? file;
  const staged = await stageFile(file, data, shown, opts.kind);
  try {
    return await staged.commit(opts.replace ?? true);
  } finally {
    await staged.discard();
  }
}

export interface StagedFile {
  /** The real target (symbolic links followed). */
  target: string;
  /** Put the staged bytes in place. Throws EXISTS when `replace` is false and the target exists. */
  commit(replace: boolean): Promise<string>;
  /** Remove the temporary file if it is still there. */
  discard(): Promise<void>;
}

/**
 * Write `data` to a temporary file beside `file`'s real target, synced to disk, to be put in place
 * later by `commit` (a report's .docx waits there until the workbook holding its number is saved).
 */
export async function stageFile(file: string, data: Uint8Array, shown = file, kind: FileKind = 'document'): Promise<StagedFile> {
  const target = await realTarget(file);
  await removeStaleTemps(target);
  const existing = await checkReplaceable(target, shown);
  const tmp = tempNameFor(target);
  // Private while it is written; the final mode is set before it takes the file's place.
  const handle = await fs.open(tmp, 'wx', existing ? 0o600 : 0o666);
  let done = false;
  try {
    await handle.writeFile(data);
    if (existing) {
      await handle.chmod(existing.mode);
      if (typeof process.getuid === 'function' && (existing.uid !== process.getuid() || existing.gid !== process.getgid?.())) {
        await handle.chown(existing.uid, existing.gid).catch(() => undefined);
      }
    }
    await handle.sync();
    done = true;
  } finally {
    await handle.close();
    if (!done) await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
  let placed = false;
  return {
    target,
    async commit(replace: boolean) {
      const now = await checkReplaceable(target, shown);
      if (now && existing && now.mode !== existing.mode) await fs.chmod(tmp, now.mode);
      if (replace) {
        await fs.rename(tmp, target);
      } else {
        try {
          await fs.link(tmp, target);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') throw existsProblem(shown, kind);
          // A file system without hard links (FAT, some network shares): check, then rename.
          if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
          if (await checkReplaceable(target, shown)) throw existsProblem(shown, kind);
          await fs.rename(tmp, target);
        }
        await fs.rm(tmp, { force: true });
      }
      placed = true;
      await fsyncDir(path.dirname(target));
      return target;
    },
    async discard() {
      if (!placed) await fs.rm(tmp, { force: true }).catch(() => undefined);
    },
  };
}

export type FileKind = 'document' | 'workbook';

export function existsProblem(shown: string, kind: FileKind = 'document'): FileProblem {
  return new FileProblem('EXISTS', kind === 'workbook' ? 'files.workbookExists' : 'files.documentExists', { file: shown }, shown);
}
