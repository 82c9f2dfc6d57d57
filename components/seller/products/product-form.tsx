"use client";
// The product editor shared by "new" and "edit": basics, description, images, options and
// variants, attributes, translations, and a sticky footer to save (and publish).

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ImageUploader } from "@/components/media/image-uploader";
import { Alert, Badge, Card, CardBody, CardDescription, CardHeader, CardTitle, Field, Input, Select, Spinner, buttonClasses, Button, useToast } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { localeNames, locales } from "@/lib/i18n/routing";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { PRODUCT_CURRENCIES } from "@/server/modules/products/products.schema";
import { AttributesSection } from "./attributes-section";
import { CategoryPicker, type CategoryNode } from "./category-picker";
import { ImagesSection } from "./images-section";
import { ModerationBadge, ProductStatusBadge, type ModerationState, type ProductStatus } from "./product-badges";
import { fieldOfServerError, stripHtml, toInput, type FieldErrors, type ProductDraft } from "./product-draft";
import { RichTextEditor } from "./rich-text-editor";
import { TranslationsSection } from "./translations-section";
import { useCategoryAttributes } from "./use-category-attributes";
import { OptionsEditor, VariantsTable } from "./variants-section";

export interface EditedProduct {
  id: string;
  slug: string;
  status: ProductStatus;
  moderation: ModerationState;
  moderationReason: string | null;
  /** Changes whenever the server's copy changes (updatedAt), so the form reloads after a save. */
  version: string;
  draft: ProductDraft;
}

interface ServerErrorData {
  messageKey?: string;
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string>;
}

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-title`} role="region">
      <CardHeader>
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      {children ? <CardBody>{children}</CardBody> : null}
    </Card>
  );
}

export function ProductForm({
  vendorId,
  product,
  initialDraft,
  categories,
  brands,
}: {
  vendorId: string;
  product: EditedProduct | null;
  /** The empty draft for a new product. */
  initialDraft: ProductDraft;
  categories: CategoryNode[];
  brands: { id: string; name: string }[];
}) {
  const t = useTranslations("sellerProducts.editor");
  const tp = useTranslations("sellerProducts");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const start = product?.draft ?? initialDraft;
  const [draft, setDraft] = useState<ProductDraft>(start);
  const [saved, setSaved] = useState(() => JSON.stringify(start));
  const [version, setVersion] = useState(product?.version ?? "new");
  const [resetKey, setResetKey] = useState(product?.version ?? "new");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"save" | "publish" | null>(null);
  const formErrorRef = useRef<HTMLDivElement>(null);

  // After a save the page re-renders with the server's copy (new variant ids): start from it.
  if (product && product.version !== version) {
    setVersion(product.version);
    setDraft(product.draft);
    setSaved(JSON.stringify(product.draft));
    setResetKey(product.version);
  }

  const dirty = JSON.stringify(draft) !== saved;
  const create = useMutation(trpc.products.createProduct.mutationOptions());
  const update = useMutation(trpc.products.updateProduct.mutationOptions());
  const setStatus = useMutation(trpc.products.setProductStatus.mutationOptions());
  const { definitions, loading: attributesLoading } = useCategoryAttributes(draft.categoryId);
  const banned = product?.moderation === "BANNED";

  // Warn before leaving with unsaved changes: closing/reloading the tab, and in-app links.
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    const click = (event: MouseEvent) => {
      const anchor = (event.target as HTMLElement | null)?.closest?.("a[href]");
      if (!anchor || anchor.getAttribute("target") === "_blank" || anchor.hasAttribute("download")) return;
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      if (!window.confirm(t("unsavedConfirm"))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [dirty, t]);

  const set = useCallback(<K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => setDraft((d) => ({ ...d, [key]: value })), []);

  // Order of the translations sent, so "translations.1.title" finds its tab.
  const translationLocales = useMemo(
    () => Object.entries(draft.translations).filter(([l, tr]) => l !== draft.locale && (tr.title.trim() || stripHtml(tr.description))).map(([l]) => l),
    [draft.translations, draft.locale],
  );
  const errorOf = useCallback(
    (path: string) => {
      const e = fieldErrors[path];
      return e ? errors.translate(e.key, e.params) : undefined;
    },
    [fieldErrors, errors],
  );
  const translationError = (locale: string, field: "title" | "description") => {
    const i = translationLocales.indexOf(locale);
    return i >= 0 ? errorOf(`translations.${i}.${field}`) : undefined;
  };

  function showErrors(found: FieldErrors, message: string) {
    setFieldErrors(found);
    setFormError(message);
    requestAnimationFrame(() => {
      const invalid = document.querySelector<HTMLElement>("[data-product-form] [aria-invalid='true']");
      (invalid ?? formErrorRef.current)?.focus();
      (invalid ?? formErrorRef.current)?.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  }

  async function save(publish: boolean) {
    // Values of attributes the chosen category no longer has are left out.
    const codes = new Set(definitions.map((d) => d.code));
    const sent = attributesLoading ? draft : { ...draft, attributes: Object.fromEntries(Object.entries(draft.attributes).filter(([code]) => codes.has(code))) };
    const { input, errors: found } = toInput(sent, vendorId);
    if (!input) {
      showErrors(found, t("fixErrors", { count: Object.keys(found).length }));
      return;
    }
    setBusy(publish ? "publish" : "save");
    setFieldErrors({});
    setFormError(null);
    try {
      const result = product ? await update.mutateAsync({ ...input, productId: product.id }) : await create.mutateAsync(input);
      setSaved(JSON.stringify(draft));
      let published = false;
      if (publish) {
        try {
          await setStatus.mutateAsync({ vendorId, productId: result.id, status: "ACTIVE" });
          published = true;
        } catch (error) {
          toast({ title: t("savedNotPublished"), description: errors.message(error), tone: "warning" });
        }
      }
      if (!publish || published) toast({ title: published ? t("savedPublished") : t("saved"), tone: "success" });
      if (product) router.refresh();
      else router.push(`/seller/products/${result.id}`);
    } catch (error) {
      const data = (error as { data?: ServerErrorData | null }).data ?? {};
      const found: FieldErrors = {};
      for (const [path, key] of Object.entries(data.fieldErrors ?? {})) found[path] = { key };
      if (data.messageKey && Object.keys(found).length === 0) {
        const field = fieldOfServerError(draft, data.messageKey, data.params ?? {});
        if (field) found[field] = { key: data.messageKey, params: data.params };
      }
      showErrors(found, errors.message(error));
    } finally {
      setBusy(null);
    }
  }

  const status = product?.status ?? "DRAFT";
  const canPublish = !banned && status !== "ACTIVE" && product?.moderation !== "REJECTED";
  const moderationBlocksPublish = product?.moderation === "REJECTED";

  return (
    <form
      noValidate
      data-product-form
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
      className="flex flex-col gap-6"
    >
      {product ? (
        <div className="flex flex-wrap items-start gap-4 rounded-xl border border-neutral-200 bg-white p-4" data-testid="product-state">
          <div>
            <p className="mb-1 text-xs font-medium text-neutral-600">{tp("columns.status")}</p>
            <ProductStatusBadge status={product.status} />
          </div>
          <div>
            <p className="mb-1 text-xs font-medium text-neutral-600">{tp("columns.moderation")}</p>
            <ModerationBadge moderation={product.moderation} reason={product.moderationReason} />
          </div>
          {product.status === "ACTIVE" && product.moderation !== "BANNED" && product.moderation !== "REJECTED" ? (
            <div className="ms-auto">
              <p className="mb-1 text-xs font-medium text-neutral-600">{t("publicLink")}</p>
              <Link href={`/p/${product.slug}`} target="_blank" className="text-sm font-medium text-brand-700 underline" data-testid="public-link">
                <bdi dir="ltr">/p/{product.slug}</bdi>
              </Link>
            </div>
          ) : null}
        </div>
      ) : null}
      {moderationBlocksPublish ? <Alert tone="warning">{t("rejectedHint")}</Alert> : null}
      {banned ? <Alert tone="danger">{t("bannedHint")}</Alert> : null}

      <div ref={formErrorRef} tabIndex={-1} className="outline-none">
        {formError ? (
          <Alert tone="danger" data-testid="form-error">
            {formError}
          </Alert>
        ) : null}
      </div>

      <fieldset disabled={banned} className="flex min-w-0 flex-col gap-6">
        <Section id="basics" title={t("basics")}>
          <div className="grid gap-4 md:grid-cols-2">
            <Field id="product-title" label={t("title")} required error={errorOf("title")} className="md:col-span-2">
              {(c) => <Input {...c} dir="auto" lang={draft.locale} value={draft.title} maxLength={200} onChange={(e) => set("title", e.target.value)} />}
            </Field>
            <div className="md:col-span-2">
              <label htmlFor="product-category" className="mb-1.5 block text-sm font-medium">
                {t("category")}
                <span aria-hidden="true" className="ms-0.5 text-danger-700">
                  *
                </span>
              </label>
              <CategoryPicker
                id="product-category"
                tree={categories}
                value={draft.categoryId}
                onChange={(id) => set("categoryId", id)}
                invalid={Boolean(errorOf("categoryId"))}
                describedBy={errorOf("categoryId") ? "product-category-error" : undefined}
              />
              {errorOf("categoryId") ? (
                <p id="product-category-error" className="mt-1.5 text-sm font-medium text-danger-700">
                  {errorOf("categoryId")}
                </p>
              ) : null}
            </div>
            <Field id="product-brand" label={t("brand")} error={errorOf("brandId")}>
              {(c) => (
                <Select {...c} value={draft.brandId} onChange={(e) => set("brandId", e.target.value)}>
                  <option value="">{t("noBrand")}</option>
                  {brands.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="product-locale" label={t("writingLanguage")} hint={t("writingLanguageHint")} error={errorOf("locale")}>
              {(c) => (
                <Select {...c} value={draft.locale} onChange={(e) => set("locale", e.target.value)}>
                  {locales.map((l) => (
                    <option key={l} value={l} lang={l}>
                      {localeNames[l]}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="product-currency" label={t("currency")} hint={t("currencyHint")} error={errorOf("currency")}>
              {(c) => (
                <Select {...c} value={draft.currency} onChange={(e) => set("currency", e.target.value)}>
                  {PRODUCT_CURRENCIES.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        </Section>

        <Section id="description" title={t("descriptionSection")}>
          <RichTextEditor
            id="product-description"
            label={t("description")}
            value={draft.description}
            resetKey={resetKey}
            onChange={(html) => set("description", html)}
            invalid={Boolean(errorOf("description"))}
            describedBy={errorOf("description") ? "product-description-error" : undefined}
            lang={draft.locale}
            disabled={banned}
          />
          {errorOf("description") ? (
            <p id="product-description-error" className="mt-1.5 text-sm font-medium text-danger-700">
              {errorOf("description")}
            </p>
          ) : null}
        </Section>

        <Section id="images" title={t("images")} description={t("imagesHint")}>
          <ImagesSection
            images={draft.images}
            onChange={(images) => {
              const ids = new Set(images.map((i) => i.mediaId));
              setDraft((d) => ({
                ...d,
                images,
                variants: d.variants.map((v) => (v.imageMediaId && !ids.has(v.imageMediaId) ? { ...v, imageMediaId: null } : v)),
              }));
            }}
            uploader={
              <ImageUploader
                purpose="product"
                vendorId={vendorId}
                multiple
                onUploaded={(asset) =>
                  setDraft((d) =>
                    d.images.some((i) => i.mediaId === asset.id)
                      ? d
                      : { ...d, images: [...d.images, { mediaId: asset.id, src: asset.src, width: asset.width, height: asset.height, placeholder: asset.placeholder, alt: "" }] },
                  )
                }
              />
            }
            error={errorOf("images")}
          />
        </Section>

        <Section id="variants" title={t("optionsAndVariants")} description={t("optionsHint")}>
          <div className="flex flex-col gap-6">
            <OptionsEditor options={draft.options} onChange={(options) => set("options", options)} error={errorOf("options")} />
            <VariantsTable
              options={draft.options}
              variants={draft.variants}
              images={draft.images}
              currency={draft.currency}
              skuBase={draft.title}
              onChange={(variants) => set("variants", variants)}
              errorOf={errorOf}
            />
          </div>
        </Section>

        <Section id="attributes" title={t("attributes")} description={draft.categoryId ? t("attributesHint") : t("attributesNeedCategory")}>
          {draft.categoryId && attributesLoading ? (
            <p className="flex items-center gap-2 text-sm text-neutral-600" role="status">
              <Spinner size="sm" />
              {tc("loading")}
            </p>
          ) : draft.categoryId ? (
            <AttributesSection definitions={definitions} values={draft.attributes} onChange={(attributes) => set("attributes", attributes)} errorOf={errorOf} />
          ) : null}
        </Section>

        <Section id="translations" title={t("translations")}>
          <TranslationsSection
            writingLocale={draft.locale}
            translations={draft.translations}
            onChange={(translations) => set("translations", translations)}
            errorOf={translationError}
            resetKey={resetKey}
          />
          {errorOf("translations") ? <p className="mt-2 text-sm font-medium text-danger-700">{errorOf("translations")}</p> : null}
        </Section>
      </fieldset>

      {/* Actions at the inline start: toasts appear at the inline end and would cover them. */}
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-2 border-t border-neutral-200 bg-white/95 px-4 py-3 backdrop-blur sm:-mx-6 sm:px-6">
        {canPublish ? (
          <Button loading={busy === "publish"} disabled={busy !== null} onClick={() => void save(true)}>
            {t("saveAndPublish")}
          </Button>
        ) : null}
        <Button type="submit" variant={canPublish ? "secondary" : "primary"} loading={busy === "save"} disabled={busy !== null || banned}>
          {status === "DRAFT" ? t("saveDraft") : t("save")}
        </Button>
        <Link href="/seller/products" className={buttonClasses({ variant: "ghost" })}>
          {t("backToList")}
        </Link>
        <p className="ms-auto text-sm text-neutral-600" aria-live="polite">
          {dirty ? <Badge tone="warning">{t("unsaved")}</Badge> : product ? t("allSaved") : null}
        </p>
      </div>
    </form>
  );
}
