import { buttonClasses } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";

/** The body of the 403/404 pages. */
export function StatusPage({ code, title, body, homeLabel }: { code: string; title: string; body: string; homeLabel: string }) {
  return (
    <main id="main" className="mx-auto flex min-h-[70vh] max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-6xl font-bold text-brand-600" aria-hidden="true">
        {code}
      </p>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-neutral-600">{body}</p>
      <Link href="/" className={buttonClasses({ variant: "primary" })}>
        {homeLabel}
      </Link>
    </main>
  );
}
