// The seller center remembers the chosen shop in this cookie. It only ever picks among the
// person's own shops (checked on the server); it grants nothing by itself.
export const VENDOR_COOKIE = "bazaar_vendor";
