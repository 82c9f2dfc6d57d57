"use client";
// Fields generated from the category's attribute definitions (its own and its ancestors').

import { useTranslations } from "next-intl";
import { Checkbox, Field, Input, Select } from "@/components/ui";
import type { AttributeValue } from "./product-draft";

export interface AttributeDefinitionView {
  code: string;
  name: string;
  type: "TEXT" | "NUMBER" | "BOOLEAN" | "SELECT";
  unit: string | null;
  options: { value: string; name: string }[];
}

export function AttributesSection({
  definitions,
  values,
  onChange,
  errorOf,
}: {
  definitions: AttributeDefinitionView[];
  values: Record<string, AttributeValue>;
  onChange: (values: Record<string, AttributeValue>) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const t = useTranslations("sellerProducts.editor");
  const set = (code: string, value: AttributeValue) => onChange({ ...values, [code]: value });
  if (definitions.length === 0) return <p className="text-sm text-neutral-600">{t("noAttributes")}</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {definitions.map((d) => {
        const id = `attribute-${d.code}`;
        const error = errorOf(`attributes.${d.code}`);
        const value = values[d.code];
        if (d.type === "BOOLEAN") {
          return (
            <div key={d.code} className="flex flex-col justify-end pb-2">
              <Checkbox id={id} label={d.name} checked={value === true} onChange={(e) => set(d.code, e.target.checked)} aria-invalid={error ? true : undefined} />
              {error ? <p className="mt-1 text-sm font-medium text-danger-700">{error}</p> : null}
            </div>
          );
        }
        return (
          <Field key={d.code} id={id} label={d.unit ? t("attributeWithUnit", { name: d.name, unit: d.unit }) : d.name} error={error}>
            {(c) =>
              d.type === "SELECT" ? (
                <Select {...c} value={value === undefined ? "" : String(value)} onChange={(e) => set(d.code, e.target.value)}>
                  <option value="">{t("notSet")}</option>
                  {d.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.name}
                    </option>
                  ))}
                </Select>
              ) : d.type === "NUMBER" ? (
                <Input
                  {...c}
                  type="number"
                  step="any"
                  dir="ltr"
                  value={value === undefined ? "" : String(value)}
                  onChange={(e) => set(d.code, e.target.value === "" ? "" : Number(e.target.value))}
                />
              ) : (
                <Input {...c} maxLength={200} value={value === undefined ? "" : String(value)} onChange={(e) => set(d.code, e.target.value)} />
              )
            }
          </Field>
        );
      })}
    </div>
  );
}
