/** What the delivery worker needs from a platform adapter to deliver one announcement. */
import type { AnnouncementAnswer } from '../answers/answer';
import type { Platform } from '../store/store';

export type DeliveryOutcome =
  | { readonly kind: 'sent' }
  /** Try again later: 429 (with the wait the platform asked for), 5xx, network trouble. */
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs?: number }
  /** Never going to work: channel gone, bot removed, archived. The subscription is flagged. */
  | { readonly kind: 'permanent'; readonly reason: string };

export interface AnnouncementSender {
  readonly platform: Platform;
  /** The smallest gap between two messages to one channel or conversation. */
  readonly minIntervalMs: number;
  send(target: string, targetRef: string | null, announcement: AnnouncementAnswer): Promise<DeliveryOutcome>;
}
