import type { NoticeLevel } from '../../../../../shared/events';
import type { TwitchToken } from '../account';
import type { CreateEventSubSubscription, EventSubSubscribeResult } from '../eventsub-types';
import type { EventSubConnection } from './connection';
import { planSubscriptions, type PlannedSubscription, type SkippedSubscription } from './subscriptions';

export type SubscribeCounters = {
  /** Subscriptions created (or already present: 409) on the current session. */
  subscriptions: number;
  subscribeFailures: number;
  skipped: number;
};

export interface SubscribeJob {
  connection: EventSubConnection;
  token: TwitchToken;
  channels: ReadonlyArray<{ login: string; userId: string }>;
  createSubscription: CreateEventSubSubscription;
  counters: SubscribeCounters;
  notice: (level: NoticeLevel, code: string, text: string) => void;
}

/**
 * `refused`: Twitch accepted none and every refusal was a client error (scopes, roles) — retrying cannot help.
 * `failed`: none accepted, but some failure may be transient (network, 5xx, 429) — reconnect with backoff.
 */
export type SubscribeOutcome = 'ok' | 'refused' | 'failed' | 'nothing-to-do';

interface Failure {
  planned: PlannedSubscription;
  status: number;
  message: string;
}

async function createOne(job: SubscribeJob, planned: PlannedSubscription): Promise<EventSubSubscribeResult> {
  try {
    return await job.createSubscription(planned.request);
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : String(error) };
  }
}

function describeSkipped(skipped: SkippedSubscription[]): string {
  const lines = skipped.map((s) => `${s.type} (#${s.channel}): ${s.why}`);
  return `Some Twitch alerts are off for this login:\n${lines.join('\n')}`;
}

function describeFailures(failures: Failure[]): string {
  const lines = failures.map(
    (f) => `${f.planned.request.type} (#${f.planned.channel}): ${f.status} ${f.message}`,
  );
  return `Twitch refused some EventSub subscriptions:\n${lines.join('\n')}`;
}

/**
 * Create every planned subscription on this session, all at once (they must land within the welcome's
 * keepalive window). Skipped types and 401/403 refusals become notices; the others still go ahead. 409 means
 * it already exists, which is fine.
 */
export async function createSubscriptions(job: SubscribeJob): Promise<SubscribeOutcome> {
  const sessionId = job.connection.session?.id;
  if (!sessionId) return 'nothing-to-do';
  const plan = planSubscriptions(job.token, job.channels, sessionId);
  const fresh = job.connection.subscribed.size === 0;
  const todo = plan.create.filter((p) => !job.connection.subscribed.has(p.key));
  job.counters.skipped = plan.skipped.length;
  if (fresh && plan.skipped.length > 0) job.notice('info', 'eventsub_skipped', describeSkipped(plan.skipped));
  if (todo.length === 0) return 'nothing-to-do';
  for (const planned of todo) job.connection.subscribed.add(planned.key);
  const results = await Promise.all(todo.map((planned) => createOne(job, planned)));
  const failures: Failure[] = [];
  results.forEach((result, index) => {
    const planned = todo[index]!;
    if (result.ok || result.status === 409) return;
    job.connection.subscribed.delete(planned.key);
    failures.push({ planned, status: result.status, message: result.message });
  });
  job.counters.subscriptions = job.connection.subscribed.size;
  job.counters.subscribeFailures += failures.length;
  if (failures.length > 0) job.notice('warning', 'eventsub_subscribe_failed', describeFailures(failures));
  if (job.connection.subscribed.size > 0) return 'ok';
  return failures.every((f) => f.status >= 400 && f.status < 500 && f.status !== 429) ? 'refused' : 'failed';
}
