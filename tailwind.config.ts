import type { Config } from "tailwindcss";

/**
 * Bazaar design tokens. Loaded from app/globals.css via `@config`.
 *
 * Contrast notes (WCAG 2.2, against white unless stated):
 * - brand-600 #cc3a0f: 5.0:1 → primary buttons/links with white text (AA). Hover: brand-700 6.8:1.
 * - danger-600 4.8:1, success-700 5.0:1, warning-700 5.0:1, info-600 5.2:1 → safe for white text.
 * - neutral-400 3.3:1 → minimum for input borders (non-text 3:1); neutral-600 7.6:1 for secondary text.
 * - Tinted surfaces: use tone-800/900 text on tone-50/100 backgrounds (≥ 6:1).
 */
export default {
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#fff4ed",
          100: "#ffe5d4",
          200: "#fec7a8",
          300: "#fd9f71",
          400: "#fa6d38",
          500: "#f04a14",
          600: "#cc3a0f",
          700: "#a92d0d",
          800: "#87260f",
          900: "#6e2211",
          950: "#3c0e06",
        },
        neutral: {
          0: "#ffffff",
          50: "#fafaf9",
          100: "#f5f5f4",
          200: "#e7e5e4",
          300: "#d6d3d1",
          400: "#938d88",
          500: "#78716c",
          600: "#57534e",
          700: "#44403c",
          800: "#292524",
          900: "#1c1917",
          950: "#0c0a09",
        },
        success: {
          50: "#f0fdf4",
          100: "#dcfce7",
          200: "#bbf7d0",
          500: "#22c55e",
          600: "#16a34a",
          700: "#15803d",
          800: "#166534",
          900: "#14532d",
        },
        warning: {
          50: "#fffbeb",
          100: "#fef3c7",
          200: "#fde68a",
          500: "#f59e0b",
          600: "#d97706",
          700: "#b45309",
          800: "#92400e",
          900: "#78350f",
        },
        danger: {
          50: "#fef2f2",
          100: "#fee2e2",
          200: "#fecaca",
          500: "#ef4444",
          600: "#dc2626",
          700: "#b91c1c",
          800: "#991b1b",
          900: "#7f1d1d",
        },
        info: {
          50: "#eff6ff",
          100: "#dbeafe",
          200: "#bfdbfe",
          500: "#3b82f6",
          600: "#2563eb",
          700: "#1d4ed8",
          800: "#1e40af",
          900: "#1e3a8a",
        },
      },
      fontFamily: {
        // --font-sans is set by app/fonts.ts (Inter + system fallbacks incl. Arabic/CJK).
        sans: ["var(--font-sans)", "system-ui", "sans-serif"],
        mono: ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
      },
      fontSize: {
        xs: ["0.75rem", { lineHeight: "1rem" }],
        sm: ["0.875rem", { lineHeight: "1.25rem" }],
        base: ["1rem", { lineHeight: "1.5rem" }],
        lg: ["1.125rem", { lineHeight: "1.75rem" }],
        xl: ["1.25rem", { lineHeight: "1.75rem" }],
        "2xl": ["1.5rem", { lineHeight: "2rem" }],
        "3xl": ["1.875rem", { lineHeight: "2.25rem" }],
        "4xl": ["2.25rem", { lineHeight: "2.5rem" }],
      },
      borderRadius: {
        sm: "0.25rem",
        md: "0.375rem",
        lg: "0.5rem",
        xl: "0.75rem",
        "2xl": "1rem",
      },
      boxShadow: {
        card: "0 1px 2px 0 rgb(28 25 23 / 0.06), 0 1px 3px 0 rgb(28 25 23 / 0.10)",
        popover: "0 4px 6px -1px rgb(28 25 23 / 0.10), 0 2px 4px -2px rgb(28 25 23 / 0.10)",
        dialog: "0 20px 25px -5px rgb(28 25 23 / 0.15), 0 8px 10px -6px rgb(28 25 23 / 0.10)",
      },
    },
  },
} satisfies Config;
