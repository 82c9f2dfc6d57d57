export * from "./catalog.schema";
export * from "./categories.service";
export * from "./attributes.service";
export * from "./brands.service";
