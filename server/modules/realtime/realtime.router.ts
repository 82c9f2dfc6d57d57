import { router } from "@/server/trpc/init";
import { publicProcedure } from "@/server/trpc/procedures";
import { realtimeClientConfig } from "./realtime.publish";

export const realtimeRouter = router({
  /** What pusher-js needs in the browser (key, host, port, TLS, cluster); never the secret. */
  clientConfig: publicProcedure.query(() => realtimeClientConfig()),
});
