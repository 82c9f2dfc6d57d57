/** A page's query as Next passes it: a value may repeat (?a=1&a=2) or be absent. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed and cut to `max` characters ("" when absent). */
export function queryValue(params: SearchParams, key: string, max = 2000): string {
  const raw = params[key];
  return ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim().slice(0, max);
}

/** A list's cursor from the query (`?cursor=`): a row id, or undefined when absent or malformed. */
export function cursorValue(params: SearchParams, key = "cursor"): string | undefined {
  const raw = queryValue(params, key, 50);
  return /^[A-Za-z0-9_-]{1,50}$/.test(raw) ? raw : undefined;
}
