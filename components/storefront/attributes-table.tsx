// A product's attribute values as a two-column table, localized (booleans as yes/no).
import { getTranslations } from "next-intl/server";

export interface ProductAttribute {
  code: string;
  type: string;
  label: string;
  unit: string | null;
  value: string | number | boolean;
}

export async function AttributesTable({ attributes, locale }: { attributes: ProductAttribute[]; locale: string }) {
  if (attributes.length === 0) return null;
  const t = await getTranslations("storefront.product");
  const nf = new Intl.NumberFormat(locale);
  const show = (a: ProductAttribute) => {
    if (typeof a.value === "boolean") return a.value ? t("yes") : t("no");
    const text = typeof a.value === "number" ? nf.format(a.value) : a.value;
    return a.unit ? `${text} ${a.unit}` : text;
  };
  return (
    <section aria-labelledby="attributes-title">
      <h2 id="attributes-title" className="text-lg font-semibold text-neutral-900">{t("details")}</h2>
      <table className="mt-3 w-full text-sm">
        <tbody className="divide-y divide-neutral-200">
          {attributes.map((a) => (
            <tr key={a.code}>
              <th scope="row" className="w-2/5 py-2 pe-4 text-start align-top font-medium text-neutral-700">{a.label}</th>
              <td className="py-2 text-neutral-900">{show(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
