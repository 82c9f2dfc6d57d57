// Drops cached storefront pages (see server/lib/page-cache.ts): only signed requests, at most
// 200 paths, each a site path.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { verifyPageCacheSignature } from "@/server/lib/page-cache";

const Body = z.object({ paths: z.array(z.string().max(500).regex(/^\/[^\s]*$/)).max(200) });

export async function POST(request: Request) {
  const text = await request.text();
  if (text.length > 100_000 || !verifyPageCacheSignature(text, request.headers.get("x-bazaar-signature"))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  let parsed;
  try {
    parsed = Body.safeParse(JSON.parse(text));
  } catch {
    return Response.json({ error: "bad request" }, { status: 400 });
  }
  if (!parsed.success) return Response.json({ error: "bad request" }, { status: 400 });
  for (const path of parsed.data.paths) revalidatePath(path);
  return Response.json({ revalidated: parsed.data.paths.length });
}
