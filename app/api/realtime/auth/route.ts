// POST /api/realtime/auth: pusher-js asks here before joining a private-/presence- channel
// (see server/modules/realtime/realtime.auth.ts for who gets which channel).
import { getAuthSession } from "@/server/auth";
import { db } from "@/server/db";
import { handleRealtimeAuth, pusherServer } from "@/server/modules/realtime";
import { listMyVendors } from "@/server/modules/vendors";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return handleRealtimeAuth(request, {
    pusher: pusherServer,
    getSubject: async () => {
      const session = await getAuthSession();
      if (!session) return null;
      const vendors = await listMyVendors(db, session.user.id);
      return { userId: session.user.id, name: session.user.name, vendorIds: vendors.map((v) => v.id) };
    },
  });
}
