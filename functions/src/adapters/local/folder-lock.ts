import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A data folder held by another live runtime. */
export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(`The data folder ${folder} is in use by process ${pid} (lock file ${join(folder, LOCK_FILE)}).`);
    this.name = "FolderInUseError";
  }
}

const LOCK_FILE = "runtime.lock";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * One runtime per data folder (`npm start`, the CLI's writing commands): the lock file is created
 * exclusively with the process id; a lock whose process is gone (killed, crashed) is taken over.
 * The embedded DynamoDB would refuse a second opener too, but only by crashing the process from a
 * callback ("Database is closed"): this refuses first, with the folder and the holder named.
 * Returns the release function (removes the file if it is still ours).
 */
export function lockFolder(folder: string): () => void {
  const file = join(folder, LOCK_FILE);
  const holder = (): number | undefined => {
    try {
      return Number(readFileSync(file, "utf8"));
    } catch {
      return undefined; // released meanwhile
    }
  };
  let last = Number.NaN;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => {
        if (holder() === process.pid) unlinkSync(file);
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const pid = holder();
    if (pid === undefined) continue;
    last = pid;
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new FolderInUseError(folder, pid);
    try {
      unlinkSync(file); // stale: its process is gone (killed, crashed)
    } catch {
      // Removed by another contender: try again.
    }
  }
  throw new FolderInUseError(folder, last);
}
