import type { Lake } from "../../ports/lake.js";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._=\-/]*$/;

/** Temporary file names unique within the process (two puts of one key in the same millisecond). */
let writes = 0;

/**
 * The lake as a folder with S3's key layout, so DuckDB reads the same paths Athena reads in S3.
 * Writes go to a temporary file first and are renamed into place: a reader never sees half an object.
 */
export class FolderLake implements Lake {
  constructor(readonly root: string) {}

  path(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes("..")) throw new Error(`unsafe lake key: ${key}`);
    return join(this.root, ...key.split("/"));
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.${(writes++).toString(36)}.tmp`;
    await writeFile(tmp, body);
    await rename(tmp, target);
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.path(key));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw e;
    }
  }

  async removePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith("/")) throw new Error(`removePrefix needs a folder prefix ending in "/": ${prefix}`);
    await rm(this.path(prefix.slice(0, -1)), { recursive: true, force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.root;
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
        throw e;
      }
      for (const ent of entries) {
        const full = join(dir, ent.name);
        if (ent.isDirectory()) await walk(full);
        else if (!ent.name.endsWith(".tmp")) {
          const key = relative(base, full).split(sep).join("/");
          if (key.startsWith(prefix)) out.push(key);
        }
      }
    };
    // Start from the deepest folder that the prefix names, to avoid walking the whole lake.
    const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    await walk(folder ? join(base, ...folder.split("/")) : base);
    return out.sort();
  }
}
