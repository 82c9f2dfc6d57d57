"use client";
// The checkout: address, one shipping method per shop, payment, the server's totals and the
// Place order button. Every amount comes from checkout.preview (re-asked when a choice changes);
// the order is placed with the preview's cartHash and one idempotency key per page visit, so a
// double click or a retry after a lost response makes one order.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { AddressDialog, useCountryName, type AddressView } from "@/components/cart/address-book";
import { CartThumb } from "@/components/cart/cart-thumb";
import { Alert, Badge, Button, Card, CardBody, CardHeader, CardTitle, cn } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/lib/trpc/client";
import { messageKeyOf, useErrorMessages } from "@/lib/trpc/errors";
import type { AppRouter } from "@/server/trpc/router";
import { Totals } from "./totals";

export type CheckoutPreview = inferRouterOutputs<AppRouter>["checkout"]["preview"];
type Group = CheckoutPreview["groups"][number];

/** 128 random bits, base64url-safe alphabet; works outside secure contexts (no randomUUID). */
function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function AddressLines({ address }: { address: AddressView }) {
  const countryName = useCountryName();
  return (
    <address className="text-sm leading-6 text-neutral-700 not-italic">
      <bdi>{address.line1}</bdi>
      {address.line2 ? <>, <bdi>{address.line2}</bdi></> : null}
      <br />
      <bdi>{[address.city, address.region].filter(Boolean).join(", ")}</bdi>
      {address.postalCode ? <> <span dir="ltr">{address.postalCode}</span></> : null}
      {" · "}
      {countryName(address.countryCode)}
      {address.phone ? <><br /><span dir="ltr">{address.phone}</span></> : null}
    </address>
  );
}

const radioCard = "flex cursor-pointer gap-3 rounded-lg border p-3 transition-colors has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 border-neutral-300 bg-white hover:border-neutral-500";
const radioInput = "mt-1 size-4 shrink-0 accent-brand-600 focus-visible:outline-none";

function VendorGroup({ group, currency, chosen, onChoose, disabled }: {
  group: Group;
  currency: string;
  chosen: string | undefined;
  onChoose: (ruleId: string) => void;
  disabled: boolean;
}) {
  const t = useTranslations("checkout");
  const locale = useLocale();
  const id = useId();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const selected = chosen ?? group.shipping?.id;
  return (
    <Card data-testid="checkout-group">
      <CardHeader>
        <CardTitle as="h3">{t("soldBy", { shop: group.vendor.name })}</CardTitle>
      </CardHeader>
      <CardBody className="flex flex-col gap-5">
        <ul className="divide-y divide-neutral-200" aria-label={t("itemsFrom", { shop: group.vendor.name })}>
          {group.lines.map((line) => (
            <li key={line.lineId} className="flex gap-3 py-3 first:pt-0" data-testid="checkout-line">
              <CartThumb image={line.image} className="size-16 sm:size-20" />
              <div className="flex min-w-0 flex-1 flex-wrap items-start justify-between gap-x-4 gap-y-1">
                <div className="min-w-0">
                  <p className="font-medium text-neutral-900"><bdi>{line.title}</bdi></p>
                  {line.optionText ? <p className="text-sm text-neutral-600"><bdi>{line.optionText}</bdi></p> : null}
                  <p className="text-sm text-neutral-600">
                    {t("quantityEach", { quantity: line.quantity, price: money(line.unitPrice) })}
                  </p>
                  {line.priceSeen !== line.unitPrice ? (
                    <Badge tone={line.unitPrice > line.priceSeen ? "warning" : "info"} className="mt-1">
                      {t("priceMoved", { from: money(line.priceSeen), to: money(line.unitPrice) })}
                    </Badge>
                  ) : null}
                </div>
                <p className="font-semibold tabular-nums">{money(line.lineTotal)}</p>
              </div>
            </li>
          ))}
        </ul>

        <fieldset disabled={disabled}>
          <legend className="mb-2 text-sm font-semibold text-neutral-900">{t("shippingMethod")}</legend>
          {group.shippingOptions.length === 0 ? (
            <Alert tone="warning">{t("noShipping")}</Alert>
          ) : (
            <div className="grid gap-2 sm:grid-cols-2">
              {group.shippingOptions.map((option) => {
                const free = option.freeOver !== null && group.subtotal >= option.freeOver;
                return (
                  <label key={option.id} className={radioCard}>
                    <input
                      type="radio"
                      name={`${id}-shipping`}
                      value={option.id}
                      checked={selected === option.id}
                      onChange={() => onChoose(option.id)}
                      className={radioInput}
                    />
                    <span className="flex min-w-0 flex-1 flex-col">
                      <span className="flex justify-between gap-2 font-medium text-neutral-900">
                        <bdi>{option.name}</bdi>
                        <span className="tabular-nums">{free || option.price === 0 ? t("free") : money(option.price)}</span>
                      </span>
                      <span className="text-sm text-neutral-600">{t("deliveryDays", { min: option.minDays, max: option.maxDays })}</span>
                      {option.freeOver !== null && !free ? (
                        <span className="text-xs text-neutral-600">{t("freeOver", { amount: money(option.freeOver) })}</span>
                      ) : null}
                    </span>
                  </label>
                );
              })}
            </div>
          )}
        </fieldset>

        <Totals
          value={{ subtotal: group.subtotal, shipping: group.shipping?.charged ?? 0, discount: group.discount, tax: group.tax, total: group.total }}
          currency={currency}
          totalLabel={t("shopTotal")}
          testId="group-totals"
        />
      </CardBody>
    </Card>
  );
}

export function CheckoutForm({ initial, addresses }: { initial: CheckoutPreview; addresses: AddressView[] }) {
  const t = useTranslations("checkout");
  const locale = useLocale() as Locale;
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const errors = useErrorMessages();
  const addressGroupId = useId();
  // One key for this visit: repeats of the same attempt (double click, retry) return the same order.
  const [idempotencyKey] = useState(newIdempotencyKey);
  // Set on the first click, before the pending state renders: a second click sends nothing.
  const submitted = useRef(false);
  const [addressId, setAddressId] = useState<string | null>(addresses.find((a) => a.isDefault)?.id ?? addresses[0]?.id ?? null);
  const [shipping, setShipping] = useState<Record<string, string>>({});
  const [adding, setAdding] = useState(false);
  const [paymentMethod, setPaymentMethod] = useState<"card" | "pay_on_delivery">("card");

  const input = { addressId: addressId ?? undefined, shipping, locale };
  const initialInput = { addressId: addresses.find((a) => a.isDefault)?.id ?? addresses[0]?.id ?? undefined, shipping: {}, locale };
  const previewOptions = trpc.checkout.preview.queryOptions(input);
  const preview = useQuery({
    ...previewOptions,
    placeholderData: keepPreviousData,
    initialData: JSON.stringify(input) === JSON.stringify(initialInput) ? initial : undefined,
  });
  const data = preview.data ?? initial;
  const updating = preview.isFetching && preview.isPlaceholderData;

  const place = useMutation(
    trpc.checkout.placeOrder.mutationOptions({
      // A card order goes on to the pay step; pay on delivery is confirmed at once.
      onSuccess: (result, variables) => router.push(variables.paymentMethod === "card" ? `/checkout/pay/${result.orderId}` : `/checkout/done/${result.orderId}`),
      onError: (error) => {
        // The cart moved under us: show the new state (prices, stock) before another try.
        if (["checkout.cartChanged", "inventory.insufficient", "checkout.itemsUnavailable"].includes(messageKeyOf(error) ?? "")) {
          void queryClient.invalidateQueries({ queryKey: trpc.checkout.preview.queryKey() });
          router.refresh();
        }
      },
    }),
  );

  const chosenAddress = addresses.find((a) => a.id === addressId) ?? null;
  const missingShipping = data.groups.some((g) => !g.shipping);
  const blocked = !chosenAddress || missingShipping || data.groups.length === 0;
  const busy = place.isPending || place.isSuccess;

  function placeOrder() {
    if (submitted.current || blocked || updating || !chosenAddress) return;
    submitted.current = true;
    place.mutate({
      idempotencyKey,
      cartHash: data.cartHash,
      addressId: chosenAddress.id,
      shipping: Object.fromEntries(data.groups.filter((g) => g.shipping).map((g) => [g.vendor.id, g.shipping!.id])),
      paymentMethod,
      locale,
    }, { onError: () => { submitted.current = false; } });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
        <section aria-labelledby="address-title">
          <Card>
            <CardHeader actions={<Button size="sm" variant="secondary" onClick={() => setAdding(true)}>{t("addAddress")}</Button>}>
              <CardTitle id="address-title">{t("addressTitle")}</CardTitle>
            </CardHeader>
            <CardBody>
              {addresses.length === 0 ? (
                <Alert tone="info">{t("noAddress")}</Alert>
              ) : (
                <div role="radiogroup" aria-labelledby="address-title" className="grid gap-2 sm:grid-cols-2" data-testid="address-choices">
                  {addresses.map((a) => (
                    <label key={a.id} className={radioCard}>
                      <input type="radio" name={`${addressGroupId}-address`} value={a.id} checked={addressId === a.id} onChange={() => setAddressId(a.id)} className={radioInput} disabled={busy} />
                      <span className="min-w-0">
                        <span className="flex flex-wrap items-center gap-2 font-medium text-neutral-900">
                          <bdi>{a.fullName}</bdi>
                          {a.isDefault ? <Badge tone="brand">{t("defaultAddress")}</Badge> : null}
                        </span>
                        <AddressLines address={a} />
                      </span>
                    </label>
                  ))}
                </div>
              )}
            </CardBody>
          </Card>
        </section>

        <section aria-labelledby="shops-title" className="flex flex-col gap-4">
          <h2 id="shops-title" className="text-lg font-semibold text-neutral-900">
            {t("shopsTitle", { count: data.groups.length })}
          </h2>
          {data.groups.map((group) => (
            <VendorGroup
              key={group.vendor.id}
              group={group}
              currency={data.currency}
              chosen={shipping[group.vendor.id]}
              onChoose={(ruleId) => setShipping((s) => ({ ...s, [group.vendor.id]: ruleId }))}
              disabled={busy}
            />
          ))}
        </section>

        <section aria-labelledby="payment-title">
          <Card>
            <CardHeader>
              <CardTitle id="payment-title">{t("paymentTitle")}</CardTitle>
            </CardHeader>
            <CardBody>
              <div role="radiogroup" aria-labelledby="payment-title">
                <div className="grid gap-2">
                  <label className={radioCard}>
                    <input type="radio" name="payment" value="card" checked={paymentMethod === "card"} onChange={() => setPaymentMethod("card")} className={radioInput} disabled={busy} />
                    <span>
                      <span className="block font-medium text-neutral-900">{t("payByCard")}</span>
                      <span className="block text-sm text-neutral-600">{t("payByCardHint")}</span>
                    </span>
                  </label>
                  <label className={radioCard}>
                    <input type="radio" name="payment" value="pay_on_delivery" checked={paymentMethod === "pay_on_delivery"} onChange={() => setPaymentMethod("pay_on_delivery")} className={radioInput} disabled={busy} />
                    <span>
                      <span className="block font-medium text-neutral-900">{t("payOnDelivery")}</span>
                      <span className="block text-sm text-neutral-600">{t("payOnDeliveryHint")}</span>
                    </span>
                  </label>
                </div>
              </div>
            </CardBody>
          </Card>
        </section>
      </div>

      <aside aria-labelledby="summary-title" className="lg:sticky lg:top-24 lg:h-fit">
        <Card>
          <CardHeader>
            <CardTitle id="summary-title">{t("summaryTitle")}</CardTitle>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            <div aria-live="polite" aria-busy={updating} className={cn("transition-opacity", updating && "opacity-60")}>
              <Totals value={data} currency={data.currency} testId="order-totals" />
              {updating ? <p className="mt-2 text-xs text-neutral-600">{t("updating")}</p> : null}
            </div>
            {chosenAddress ? (
              <div className="rounded-lg bg-neutral-50 p-3 text-sm">
                <p className="font-medium text-neutral-900">{t("deliverTo", { name: chosenAddress.fullName })}</p>
                <AddressLines address={chosenAddress} />
              </div>
            ) : null}
            <p className="text-sm text-neutral-700">
              <span className="font-medium text-neutral-900">{t("paymentTitle")}:</span> {paymentMethod === "card" ? t("payByCard") : t("payOnDelivery")}
            </p>
            {place.error ? <Alert tone="danger" data-testid="checkout-error">{errors.message(place.error)}</Alert> : null}
            {preview.error ? <Alert tone="danger">{errors.message(preview.error)}</Alert> : null}
            {!chosenAddress ? <p className="text-sm text-neutral-700">{t("chooseAddressFirst")}</p> : null}
            <Button size="lg" className="w-full" onClick={placeOrder} loading={busy} disabled={blocked || updating || busy} data-testid="place-order">
              {busy ? t("placing") : t("placeOrder")}
            </Button>
            <p className="text-xs text-neutral-600">{t("placeOrderNote")}</p>
            <Link href="/cart" className="text-center text-sm font-medium text-brand-700 underline">{t("backToCart")}</Link>
          </CardBody>
        </Card>
      </aside>

      <AddressDialog open={adding} address={null} onClose={() => setAdding(false)} onSaved={(id) => setAddressId(id)} />
    </div>
  );
}
