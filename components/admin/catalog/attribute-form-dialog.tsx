"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormDialog } from "@/components/forms/form-dialog";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, Checkbox, Field, Input, Select, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { CATALOG_LOCALES, NamesFields, namesValue, type NamesValue } from "./names-fields";
import type { AttributeView } from "./types";

const TYPES = ["TEXT", "NUMBER", "BOOLEAN", "SELECT"] as const;
type AttrType = (typeof TYPES)[number];
interface OptionDraft { key: number; value: string; names: NamesValue }

let optionKey = 0;
const newOption = (value = "", names?: Record<string, string>): OptionDraft => ({ key: (optionKey += 1), value, names: namesValue(names) });

/** Adds an attribute definition to a category, or edits one (its code and type stay). Keep mounted; toggle `open`. */
export function AttributeFormDialog({ open, categoryId, attribute, onClose }: { open: boolean; categoryId: string; attribute: AttributeView | null; onClose: () => void }) {
  const t = useTranslations("adminCatalog");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const firstRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState("");
  const [names, setNames] = useState<NamesValue>(namesValue());
  const [type, setType] = useState<AttrType>("TEXT");
  const [unit, setUnit] = useState("");
  const [filterable, setFilterable] = useState(true);
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [wasOpen, setWasOpen] = useState(false);

  const done = (message: string) => {
    toast({ title: message, tone: "success" });
    router.refresh();
    onClose();
  };
  const create = useMutation(trpc.catalog.createAttribute.mutationOptions({ onSuccess: () => done(t("attributeCreated")) }));
  const update = useMutation(trpc.catalog.updateAttribute.mutationOptions({ onSuccess: () => done(t("attributeSaved")) }));
  const mutation = attribute ? update : create;

  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setCode(attribute?.code ?? "");
      setNames(namesValue(attribute?.names));
      setType(attribute?.type ?? "TEXT");
      setUnit(attribute?.unit ?? "");
      setFilterable(attribute?.filterable ?? true);
      setOptions(attribute?.options.map((o) => newOption(o.value, o.names)) ?? []);
      create.reset();
      update.reset();
    }
  }
  useEffect(() => {
    if (open) firstRef.current?.focus();
  }, [open]);

  const error = mutation.error;
  const field = (name: string) => errors.field(error, name);
  // A summary on top (field errors also show beside their inputs, possibly scrolled out of view).
  const generalError = error ? errors.message(error) : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const opts = type === "SELECT" ? options.map((o) => ({ value: o.value, names: o.names })) : [];
    if (attribute) {
      update.mutate({ attributeId: attribute.id, names, unit: type === "NUMBER" ? unit.trim() || null : null, options: opts, filterable });
    } else {
      create.mutate({ categoryId, code, names, type, unit: type === "NUMBER" ? unit.trim() || null : null, options: opts, filterable });
    }
  }

  const patchOption = (key: number, patch: Partial<OptionDraft>) => setOptions((list) => list.map((o) => (o.key === key ? { ...o, ...patch } : o)));

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={attribute ? t("editAttribute") : t("addAttribute")}
      size="xl"
      submitLabel={attribute ? tc("save") : tc("create")}
      pending={mutation.isPending}
      error={generalError}
      onSubmit={submit}
      className="gap-5"
    >
      {(formId) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${formId}-code`} label={t("code")} hint={attribute ? t("codeFixed") : t("codeHint")} error={field("code")} required={!attribute}>
              {(c) => (
                <Input {...c} name="code" dir="ltr" value={code} maxLength={40} autoComplete="off" readOnly={attribute != null}
                  ref={attribute ? undefined : firstRef} onChange={(e) => setCode(e.target.value)} />
              )}
            </Field>
            <Field id={`${formId}-type`} label={t("type")} hint={attribute ? t("typeFixed") : undefined}>
              {(c) => (
                <Select {...c} name="type" value={type} disabled={attribute != null} onChange={(e) => setType(e.target.value as AttrType)}>
                  {TYPES.map((ty) => (
                    <option key={ty} value={ty}>
                      {t(`types.${ty}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {type === "NUMBER" ? (
              <Field id={`${formId}-unit`} label={t("unit")} hint={t("unitHint")} error={field("unit")}>
                {(c) => <Input {...c} name="unit" dir="auto" value={unit} maxLength={20} autoComplete="off" onChange={(e) => setUnit(e.target.value)} />}
              </Field>
            ) : null}
            <div className="flex items-end pb-2">
              <Checkbox id={`${formId}-filterable`} checked={filterable} onChange={(e) => setFilterable(e.target.checked)} label={t("filterable")} description={t("filterableHint")} />
            </div>
          </div>
          <NamesFields idPrefix={`${formId}-name`} legend={t("attributeNames")} value={names} onChange={setNames}
            error={(l) => field(`names.${l}`)} autoFocusRef={attribute ? firstRef : undefined} />
          {type === "SELECT" ? (
            <fieldset className="flex flex-col gap-3">
              <legend className="mb-1 text-sm font-medium text-neutral-900">{t("options")}</legend>
              {field("options") ? <p className="text-sm font-medium text-danger-700">{field("options")}</p> : null}
              {options.length === 0 ? <p className="text-sm text-neutral-600">{t("noOptions")}</p> : null}
              <ol className="flex flex-col gap-3">
                {options.map((o, i) => (
                  <li key={o.key} className="rounded-lg border border-neutral-200 p-3">
                    <div className="grid gap-3 sm:grid-cols-3">
                      <Field id={`${formId}-opt-${o.key}-value`} label={t("optionValue", { n: i + 1 })} error={field(`options.${i}.value`)} required>
                        {(c) => <Input {...c} dir="ltr" value={o.value} maxLength={60} autoComplete="off" onChange={(e) => patchOption(o.key, { value: e.target.value })} />}
                      </Field>
                      {CATALOG_LOCALES.map((l) => (
                        <Field key={l} id={`${formId}-opt-${o.key}-${l}`} label={t("optionLabel", { n: i + 1, language: t(`localeName.${l}`) })}
                          error={field(`options.${i}.names.${l}`)} required={l === "en"}>
                          {(c) => (
                            <Input {...c} lang={l} dir={l === "ar" ? "rtl" : "auto"} value={o.names[l]} maxLength={80} autoComplete="off"
                              onChange={(e) => patchOption(o.key, { names: { ...o.names, [l]: e.target.value } })} />
                          )}
                        </Field>
                      ))}
                    </div>
                    <Button variant="ghost" size="sm" className="mt-2 text-danger-700 hover:bg-danger-50" onClick={() => setOptions((list) => list.filter((x) => x.key !== o.key))}>
                      {t("removeOption", { n: i + 1 })}
                    </Button>
                  </li>
                ))}
              </ol>
              <div>
                <Button variant="secondary" size="sm" onClick={() => setOptions((list) => [...list, newOption()])}>
                  {t("addOption")}
                </Button>
              </div>
            </fieldset>
          ) : null}
        </>
      )}
    </FormDialog>
  );
}
