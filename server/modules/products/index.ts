// The products module's public face.
export * from "./products.schema";
export * from "./products.service";
export * from "./products.storefront";
export { sanitizeDescription, descriptionExcerpt } from "./rich-text";
export * from "./products.import";
export * from "./products.export";
export { neutraliseCell, csvLine } from "./products.csv";
