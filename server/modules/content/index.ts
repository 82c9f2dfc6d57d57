// The content module's public face: banners and posters.
export * from "./content.schema";
export * from "./banners.service";
