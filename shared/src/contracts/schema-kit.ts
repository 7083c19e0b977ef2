/**
 * How the wire contracts are written: zod schemas whose TypeScript types are derived from them
 * (`z.output<typeof …>`), so a shape is defined once for the handlers, the use cases, the dashboard
 * (type-only imports: zod never reaches its bundle) and `/v1/openapi.json`.
 */
import { z } from "zod";

const contracts = new Map<string, z.ZodType>();
/** Named shapes by id: each becomes `#/components/schemas/<id>` in the OpenAPI document. */
export const NAMED_CONTRACTS: ReadonlyMap<string, z.ZodType> = contracts;

/** Name `schema` `id` (once: a second shape with the same id, or a second id for one shape, is a mistake). */
export function named<T extends z.ZodType>(id: string, schema: T): T {
  if (contracts.has(id) || [...contracts.values()].includes(schema)) throw new Error(`contract ${id} is named twice`);
  contracts.set(id, schema);
  return schema;
}

/** A response object: read-only fields, as the server builds it and the dashboard reads it. */
export const view = <S extends z.ZodRawShape>(shape: S) => z.object(shape).readonly();

/** A read-only list. */
export const listOf = <T extends z.ZodType>(item: T) => z.array(item).readonly();

/** A read-only map from string keys (tier, indicator code…) to values. */
export const mapOf = <T extends z.ZodType>(value: T) => z.record(z.string(), value).readonly();

/** Mutual assignability: true when a schema's type and a type declared elsewhere say the same. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** `type _ = Assert<Same<…>>` fails to compile when the two drift apart. */
export type Assert<T extends true> = T;
