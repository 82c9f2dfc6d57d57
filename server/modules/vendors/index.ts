export * from "./vendors.service";
