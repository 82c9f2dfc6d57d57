// The discovery module's public face.
export { mergeGuestViews, pruneProductViews, recentlyViewed, recordView, trending, type Viewer } from "./discovery.service";
export { VISITOR_COOKIE, hashVisitorToken } from "./discovery.cookie";
