export {
  storeImage, storeImageOnce, authorizeUpload, readMediaVariant, acceptsAvif, mediaSrc, tooLargeError, sniffImageFormat, variantWidths, pickWidth,
  MAX_PIXELS, MIN_SIDE, type StoredImage, type StoreImageInput, type MediaVariant,
} from "./media.service";
export * from "./media.schema";
