/** The lake port (keys: shared/src/lake/layout.ts). */

/** Object storage with S3 semantics (a bucket locally backed by a folder). Keys use `/`. */
export interface Lake {
  put(key: string, body: Uint8Array | string, contentType?: string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  list(prefix: string): Promise<string[]>;
  /** Delete every object under a folder prefix (ending in `/`; another prefix is refused); nothing there is not an error. */
  removePrefix(prefix: string): Promise<void>;
}
