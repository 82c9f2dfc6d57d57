// Where image bytes live. Keys are relative, slash-separated paths such as
// "3f9c…/640.webp"; adapters refuse anything else (absolute paths, "..", backslashes).

export interface MediaStorage {
  /** Stores (or replaces) an object. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  exists(key: string): Promise<boolean>;
  /** Removes an object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Throws unless `key` is 1–8 safe segments ("a/b.webp"): no "..", no leading "/", no "\\". */
export function assertSafeKey(key: string): void {
  const parts = key.split("/");
  const ok = key.length > 0 && key.length <= 512 && parts.length <= 8 && parts.every((p) => SEGMENT.test(p) && !p.includes(".."));
  if (!ok) throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
}
