// The shipping module's public face: sellers' flat methods, and what checkout reads.
export * from "./shipping.schema";
export * from "./shipping.service";
