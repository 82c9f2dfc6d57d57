import { clsx, type ClassValue } from "clsx";

/** Join class names conditionally: cn("a", cond && "b", { c: cond }). */
export function cn(...classes: ClassValue[]): string {
  return clsx(classes);
}

export type { ClassValue };
