// POST /api/realtime/auth: pusher-js asks here before joining a private-/presence- channel
// (see server/modules/realtime/realtime.auth.ts for who gets which channel).
import { getAuthSession } from "@/server/auth";
import { db } from "@/server/db";
import { handleRealtimeAuth, pusherServer, realtimeSubjectFor } from "@/server/modules/realtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleRealtimeAuth(request, {
    pusher: pusherServer,
    getSubject: async () => {
      const session = await getAuthSession();
      return session ? realtimeSubjectFor(db, session.user) : null;
    },
  });
}
