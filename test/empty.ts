// Stand-in for modules that must not run in tests (aliased in vitest.config.ts: `server-only`).
export {};
