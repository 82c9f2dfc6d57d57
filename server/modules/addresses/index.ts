// The address book's public face (checkout reads an address with getAddress).
export * from "./addresses.schema";
export * from "./addresses.service";
