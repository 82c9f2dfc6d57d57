// Runs once when a server instance starts: validating the environment here makes a wrong
// variable stop the start with a clear message instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./server/env");
  }
}
