// Image uploads (seller center product/shop images, admin platform images); see handler.ts.
import { getAuthSession } from "@/server/auth";
import { db } from "@/server/db";
import { createUploadHandler } from "./handler";

export const runtime = "nodejs";

export const POST = createUploadHandler({ db, getSession: getAuthSession });
