// /api/health's report against the real database, the embedded search engine and a local
// realtime server with the app's own credentials; a component that cannot be reached
// degrades the report instead of failing it.
import { afterAll, describe, expect, it } from "vitest";
import { authSecret, env } from "@/server/env";
import { localRealtimeCredentials } from "@/server/modules/realtime/realtime.config";
import { startLocalRealtimeServer, type LocalRealtimeServer } from "@/server/modules/realtime/local-server";
import { checkHealth } from "./health";

let realtime: LocalRealtimeServer | null = null;
afterAll(async () => {
  await realtime?.close();
});

describe("health", () => {
  it("reports each component, and says degraded when realtime is down", async () => {
    realtime = await startLocalRealtimeServer({ ...localRealtimeCredentials(authSecret), port: env.REALTIME_PORT, host: "127.0.0.1" });
    const up = await checkHealth();
    expect(up.components.database).toMatchObject({ status: "ok", engine: "postgresql" });
    expect(up.components.search).toMatchObject({ status: "ok", engine: "postgres" });
    expect(up.components.realtime).toMatchObject({ status: "ok", engine: "local", detail: "0 occupied channels" });
    expect(up.status).toBe("ok");

    await realtime.close();
    realtime = null;
    const down = await checkHealth();
    expect(down.components.realtime.status).toBe("error");
    expect(down.status).toBe("degraded");
  });
});
