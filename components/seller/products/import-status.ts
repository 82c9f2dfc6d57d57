// Import statuses and their badge tones, shared by the server page and the client uploader.
import type { Tone } from "@/components/ui";

export type ImportStatus = "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
export const importStatusTone: Record<ImportStatus, Tone> = { QUEUED: "neutral", RUNNING: "info", SUCCEEDED: "success", FAILED: "danger" };
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
