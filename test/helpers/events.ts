import type { Alert, ChatMessage, Removal, SourceRef } from '../../src/shared/events';

export const ref: SourceRef = { sourceId: 'src', provider: 'demo', channel: 'chan' };

let counter = 0;
export function chat(overrides: Partial<ChatMessage> = {}): ChatMessage {
  counter += 1;
  return {
    kind: 'chat',
    id: `m${counter}`,
    source: ref,
    author: { id: 'u1', login: 'ada', displayName: 'Ada', color: '#ff0000', badges: [], roles: [] },
    parts: [{ type: 'text', text: 'hello' }],
    text: 'hello',
    flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
    reply: null,
    serverTime: 0,
    receivedAt: 0,
    targetable: true,
    ...overrides,
  };
}

export function alert(overrides: Partial<Alert> = {}): Alert {
  counter += 1;
  return {
    kind: 'alert',
    id: `a${counter}`,
    source: ref,
    alertType: 'cheer',
    user: { id: 'u1', login: 'ada', displayName: 'Ada' },
    bits: 100,
    message: null,
    serverTime: 0,
    receivedAt: 0,
    ...overrides,
  };
}

export function removal(target: Removal['target'], overrides: Partial<Removal> = {}): Removal {
  return { kind: 'removal', source: ref, target, reason: 'delete', confirmed: true, at: 1, ...overrides };
}
