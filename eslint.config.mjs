import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // Leaving fields out by destructuring (`const { secret, ...rest } = row`) is the one way to omit them.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  { ignores: [".next/**", ".data/**", "node_modules/**", "prisma/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];
export default config;
