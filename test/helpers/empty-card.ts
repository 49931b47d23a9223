import type { CardHandlers } from '../../src/main/core/user-card/card-handlers';

/** Card and log requests answering "nothing stored", for test doubles of the core that do not exercise them. */
export function emptyCardHandlers(): CardHandlers {
  return {
    userCard: async ({ sourceId, userId, login }) => ({
      sourceId,
      provider: null,
      userId,
      login,
      twitch: null,
      firstSeenAt: null,
      messageCount: 0,
      countCapped: false,
      note: '',
      storage: 'memory',
      actions: [],
    }),
    userHistory: async () => ({ messages: [], nextCursor: null }),
    setUserNote: async () => ({ ok: true, local: true }),
    modLog: async () => ({ entries: [], total: 0, nextCursor: null, actions: [], moderators: [] }),
    exportModLog: async () => ({ csv: '', count: 0 }),
  };
}
