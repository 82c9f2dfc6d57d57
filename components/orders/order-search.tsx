// The order lists' search box (admin and seller): a GET form that keeps the status tab, and a
// "clear" link when a query is set. Server-rendered; works without JavaScript.
import type { Locale } from "@/lib/i18n/routing";
import { Button, buttonClasses, Card, Field, Input } from "@/components/ui";
import { getPathname, Link } from "@/lib/i18n/navigation";

export function OrderSearch({ pathname, locale, id, status, q, label, placeholder, applyLabel, clearLabel }: {
  pathname: "/admin/orders" | "/seller/orders";
  locale: Locale;
  id: string;
  status?: string | null;
  q?: string;
  label: string;
  placeholder: string;
  applyLabel: string;
  clearLabel: string;
}) {
  const statusQuery = status ? { status: status.toLowerCase() } : {};
  return (
    <Card className="mb-4 p-4">
      <form method="get" action={getPathname({ href: pathname, locale })} role="search" className="flex flex-wrap items-end gap-3">
        {status ? <input type="hidden" name="status" value={status.toLowerCase()} /> : null}
        <Field id={id} label={label} className="min-w-56 flex-1">
          {(c) => <Input {...c} type="search" name="q" defaultValue={q} maxLength={100} autoComplete="off" placeholder={placeholder} />}
        </Field>
        <Button type="submit">{applyLabel}</Button>
        {q ? <Link href={{ pathname, query: statusQuery }} className={buttonClasses({ variant: "ghost" })}>{clearLabel}</Link> : null}
      </form>
    </Card>
  );
}
