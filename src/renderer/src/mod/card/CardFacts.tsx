import type { ChatMessage } from '../../../../shared/events';
import type { Fact, UserCardInfo } from '../../../../shared/user-card-types';
import type { Loaded } from './use-card-request';
import { ageSince, formatDate } from './use-card-request';

const TIERS: ReadonlyMap<string, string> = new Map([
  ['1000', 'Tier 1'],
  ['2000', 'Tier 2'],
  ['3000', 'Tier 3'],
]);

/** A fact's value, or "unavailable" with the reason one click away (a disclosure, keyboard-reachable). */
function FactValue<T>({ fact, show }: { fact: Fact<T>; show: (value: T) => string }) {
  if (fact.state === 'ok') return <>{show(fact.value)}</>;
  return (
    <details className="fact-unavailable">
      <summary>unavailable</summary>
      <span className="muted">{fact.reason}</span>
    </details>
  );
}

/** "Subscriber · 24 months (from chat badge)": what a moderator can know without Helix. */
export function subscriberFromBadge(latest: ChatMessage | undefined): string | null {
  const badge = latest?.author.badges.find((b) => b.setId === 'subscriber' || b.setId === 'founder');
  if (!badge) return null;
  const months = Number(badge.info);
  const said = Number.isInteger(months) && months > 0 ? ` · ${months} month${months === 1 ? '' : 's'}` : '';
  return `${badge.setId === 'founder' ? 'Founder' : 'Subscriber'}${said} (from chat badge)`;
}

/**
 * Account age, follow age, subscription, first seen and message count. Every row is there from the first
 * frame ("…" while loading), so nothing below moves when the answers arrive.
 */
export function CardFacts({
  card,
  latest,
  now,
}: {
  card: Loaded<UserCardInfo>;
  latest: ChatMessage | undefined;
  now: number;
}) {
  const info = card.state === 'ok' ? card.value : null;
  const pending = card.state === 'loading' ? '…' : card.state === 'error' ? 'unavailable' : null;
  const twitch = info?.twitch ?? null;
  const badge = subscriberFromBadge(latest);
  const chatkc = latest?.extras?.chatkc;
  return (
    <dl className="card-facts" data-testid="card-facts" aria-busy={card.state === 'loading'}>
      {twitch || (pending && latest?.source.provider === 'twitch') ? (
        <>
          <dt>Account</dt>
          <dd>
            {twitch ? (
              <FactValue
                fact={twitch.account}
                show={(v) => `created ${formatDate(v.createdAt)} (${ageSince(v.createdAt, now)})`}
              />
            ) : (
              pending
            )}
          </dd>
          <dt>Follows</dt>
          <dd>
            {twitch ? (
              <FactValue
                fact={twitch.follow}
                show={(v) =>
                  v ? `since ${formatDate(v.followedAt)} (${ageSince(v.followedAt, now)})` : 'not following'
                }
              />
            ) : (
              pending
            )}
          </dd>
          <dt>Subscription</dt>
          <dd>
            {twitch?.subscription.state === 'ok' ? (
              twitch.subscription.value ? (
                `${TIERS.get(twitch.subscription.value.tier) ?? twitch.subscription.value.tier}${twitch.subscription.value.gifted ? ' (gift)' : ''}`
              ) : (
                'not subscribed'
              )
            ) : badge ? (
              badge
            ) : twitch ? (
              <FactValue fact={twitch.subscription} show={() => ''} />
            ) : (
              pending
            )}
          </dd>
        </>
      ) : null}
      {chatkc ? (
        <>
          <dt>ChatKC</dt>
          <dd>
            level {chatkc.level} · id {chatkc.numericId}
          </dd>
        </>
      ) : null}
      <dt>Here</dt>
      <dd data-testid="card-counts">
        {info
          ? info.messageCount === 0
            ? 'no stored messages'
            : `${info.countCapped ? `${info.messageCount}+` : info.messageCount} message${info.messageCount === 1 ? '' : 's'} · first seen ${info.countCapped ? 'before ' : ''}${info.firstSeenAt === null ? '—' : formatDate(info.firstSeenAt)}${info.storage === 'memory' ? ' (this session only: history storage is off)' : ''}`
          : pending}
      </dd>
    </dl>
  );
}
