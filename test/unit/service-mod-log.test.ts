import { describe, expect, it } from 'vitest';
import {
  ANOTHER_MODERATOR,
  ECHO_WINDOW_MS,
  ServiceModLog,
} from '../../src/main/core/user-card/service-mod-log';
import type { ModLogEntry, Removal } from '../../src/shared/events';
import { FakeClock } from '../helpers/fake-clock';

const source = { sourceId: 'tw', provider: 'twitch', channel: 'streamer' } as const;
const ban = (by?: string): Removal => ({
  kind: 'removal',
  source,
  target: { type: 'user', userId: '7', login: 'troll' },
  reason: 'ban',
  by,
  confirmed: true,
  at: 1,
});
const ours = (action: string, target: string): ModLogEntry => ({
  id: 'x',
  at: 1,
  sourceId: 'tw',
  actor: 'streamer',
  action,
  target,
  result: 'ok',
  subject: { userId: '7', login: 'troll' },
});

function setup() {
  const clock = new FakeClock();
  const logged: ModLogEntry[] = [];
  return { clock, logged, log: new ServiceModLog(clock, (e) => logged.push(e)) };
}

describe('ServiceModLog (fake clock)', () => {
  it('logs an unnamed removal as "another moderator" once the echo window has passed', () => {
    const { clock, logged, log } = setup();
    log.removal(ban());
    clock.advance(ECHO_WINDOW_MS - 1);
    expect(logged).toHaveLength(0);
    clock.advance(1);
    expect(logged).toMatchObject([{ actor: ANOTHER_MODERATOR, action: 'ban', target: 'troll' }]);
    log.removal(ban()); // the same action reported again right after: not a second entry
    clock.advance(ECHO_WINDOW_MS);
    expect(logged).toHaveLength(1);
  });

  it('our own action arriving after the service echo cancels the echo', () => {
    const { clock, logged, log } = setup();
    log.removal(ban());
    clock.advance(1000);
    log.own(ours('timeout', 'troll'));
    clock.advance(ECHO_WINDOW_MS);
    expect(logged).toHaveLength(0);
  });

  it('an EventSub entry naming the moderator replaces the unnamed IRC report', () => {
    const { clock, logged, log } = setup();
    log.removal(ban());
    log.serviceEntry({ ...ours('ban', 'troll'), actor: 'Moddy', subject: undefined, detail: 'spam' });
    log.removal(ban('Moddy'));
    clock.advance(ECHO_WINDOW_MS);
    expect(logged).toMatchObject([{ actor: 'Moddy', detail: 'spam' }]);
  });

  it('ignores local-only hides and failed actions of ours', () => {
    const { clock, logged, log } = setup();
    log.removal({ ...ban(), confirmed: false });
    log.own({ ...ours('ban', 'troll'), result: 'error' });
    log.removal(ban());
    clock.advance(ECHO_WINDOW_MS);
    expect(logged).toMatchObject([{ actor: ANOTHER_MODERATOR }]);
  });
});
