// The [locale] segment of a route, checked. Requests such as /favicon.ico land on [locale] too;
// they get a 404 instead of reaching a query with a locale nobody speaks.
import { notFound } from "next/navigation";
import { isLocale, type Locale } from "./routing";

export function knownLocale(value: string): Locale {
  if (!isLocale(value)) notFound();
  return value;
}

export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  return knownLocale((await params).locale);
}
