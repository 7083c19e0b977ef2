import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";

/** A conditional write or delete was refused: someone else changed the object since it was read (HTTP 412). */
export class PreconditionFailedError extends Error {
  override readonly name = "PreconditionFailedError";
}

/** `ifMatch`: only over the version read (its ETag); `ifAbsent`: only if no object exists yet. */
export type WriteCondition = { readonly ifMatch: string } | { readonly ifAbsent: true } | undefined;

export interface StoredObject {
  readonly body: Uint8Array;
  readonly etag: string;
}

export interface ListedObject {
  readonly key: string;
  readonly size: number;
}

const isPrecondition = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === "PreconditionFailed" || err?.$metadata?.httpStatusCode === 412 || err?.name === "ConditionalRequestConflict" || err?.$metadata?.httpStatusCode === 409;
};

/**
 * The S3 calls compaction needs beyond the Lake port: ETags and conditional writes (S3's
 * `If-Match` / `If-None-Match: *`, which make a read-modify-write safe against a concurrent run),
 * sizes in listings, and folder listings (`Delimiter`).
 */
export class S3Objects {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async get(key: string): Promise<StoredObject | undefined> {
    try {
      const r = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { body: r.Body ? await r.Body.transformToByteArray() : new Uint8Array(), etag: r.ETag ?? "" };
    } catch (e) {
      if (e instanceof NoSuchKey || (e as Error).name === "NoSuchKey") return undefined;
      throw e;
    }
  }

  /** Write an object; returns its new ETag. A refused condition throws PreconditionFailedError. */
  async put(key: string, body: Uint8Array | string, contentType: string, condition?: WriteCondition): Promise<string> {
    try {
      const r = await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: typeof body === "string" ? Buffer.from(body, "utf8") : body,
          ContentType: contentType,
          ...(condition && "ifMatch" in condition ? { IfMatch: condition.ifMatch } : {}),
          ...(condition && "ifAbsent" in condition ? { IfNoneMatch: "*" } : {}),
        }),
      );
      return r.ETag ?? "";
    } catch (e) {
      if (condition && isPrecondition(e)) throw new PreconditionFailedError(`s3://${this.bucket}/${key} changed since it was read`);
      throw e;
    }
  }

  async delete(key: string, ifMatch?: string): Promise<void> {
    try {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...(ifMatch ? { IfMatch: ifMatch } : {}) }));
    } catch (e) {
      if (ifMatch && isPrecondition(e)) throw new PreconditionFailedError(`s3://${this.bucket}/${key} changed since it was read`);
      throw e;
    }
  }

  /** Every object under a prefix, in key order. */
  async list(prefix: string): Promise<ListedObject[]> {
    const out: ListedObject[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) out.push({ key: o.Key, size: o.Size ?? 0 });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The "folders" directly under a prefix (`raw/` → `raw/ingest_date=2024-03-01/`, ...), in order. */
  async folders(prefix: string): Promise<string[]> {
    const out: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, Delimiter: "/", ContinuationToken: token }));
      for (const p of page.CommonPrefixes ?? []) if (p.Prefix) out.push(p.Prefix);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort();
  }
}
