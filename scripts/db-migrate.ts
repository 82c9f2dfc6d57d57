// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded dev database).
import path from "node:path";
import { loadDotEnv, log, prepareDatabase, ROOT } from "./lib/database";

loadDotEnv();
const database = await prepareDatabase({ dataDir: path.join(ROOT, ".data/postgres"), port: 54329, seed: false });
await database.stop();
log("done");
