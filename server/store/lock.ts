import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class StoreLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(`another Leadsync server (pid ${pid}) is using ${dir}; stop it first, or set DATA_DIR to another folder`);
    this.name = 'StoreLockedError';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * lowdb allows one writing process per file, so a data folder holds a lock file with the owner's
 * pid. A lock whose process is gone (a crash, a SIGKILL) is taken over.
 */
export function acquireLock(dir: string): () => void {
  const path = join(dir, 'leadsync.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new StoreLockedError(dir, pid);
      if (pid === process.pid) throw new StoreLockedError(dir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock in ${dir}`);
}
