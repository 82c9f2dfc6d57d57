import localFont from "next/font/local";

/*
 * Self-hosted Inter (variable, wght 100–900) from @fontsource-variable/inter: no network at build.
 * Usage (root layout): <html className={sans.variable}>; globals.css sets body to var(--font-sans).
 *
 * Two subsets, each with its own unicode-range (like fontsource's own CSS), so only the 48 KB latin
 * file is preloaded and latin-ext (ł, ő, ș, ₺ …) downloads only on pages that contain such characters.
 * next/font/local cannot set a unicode-range per `src` file, hence two calls: the latin-ext face gets
 * a fixed family name that `sans` lists first in its fallback stack.
 *
 * adjustFontFallback is off because next/font would put its metric-matched Arial face *before* the
 * latin-ext family; the same face ("Bazaar Inter Fallback", latin ranges only) is declared in
 * app/globals.css instead. Then Arabic (ar) and Simplified Chinese (zh) system fonts, which Inter lacks.
 * next/font requires literal options, hence the repeated values.
 */

/** Latin Extended subset; contributes @font-face rules only (no class/variable to apply). */
export const sansLatinExt = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  declarations: [
    { prop: "font-family", value: "'Bazaar Inter Latin Ext'" },
    {
      prop: "unicode-range",
      value:
        "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF",
    },
  ],
});

/** Main UI font. `sans.variable` defines --font-sans (Inter + fallbacks). */
export const sans = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-sans",
  adjustFontFallback: false,
  declarations: [
    {
      prop: "unicode-range",
      value:
        "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
    },
  ],
  fallback: [
    // Inter latin-ext subset (above) and metric-matched fallback (globals.css)
    "'Bazaar Inter Latin Ext'",
    "'Bazaar Inter Fallback'",
    // Latin UI fonts per platform
    "-apple-system",
    "BlinkMacSystemFont",
    "'Segoe UI'",
    "Roboto",
    "'Noto Sans'",
    // Arabic
    "'Noto Sans Arabic'",
    "'Geeza Pro'",
    "Tahoma",
    // Simplified Chinese
    "'PingFang SC'",
    "'Hiragino Sans GB'",
    "'Microsoft YaHei'",
    "'Noto Sans CJK SC'",
    "'Noto Sans SC'",
    "'Source Han Sans SC'",
    // Generic + emoji
    "system-ui",
    "sans-serif",
    "'Apple Color Emoji'",
    "'Segoe UI Emoji'",
    "'Noto Color Emoji'",
  ],
});
