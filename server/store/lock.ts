import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

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

/** Lock files this process holds, so that a lock with our own pid can be told from a stale one. */
const held = new Set<string>();

/**
 * lowdb allows one writing process per file, so a data folder holds a lock file with the owner's
 * pid. A lock whose process is gone (a crash, a SIGKILL) is taken over.
 */
export function acquireLock(dir: string): () => void {
  const path = join(resolve(dir), 'leadsync.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      return () => {
        if (!held.delete(path)) return;
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
      // Our own pid is ours only if this process took the lock; otherwise an earlier process with
      // the same pid left it (pid 1 in a container restarted after a SIGKILL).
      if (pid === process.pid && held.has(path)) throw new StoreLockedError(dir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock in ${dir}`);
}
