/** A page's query as Next passes it: a value may repeat (?a=1&a=2) or be absent. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed and cut to `max` characters ("" when absent). */
export function queryValue(params: SearchParams, key: string, max = 2000): string {
  const raw = params[key];
  return ((Array.isArray(raw) ? raw[0] : raw) ?? "").trim().slice(0, max);
}
