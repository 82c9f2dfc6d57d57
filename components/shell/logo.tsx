import { Link } from "@/lib/i18n/navigation";

/** The Bazaar wordmark; `suffix` names the face (seller center, admin console). */
export function Logo({ href = "/", suffix }: { href?: string; suffix?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md font-bold text-neutral-900">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path d="M9 12h14l-1.5 11h-11L9 12Zm3.5 0a3.5 3.5 0 0 1 7 0" fill="none" stroke="white" strokeWidth="2" strokeLinejoin="round" />
      </svg>
      {/* In a console on a phone the mark and the face's badge say enough; the word stays for screen readers. */}
      <span className={suffix ? "text-xl tracking-tight max-sm:sr-only" : "text-xl tracking-tight"}>Bazaar</span>
      {suffix && <span className="rounded bg-neutral-900 px-1.5 py-0.5 text-xs font-semibold text-white">{suffix}</span>}
    </Link>
  );
}
