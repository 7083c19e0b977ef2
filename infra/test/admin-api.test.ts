import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ADMIN_ROUTES } from "../lib/constructs/admin-api.js";
import { logicalId } from "./support/find.js";
import { synthesized } from "./support/synth.js";

const { dev } = synthesized().templates;
const routes = Object.values(dev.findResources("AWS::ApiGatewayV2::Route")).map((r) => r["Properties"] as Record<string, unknown>);

describe("Construct: AdminApi", () => {
  it("declares exactly the routes the admin handler serves (functions/src/handlers/admin-api.ts)", () => {
    // infra knows functions only as entry files: compare with the handler's route list as text.
    const source = readFileSync(fileURLToPath(new URL("../../functions/src/handlers/admin-api.ts", import.meta.url)), "utf8");
    const block = source.slice(source.indexOf("export const ADMIN_ROUTES"), source.indexOf("] as const", source.indexOf("export const ADMIN_ROUTES")));
    const handlerRoutes = [...block.matchAll(/"((?:GET|POST|PUT|DELETE) \/v1\/[^"]*)"/g)].map((m) => m[1]);
    expect(ADMIN_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(handlerRoutes.sort());
  });

  it.each(ADMIN_ROUTES.map((r) => `${r.method} ${r.path}`))("requires a dashboard user's token on %s", (key) => {
    expect(routes.find((r) => r["RouteKey"] === key)).toMatchObject({
      AuthorizationType: "JWT",
      AuthorizerId: { Ref: logicalId(dev, "AWS::ApiGatewayV2::Authorizer", "ReadApiHttpApiDashboard") },
    });
  });

  it("runs the admin handler in its own function", () => {
    dev.hasResourceProperties("AWS::Lambda::Function", { Description: "Scorecard Home Affairs workspace" });
  });
});
