// The events backbone's public face: publish() for services, the registry for the worker.
export { publish } from "./publish";
export { defineSubscription, deliver, handlerQueue, SubscriptionRegistry, DEFAULT_RETRY } from "./registry";
export type { AnySubscription, DeliveryResult, RetryPolicy, Subscription } from "./registry";
export { relayAll, relayBatch } from "./relay";
export { EVENT_TYPES } from "./types";
export type { DomainEvent, EventPayloads, EventType, NewEvent } from "./types";
