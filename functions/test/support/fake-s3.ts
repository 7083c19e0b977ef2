import { createHash } from "node:crypto";
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { type AwsClientStub, mockClient } from "aws-sdk-client-mock";

type Command = "GetObject" | "PutObject" | "ListObjectsV2" | "DeleteObject" | "DeleteObjects";
interface Stored {
  readonly body: Uint8Array;
  readonly etag: string;
}

const preconditionFailed = () =>
  new S3ServiceException({ name: "PreconditionFailed", $fault: "client", $metadata: { httpStatusCode: 412 }, message: "At least one of the pre-conditions you specified did not hold" });

const bytesOf = (body: unknown): Uint8Array => (typeof body === "string" ? Buffer.from(body, "utf8") : new Uint8Array(body as Uint8Array));

/**
 * One S3 bucket in memory behind aws-sdk-client-mock, with the semantics the adapters rely on:
 * ETags, conditional PUT (`If-Match`, `If-None-Match: *` → 412) and DELETE (`If-Match`),
 * ListObjectsV2 with Prefix / Delimiter / MaxKeys pagination, DeleteObjects (at most 1,000 keys,
 * per-key errors via `refuseDelete`), NoSuchKey. Faults can be injected per command (`failWhen`),
 * and every call is logged in order (`log`). Pass a client instance to mock only that client (other
 * S3 clients of the test, e.g. one talking to s3rver, stay real).
 */
export class FakeS3 {
  readonly objects = new Map<string, Stored>();
  readonly log: string[] = [];
  readonly mock: AwsClientStub<S3Client>;
  private faults: { command: Command; when: (input: Record<string, unknown>) => boolean; error: Error; times: number }[] = [];
  private version = 0;
  /** Keys DeleteObjects reports as not deleted (AccessDenied), as S3 does per key in a 200 answer. */
  private refused: (key: string) => boolean = () => false;

  constructor(
    readonly bucket: string,
    private readonly pageSize = 1000,
    client?: S3Client,
  ) {
    this.mock = client ? mockClient(client) : mockClient(S3Client);
    this.install();
  }

  /** DeleteObjects answers AccessDenied for matching keys (and leaves them in place). */
  refuseDelete(when: (key: string) => boolean): void {
    this.refused = when;
  }

  /** Fail the next `times` calls of a command whose input matches (default: once). */
  failWhen(command: Command, when: (input: Record<string, unknown>) => boolean, error: Error = new Error(`injected ${command} failure`), times = 1): void {
    this.faults.push({ command, when, error, times });
  }

  put(key: string, body: Uint8Array | string): void {
    const bytes = bytesOf(body);
    this.objects.set(key, { body: bytes, etag: `"${createHash("md5").update(bytes).update(String(++this.version)).digest("hex")}"` });
  }

  body(key: string): Uint8Array | undefined {
    return this.objects.get(key)?.body;
  }

  text(key: string): string | undefined {
    const b = this.body(key);
    return b === undefined ? undefined : Buffer.from(b).toString("utf8");
  }

  /** Keys written (PUT) so far, in order, optionally under a prefix. */
  puts(prefix = ""): string[] {
    return this.log.filter((l) => l.startsWith(`PutObject ${prefix}`)).map((l) => l.slice("PutObject ".length));
  }

  reset(): void {
    this.objects.clear();
    this.log.length = 0;
    this.faults = [];
    this.refused = () => false;
  }

  private fault(command: Command, input: Record<string, unknown>): void {
    const f = this.faults.find((x) => x.command === command && x.times > 0 && x.when(input));
    if (f) {
      f.times--;
      throw f.error;
    }
  }

  private install(): void {
    const checkBucket = (input: { Bucket?: string | undefined }) => {
      if (input.Bucket !== this.bucket) throw new Error(`unexpected bucket ${input.Bucket}`);
    };
    this.mock.on(PutObjectCommand).callsFake(async (input) => {
      checkBucket(input);
      this.fault("PutObject", input);
      const key = input.Key as string;
      const current = this.objects.get(key);
      if (input.IfNoneMatch === "*" && current) throw preconditionFailed();
      if (input.IfMatch !== undefined && current?.etag !== input.IfMatch) throw preconditionFailed();
      this.put(key, input.Body as Uint8Array);
      this.log.push(`PutObject ${key}`);
      return { ETag: this.objects.get(key)?.etag };
    });
    this.mock.on(GetObjectCommand).callsFake(async (input) => {
      checkBucket(input);
      this.fault("GetObject", input);
      const o = this.objects.get(input.Key as string);
      this.log.push(`GetObject ${input.Key}`);
      if (!o) throw new NoSuchKey({ message: "The specified key does not exist.", $metadata: { httpStatusCode: 404 } });
      const body = o.body;
      return { ETag: o.etag, Body: { transformToByteArray: async () => new Uint8Array(body) } as never };
    });
    this.mock.on(DeleteObjectCommand).callsFake(async (input) => {
      checkBucket(input);
      this.fault("DeleteObject", input);
      const o = this.objects.get(input.Key as string);
      if (input.IfMatch !== undefined && o?.etag !== input.IfMatch) throw preconditionFailed();
      this.objects.delete(input.Key as string);
      this.log.push(`DeleteObject ${input.Key}`);
      return {};
    });
    this.mock.on(DeleteObjectsCommand).callsFake(async (input) => {
      checkBucket(input);
      this.fault("DeleteObjects", input);
      const keys = (input.Delete?.Objects ?? []).map((o: { Key?: string }) => o.Key as string);
      if (keys.length === 0 || keys.length > 1000) throw new S3ServiceException({ name: "MalformedXML", $fault: "client", $metadata: { httpStatusCode: 400 }, message: "1 to 1000 keys" });
      this.log.push(`DeleteObjects ${keys.length}`);
      const Errors: { Key: string; Code: string; Message: string }[] = [];
      const Deleted: { Key: string }[] = [];
      for (const Key of keys) {
        if (this.refused(Key)) Errors.push({ Key, Code: "AccessDenied", Message: "Access Denied" });
        else {
          this.objects.delete(Key);
          Deleted.push({ Key });
        }
      }
      return { Errors, ...(input.Delete?.Quiet ? {} : { Deleted }) };
    });
    this.mock.on(ListObjectsV2Command).callsFake(async (input) => {
      checkBucket(input);
      this.fault("ListObjectsV2", input);
      const prefix = input.Prefix ?? "";
      this.log.push(`ListObjectsV2 ${prefix}${input.Delimiter ? ` /` : ""}`);
      const keys = [...this.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const entries: { key: string; common: boolean }[] = [];
      const seen = new Set<string>();
      for (const k of keys) {
        const rest = k.slice(prefix.length);
        const cut = input.Delimiter ? rest.indexOf(input.Delimiter) : -1;
        if (cut >= 0) {
          const cp = prefix + rest.slice(0, cut + 1);
          if (!seen.has(cp)) entries.push({ key: cp, common: true });
          seen.add(cp);
        } else entries.push({ key: k, common: false });
      }
      const after = input.ContinuationToken ?? input.StartAfter;
      const from = after === undefined ? 0 : entries.findIndex((e) => e.key > after);
      const page = from < 0 ? [] : entries.slice(from, from + Math.min(input.MaxKeys ?? 1000, this.pageSize));
      const truncated = from >= 0 && from + page.length < entries.length;
      return {
        Contents: page.filter((e) => !e.common).map((e) => ({ Key: e.key, Size: this.objects.get(e.key)?.body.length ?? 0 })),
        CommonPrefixes: page.filter((e) => e.common).map((e) => ({ Prefix: e.key })),
        IsTruncated: truncated,
        NextContinuationToken: truncated ? page.at(-1)?.key : undefined,
      };
    });
  }
}
