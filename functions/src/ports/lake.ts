/** The lake port (keys: shared/src/lake/layout.ts). */

/** Object storage with S3 semantics (a bucket locally backed by a folder). Keys use `/`. */
export interface Lake {
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  list(prefix: string): Promise<string[]>;
  /** Delete every object under a prefix (ending in `/`); optional — without it old objects stay until a lifecycle rule expires them. */
  removePrefix?(prefix: string): Promise<void>;
}
