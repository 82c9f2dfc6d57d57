// `npm run db:seed`: (re)applies the deterministic demo data; safe to repeat.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../prisma/generated/client/client";
import { loadDotEnv, prepareDatabase, ROOT, runSeed } from "./lib/database";

loadDotEnv();
const database = await prepareDatabase({ dataDir: path.join(ROOT, ".data/postgres"), port: 54329, seed: false });
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
await runSeed(database.url, db);
await db.$disconnect();
await database.stop();
