import type { Lake } from "../../ports/lake.js";
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";

/** The lake in S3: the same keys as the local folder lake. S3 PUT is atomic per object. */
export class S3Lake implements Lake {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly options: { readonly pageSize?: number; readonly deleteBatchSize?: number } = {},
  ) {}

  async put(key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
        ContentType: contentType ?? (key.endsWith(".json") ? "application/json" : key.endsWith(".gz") ? "application/gzip" : "application/octet-stream"),
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const r = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return r.Body ? await r.Body.transformToByteArray() : new Uint8Array();
    } catch (e) {
      if (e instanceof NoSuchKey || (e as Error).name === "NoSuchKey") return undefined;
      throw e;
    }
  }

  async list(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: this.options.pageSize }));
      for (const o of page.Contents ?? []) if (o.Key) out.push(o.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }

  /**
   * Delete every object under a folder prefix (ending in `/`): list it all first (deleting while
   * paginating would move the pages), then DeleteObjects in batches of at most 1,000 keys (the API's
   * limit). A key S3 reports as not deleted fails the call (nothing is silently left behind). In a
   * versioned bucket this writes delete markers; the lifecycle expires the noncurrent versions.
   */
  async removePrefix(prefix: string): Promise<void> {
    if (!prefix.endsWith("/") || prefix === "/") throw new Error(`removePrefix needs a folder prefix ending in "/": ${prefix}`);
    const keys = await this.list(prefix);
    const batch = Math.min(this.options.deleteBatchSize ?? 1000, 1000);
    for (let i = 0; i < keys.length; i += batch) {
      const r = await this.s3.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys.slice(i, i + batch).map((Key) => ({ Key })), Quiet: true } }),
      );
      const errors = r.Errors ?? [];
      if (errors.length > 0) {
        const first = errors[0];
        throw new Error(`could not delete ${errors.length} object(s) under ${prefix}: ${first?.Key} ${first?.Code ?? ""} ${first?.Message ?? ""}`.trim());
      }
    }
  }
}
