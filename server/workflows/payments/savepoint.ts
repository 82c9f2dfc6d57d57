// A savepoint inside an interactive transaction: `fn` either fully applies or leaves nothing,
// and the outer transaction stays usable when it throws.
import type { DbTx } from "@/server/db";

let counter = 0;

export async function withSavepoint<T>(tx: DbTx, fn: () => Promise<T>): Promise<T> {
  // Savepoint names cannot be bound parameters; this one is made here from a counter, never from input.
  const name = `sp_${++counter}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}
