import { defineConfig } from "prisma/config";

// The CLI only generates the client here (no engines offline); migrations are applied by
// scripts/db-migrate.ts, which keeps `_prisma_migrations` so `prisma migrate deploy` agrees.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/bazaar" },
});
