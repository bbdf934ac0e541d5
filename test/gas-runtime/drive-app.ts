// DriveApp, kept small: the add-on avoids the restricted `drive` scopes, so it only reaches
// files it created (spreadsheets, documents) by id. Unknown ids throw Google's message.

import { FakeIterator, gasError, type RuntimeCore } from './core.ts';

export const DRIVE_MSG = {
  notFound: 'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
} as const;

export interface FileRecord {
  id: string;
  name: () => string;
  rename?: (name: string) => void;
  url: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  created: Date;
  owner: string;
}

export interface FolderRecord {
  id: string;
  name: string;
  parents: string[];
}

export const ROOT_FOLDER_ID = 'fake-root-folder';

export class DriveStore {
  readonly files = new Map<string, FileRecord>();
  readonly folders = new Map<string, FolderRecord>([[ROOT_FOLDER_ID, { id: ROOT_FOLDER_ID, name: 'My Drive', parents: [] }]]);
  private next = 1;
  constructor(
    readonly core: RuntimeCore,
    private readonly user: () => string,
  ) {}
  registerFile(f: { id: string; name: () => string; rename?: (name: string) => void; url: string; mimeType: string }): FileRecord {
    const rec: FileRecord = { ...f, parents: [ROOT_FOLDER_ID], trashed: false, created: this.core.now(), owner: this.user() };
    this.files.set(f.id, rec);
    return rec;
  }
  newFolder(name: string, parent: string): FolderRecord {
    const rec = { id: `fake-folder-${this.next++}`, name, parents: [parent] };
    this.folders.set(rec.id, rec);
    return rec;
  }
  newFileId(): string {
    return `fake-file-${this.next++}`;
  }
}

export class FakeFile {
  constructor(
    private readonly store: DriveStore,
    private readonly rec: FileRecord,
  ) {}
  getId(): string {
    return this.rec.id;
  }
  getName(): string {
    return this.rec.name();
  }
  setName(name: string): this {
    this.rec.rename?.(String(name));
    return this;
  }
  getUrl(): string {
    return this.rec.url;
  }
  getMimeType(): string {
    return this.rec.mimeType;
  }
  getDateCreated(): Date {
    return new Date(this.rec.created.getTime());
  }
  getOwner(): { getEmail(): string } {
    const e = this.rec.owner;
    return { getEmail: () => e };
  }
  getParents(): FakeIterator<FakeFolder> {
    return this.store.core.instrument(
      new FakeIterator(this.rec.parents.flatMap((id) => folderObj(this.store, id))),
      'FolderIterator',
    );
  }
  moveTo(destination: FakeFolder): this {
    this.rec.parents = [destination.getId()];
    return this;
  }
  setTrashed(trashed: boolean): this {
    this.rec.trashed = Boolean(trashed);
    return this;
  }
  isTrashed(): boolean {
    return this.rec.trashed;
  }
}

export class FakeFolder {
  constructor(
    private readonly store: DriveStore,
    private readonly rec: FolderRecord,
  ) {}
  getId(): string {
    return this.rec.id;
  }
  getName(): string {
    return this.rec.name;
  }
  setName(name: string): this {
    this.rec.name = String(name);
    return this;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.rec.id}`;
  }
  getFiles(): FakeIterator<FakeFile> {
    const files = [...this.store.files.values()].filter((f) => f.parents.includes(this.rec.id) && !f.trashed);
    return this.store.core.instrument(new FakeIterator(files.map((f) => fileObj(this.store, f))), 'FileIterator');
  }
  getFolders(): FakeIterator<FakeFolder> {
    const folders = [...this.store.folders.values()].filter((f) => f.parents.includes(this.rec.id));
    return this.store.core.instrument(new FakeIterator(folders.flatMap((f) => folderObj(this.store, f.id))), 'FolderIterator');
  }
  createFolder(name: string): FakeFolder {
    const rec = this.store.newFolder(String(name), this.rec.id);
    return folderObj(this.store, rec.id)[0] as FakeFolder;
  }
  getParents(): FakeIterator<FakeFolder> {
    return this.store.core.instrument(new FakeIterator(this.rec.parents.flatMap((id) => folderObj(this.store, id))), 'FolderIterator');
  }
}

function fileObj(store: DriveStore, rec: FileRecord): FakeFile {
  return store.core.instrument(new FakeFile(store, rec), 'File');
}

function folderObj(store: DriveStore, id: string): FakeFolder[] {
  const rec = store.folders.get(id);
  return rec ? [store.core.instrument(new FakeFolder(store, rec), 'Folder')] : [];
}

export class FakeDriveApp {
  constructor(private readonly store: DriveStore) {}
  getFileById(id: string): FakeFile {
    const rec = this.store.files.get(String(id));
    if (!rec) throw gasError(DRIVE_MSG.notFound);
    return fileObj(this.store, rec);
  }
  getFolderById(id: string): FakeFolder {
    const f = folderObj(this.store, String(id))[0];
    if (!f) throw gasError(DRIVE_MSG.notFound);
    return f;
  }
  getRootFolder(): FakeFolder {
    return folderObj(this.store, ROOT_FOLDER_ID)[0] as FakeFolder;
  }
  createFolder(name: string): FakeFolder {
    return this.getRootFolder().createFolder(name);
  }
}

export function createDriveApp(core: RuntimeCore, store: DriveStore): FakeDriveApp {
  return core.instrument(new FakeDriveApp(store), 'DriveApp');
}
