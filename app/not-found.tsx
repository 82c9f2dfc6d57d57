import NextLink from "next/link";
import en from "@/messages/en.json";
import "./globals.css";

// Requests outside any locale (the proxy sends every page URL to a locale first).
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="grid min-h-screen place-items-center p-8">
        <main className="text-center">
          <h1 className="text-2xl font-semibold">{en.notFound.title}</h1>
          <p className="mt-2 text-neutral-600">{en.notFound.body}</p>
          <NextLink className="mt-6 inline-block font-medium text-brand-700 underline" href="/en">
            {en.notFound.home}
          </NextLink>
        </main>
      </body>
    </html>
  );
}
