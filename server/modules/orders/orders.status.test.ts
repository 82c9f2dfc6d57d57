import { describe, expect, it } from "vitest";
import { canMoveSubOrder, orderStatusFrom } from "./orders.status";

describe("the order status machine", () => {
  it("allows the normal path and refuses skipping or going back", () => {
    const path = ["PENDING_PAYMENT", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "COMPLETED"] as const;
    for (let i = 1; i < path.length; i += 1) expect(canMoveSubOrder(path[i - 1]!, path[i]!)).toBe(true);
    expect(canMoveSubOrder("PENDING_PAYMENT", "SHIPPED")).toBe(false);
    expect(canMoveSubOrder("SHIPPED", "PROCESSING")).toBe(false);
    expect(canMoveSubOrder("SHIPPED", "CANCELLED")).toBe(false);
    expect(canMoveSubOrder("CANCELLED", "PAID")).toBe(false);
    expect(canMoveSubOrder("REFUNDED", "COMPLETED")).toBe(false);
  });

  it("derives the order's status from its parts", () => {
    expect(orderStatusFrom(["PAID", "PROCESSING", "SHIPPED"])).toBe("PAID");
    expect(orderStatusFrom(["SHIPPED", "CANCELLED", "DELIVERED"])).toBe("SHIPPED");
    expect(orderStatusFrom(["CANCELLED", "CANCELLED"])).toBe("CANCELLED");
    expect(orderStatusFrom(["REFUNDED", "CANCELLED"])).toBe("REFUNDED");
    expect(orderStatusFrom(["DELIVERED", "REFUNDED"])).toBe("PARTIALLY_REFUNDED");
    expect(orderStatusFrom(["COMPLETED", "COMPLETED"])).toBe("COMPLETED");
  });
});
