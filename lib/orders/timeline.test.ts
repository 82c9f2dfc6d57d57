import { describe, expect, it } from "vitest";
import { buildTimeline, reasonOf, shopperMayCancel, type HistoryRow } from "./timeline";

const t0 = "2026-03-01T10:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

// Written as the server writes them: placing and paying share one instant (one transaction).
const history: HistoryRow[] = [
  { id: "h5", subOrderId: "a", from: "PROCESSING", to: "SHIPPED", reason: "DHL JD0142", createdAt: at(90) },
  { id: "h3", subOrderId: "a", from: "PENDING_PAYMENT", to: "PAID", reason: "pay on delivery", createdAt: t0 },
  { id: "h1", subOrderId: null, from: null, to: "PENDING_PAYMENT", reason: "order placed", createdAt: t0 },
  { id: "h2", subOrderId: null, from: "PENDING_PAYMENT", to: "PAID", reason: "pay on delivery", createdAt: t0 },
  { id: "h4", subOrderId: "a", from: "PAID", to: "PROCESSING", reason: "", createdAt: at(30) },
  { id: "h6", subOrderId: "b", from: "PENDING_PAYMENT", to: "PAID", reason: "pay on delivery", createdAt: t0 },
  { id: "h7", subOrderId: "b", from: "PAID", to: "CANCELLED", reason: "Out of stock, sorry", createdAt: at(5) },
];

describe("the order timeline", () => {
  it("orders a part's history oldest first from the placement, ties by progress, then the steps still ahead", () => {
    const steps = buildTimeline(history, "a");
    expect(steps.map((s) => [s.status, s.state])).toEqual([
      ["PENDING_PAYMENT", "done"], ["PAID", "done"], ["PROCESSING", "done"], ["SHIPPED", "current"], ["DELIVERED", "upcoming"],
    ]);
    expect(steps.map((s) => s.labelKey)).toEqual(["status.PENDING_PAYMENT", "status.PAID", "status.PROCESSING", "status.SHIPPED", "status.DELIVERED"]);
    expect(steps[3]).toMatchObject({ at: new Date(at(90)), reason: { text: "DHL JD0142" } });
    expect(steps[4]).toMatchObject({ at: null, reason: null });
  });

  it("translates the system's reasons and keeps a person's words", () => {
    const steps = buildTimeline(history, "a");
    expect(steps[0]!.reason).toEqual({ key: "placed" });
    expect(steps[1]!.reason).toEqual({ key: "payOnDelivery" });
    expect(steps[2]!.reason).toBeNull();
    expect(reasonOf("  payment window expired ")).toEqual({ key: "paymentExpired" });
    expect(reasonOf("cancelled by the shopper")).toEqual({ key: "cancelledByShopper" });
  });

  it("ends a cancelled part at its cancellation, with nothing ahead", () => {
    const steps = buildTimeline(history, "b");
    expect(steps.map((s) => [s.status, s.state])).toEqual([["PENDING_PAYMENT", "done"], ["PAID", "done"], ["CANCELLED", "current"]]);
    expect(steps.at(-1)!.reason).toEqual({ text: "Out of stock, sorry" });
  });

  it("shows the order's own rows for the whole order, and the full path when nothing happened yet", () => {
    expect(buildTimeline(history, null).map((s) => [s.status, s.state])).toEqual([
      ["PENDING_PAYMENT", "done"], ["PAID", "current"], ["PROCESSING", "upcoming"], ["SHIPPED", "upcoming"], ["DELIVERED", "upcoming"],
    ]);
    expect(buildTimeline([], "x").map((s) => s.state)).toEqual(["upcoming", "upcoming", "upcoming", "upcoming", "upcoming"]);
  });

  it("lets the shopper cancel only while no live part has shipped", () => {
    expect(shopperMayCancel([{ status: "PAID" }, { status: "PROCESSING" }, { status: "CANCELLED" }])).toBe(true);
    expect(shopperMayCancel([{ status: "PAID" }, { status: "SHIPPED" }])).toBe(false);
    expect(shopperMayCancel([{ status: "CANCELLED" }])).toBe(false);
  });
});
