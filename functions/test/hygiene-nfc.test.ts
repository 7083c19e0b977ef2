/**
 * NFC before validation (issue 21 item 6): Vietnamese text may arrive decomposed (NFD: "ễ" as
 * e + U+0302 + U+0303). The id pattern allows letters (\p{L}) and the combining marks are not
 * letters, so an NFD id was always refused, although `toStoredEvent` meant to store ids in NFC.
 * `validate` (shared/src/contracts/validation.ts) now normalises every string to NFC before the
 * schema runs: a text and its NFD form validate identically and give the same stored value.
 */
import { COMPLAINT_SOURCES, caseEventSchema, complaintSchema, toNfc, validate } from "@scorecard/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toStoredEvent } from "../src/use-cases/ingest/pseudonymise.js";
import { CaseBuilder } from "./support/events.js";
import { httpFixture } from "./support/http-fixture.js";

const nfd = (s: string) => s.normalize("NFD");
const received = (eventId: string, caseId: string) => ({ ...new CaseBuilder(caseId, "DEPT-STP-2020").received("2024-03-04T09:00:00", "2024-03-08T17:00:00").build()[0]!, eventId, caseId });
const hasher = { pseudonym: (v: string) => `p:${v}` };

/** Vietnamese letters with one and two diacritics (each NFD form differs from its NFC form). */
const VIET = "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĂÂĐÊÔƠƯẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ";
const idText = fc.string({ unit: fc.oneof(fc.constantFrom(...VIET), fc.constantFrom(..."abcXYZ019._:-/#"), fc.constantFrom("\u0301", "\u0323", " ", "\u00e9")), minLength: 1, maxLength: 70 });
const anyText = fc.oneof(idText, fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));

describe("validate: strings in NFC before the schema's patterns", () => {
  it("accepts an id sent decomposed and gives it composed (it was refused: INVALID_FORMAT)", () => {
    const id = "HS-Nguyễn-Thị-Ánh-1";
    expect(nfd(id)).not.toBe(id);
    const v = validate(caseEventSchema, received(nfd(id), nfd("HS-Nguyễn")));
    expect(v).toMatchObject({ ok: true, value: { eventId: id, caseId: "HS-Nguyễn" } });
    const c = validate(complaintSchema, { complaintId: nfd("KN-Đồng-Nai-1"), source: COMPLAINT_SOURCES[0], unitId: "DEPT-STP-2020", receivedAt: "2024-03-04T09:00:00+07:00", summary: nfd("Thái độ") });
    expect(c).toMatchObject({ ok: true, value: { complaintId: "KN-Đồng-Nai-1", summary: "Thái độ" } });
  });

  it("a text and its NFD form validate identically and give the same stored event (fast-check)", () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, fc.constantFrom("eventId", "caseId", "unitId", "procedureCode", "targetUnitId"), (a, b, c, field) => {
        const composed = { ...received(a, b), [field]: c };
        const decomposed = { ...received(nfd(a), nfd(b)), [field]: nfd(c) };
        const x = validate(caseEventSchema, composed);
        const y = validate(caseEventSchema, decomposed);
        expect(y).toEqual(x);
        if (x.ok && y.ok) expect(toStoredEvent(y.value, hasher)).toEqual(toStoredEvent(x.value, hasher));
      }),
      { numRuns: 500 },
    );
  });

  it("Vietnamese ids validate in either form (the property above is not vacuous: most of these are accepted)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...VIET, ..."abc019-"), minLength: 1, maxLength: 64 }), (id) => {
        const v = validate(caseEventSchema, received(nfd(`E-${id}`), nfd(id)));
        expect(v.ok).toBe(true);
        if (v.ok) {
          expect([v.value.eventId, v.value.caseId]).toEqual([`E-${id}`.normalize("NFC"), id.normalize("NFC")]);
          accepted++;
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBe(300);
  });

  it("toNfc: every string value in NFC, keys and shape as sent, the input untouched, itself when nothing changes (fast-check)", () => {
    const nfcAll = (v: unknown): unknown =>
      typeof v === "string" ? v.normalize("NFC") : Array.isArray(v) ? v.map(nfcAll) : v !== null && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfcAll(x)])) : v;
    const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : v !== null && typeof v === "object" ? Object.values(v).flatMap(strings) : []);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown), fc.boolean(), (value, decompose) => {
        const input = decompose ? (JSON.parse(JSON.stringify(value, (_, v: unknown) => (typeof v === "string" ? nfd(v) : v))) as unknown) : value;
        const before = JSON.stringify(input);
        const out = toNfc(input);
        expect(out).toEqual(nfcAll(input));
        expect(JSON.stringify(input)).toBe(before);
        expect(out === input).toBe(strings(input).every((s) => s === s.normalize("NFC")));
      }),
      { numRuns: 300 },
    );
  });

  it("toNfc keeps a __proto__ key a key (an unknown field), never the object's prototype", () => {
    const input = JSON.parse('{"__proto__":{"admin":"e\\u0301"},"eventId":"x"}') as Record<string, unknown>;
    const out = toNfc(input) as Record<string, unknown>;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ admin: "é" });
    const v = validate(caseEventSchema, { ...received("E-1", "C-1"), ...JSON.parse('{"__proto__":{"a":"e\\u0301"}}') });
    expect(v.ok ? [] : v.errors.map((e) => e.code)).toEqual(["UNKNOWN_FIELD"]);
  });
});

describe("over HTTP: an NFD id is the NFC id", () => {
  let fx: Awaited<ReturnType<typeof httpFixture>>;
  beforeAll(async () => {
    fx = await httpFixture();
  });
  afterAll(() => fx.close());

  const post = async (events: unknown[]) => (await (await fx.post("/v1/events", JSON.stringify({ events }))).json()) as { accepted: number; duplicates: number; results: { status: string; code?: string }[] };

  it("stores an NFD eventId and caseId in NFC; the NFC form posted first makes the NFD one a duplicate, not a conflict", async () => {
    const first = received("HS-Nguyễn-Văn-Ánh-1", "HS-Nguyễn-Văn-Ánh");
    expect(await post([first])).toMatchObject({ accepted: 1, results: [{ status: "accepted" }] });
    const again = { ...first, eventId: nfd(first.eventId), caseId: nfd(first.caseId) };
    expect(again.eventId).not.toBe(first.eventId);
    expect(await post([again])).toMatchObject({ accepted: 0, duplicates: 1, results: [{ status: "duplicate" }] });

    const only = received(nfd("HS-Đặng-Thị-Hồng-1"), nfd("HS-Đặng-Thị-Hồng"));
    expect(await post([only])).toMatchObject({ accepted: 1, results: [{ status: "accepted" }] });
    expect((await fx.rt.ingest.store.caseEvents("HS-Đặng-Thị-Hồng")).map((e) => [e.eventId, e.caseId])).toEqual([["HS-Đặng-Thị-Hồng-1", "HS-Đặng-Thị-Hồng"]]);
    expect(await fx.rt.ingest.store.caseEvents(nfd("HS-Đặng-Thị-Hồng"))).toEqual([]);
    expect((await fx.rt.ingest.store.caseEvents("HS-Nguyễn-Văn-Ánh")).map((e) => e.eventId)).toEqual(["HS-Nguyễn-Văn-Ánh-1"]);
  });
});
