export * from "./vendors.schema";
export * from "./vendors.service";
