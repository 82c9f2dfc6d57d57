import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SkeletonProps = ComponentProps<"div">;

/**
 * Pulsing placeholder block; size it with className (e.g. "h-4 w-32"). Always aria-hidden:
 * announce loading on the container instead (aria-busy, or a <Spinner label>).
 */
export function Skeleton({ className, ...props }: SkeletonProps) {
  return <div className={cn("animate-pulse rounded-md bg-neutral-200", className)} {...props} aria-hidden="true" />;
}
