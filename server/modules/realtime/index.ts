// Realtime (Pusher protocol): triggers, channel authorization, configuration.
export * from "@/lib/realtime/channels";
export { authorizeChannel, channelAccess, handleRealtimeAuth, realtimeSubjectFor, type RealtimeSubject } from "./realtime.auth";
export { publishRealtime, pusherServer, realtimeClientConfig, realtimeConfig } from "./realtime.publish";
export type { RealtimeClientConfig, RealtimeConfig } from "./realtime.config";
