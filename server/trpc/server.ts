// Server-side tRPC for server components: a direct caller and an options proxy for prefetch.
import "server-only";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { makeQueryClient } from "@/lib/trpc/query-client";
import { db } from "../db";
import { requestMetaFrom } from "../lib/request-meta";
import { createContext } from "./context";
import { appRouter, createCaller } from "./router";

const createRscContext = cache(async () => createContext({ headers: await headers(), locale: await getLocale() }));

export const getQueryClient = cache(makeQueryClient);

/** Options for prefetching in server components (hydrated into client components). */
export const trpc = createTRPCOptionsProxy({ ctx: createRscContext, router: appRouter, queryClient: getQueryClient });

/** Calls procedures directly from server components and server actions. */
export const getServerCaller = cache(async () => createCaller(await createRscContext()));

/**
 * Calls public procedures without reading the request (no headers, cookies or session), so the
 * pages that use only this caller can be rendered statically and revalidated (product pages).
 */
export const getPublicCaller = cache((locale: string) =>
  createCaller({ db, session: null, meta: requestMetaFrom(new Headers(), locale) }));
