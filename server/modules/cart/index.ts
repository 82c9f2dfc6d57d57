// The cart module's public face: carts (guest and account), the wishlist, and what checkout needs.
export * from "./cart.schema";
export * from "./cart.service";
export * from "./wishlist.service";
export { stockFor, lineLimit, type Availability } from "./cart.stock";
export { CART_COOKIE, cartCookieFrom, cartCookieHeader, hashCartToken, readCartToken, type CartCookie } from "./cart.cookie";
export { mergeCookieCart } from "./cart.merge";
