/** Creating an EventSub subscription goes through Helix; EventSub gets this function injected. */
export interface EventSubSubscriptionRequest {
  type: string;
  version: string;
  condition: Record<string, string>;
  transport: { method: 'websocket'; session_id: string };
}

export type EventSubSubscribeResult =
  { ok: true; id: string } | { ok: false; status: number; message: string };

export type CreateEventSubSubscription = (
  request: EventSubSubscriptionRequest,
) => Promise<EventSubSubscribeResult>;
