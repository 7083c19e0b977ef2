/**
 * The local runtime's sign-in routes (`npm start` only: they stand in for Cognito's hosted UI and are
 * never deployed): the demo users and their short-lived tokens.
 */
import { z } from "zod";
import { listOf, named, view } from "./schema-kit.js";

/** The roles a dashboard user signs in with (shared/src/auth/policy.ts `ROLES`, less the machines and the public). */
export const staffRoleSchema = z.enum(["chairman", "home-affairs", "unit-officer"]);
export type StaffRole = z.output<typeof staffRoleSchema>;

export const demoUserSchema = named(
  "DemoUser",
  view({ id: z.string(), name: z.string(), role: staffRoleSchema, unitId: z.string().optional().describe("A unit officer's unit.") }).describe("A fictional user of the demo province."),
);
export type DemoUser = z.output<typeof demoUserSchema>;

export const localUsersSchema = named("LocalUsers", view({ users: listOf(demoUserSchema), tokenTtlSeconds: z.number().int() }));
export type LocalUsers = z.output<typeof localUsersSchema>;

export const loginRequestSchema = named("LocalLogin", z.strictObject({ userId: z.string() }));

export const loginResultSchema = named("LoginResult", view({ token: z.string().describe("A bearer token with Cognito's claim names."), user: demoUserSchema, expiresAt: z.string() }));
export type LoginResult = z.output<typeof loginResultSchema>;
