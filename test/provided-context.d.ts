// What test/global-setup.ts provides to every test file through `inject()`.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the test server's maintenance database; swap the path for another database. */
    serverUrl: string;
    /** Name of the migrated template database each test file clones. */
    templateDatabase: string;
  }
}
