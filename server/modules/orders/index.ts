// The orders module's public face.
export * from "./orders.schema";
export * from "./orders.service";
export * from "./orders.status";
