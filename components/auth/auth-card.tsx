import type { ReactNode } from "react";

/** The centred card every sign-in/registration page sits in; `footer` goes under the card. */
export function AuthCard({ title, subtitle, children, footer }: { title?: ReactNode; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-2xl border border-neutral-200 bg-white p-6 shadow-card sm:p-8">
        {title != null ? (
          <div className="mb-6">
            <h1 className="text-2xl font-bold text-neutral-900">{title}</h1>
            {subtitle != null ? <p className="mt-1 text-sm text-neutral-600">{subtitle}</p> : null}
          </div>
        ) : null}
        {children}
      </div>
      {footer != null ? <div className="mt-6 text-center text-sm text-neutral-600">{footer}</div> : null}
    </div>
  );
}

/** Inline text link style used under the auth forms. */
export const textLinkClasses =
  "font-medium text-brand-700 underline-offset-2 hover:text-brand-800 hover:underline focus-visible:rounded-sm";
