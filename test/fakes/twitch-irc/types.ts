/** Public API of the fake Twitch IRC server (test/fakes/twitch-irc-server.ts). */
export interface FakeTwitchIrcOptions {
  /** token → login for `PASS oauth:<token>`. */
  tokens?: Record<string, string>;
  /** Server PING period (default 5 min) and how long it waits for the PONG (default 10 s). */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  /** Logins that are moderators in every channel (the channel's own login is its broadcaster). */
  mods?: string[];
  /** Window of the message rate limit and the duplicate rule (default 30 s, as Twitch). */
  rateWindowMs?: number;
  /** After RECONNECT, old connections keep delivering this long, then close (default 2 s). */
  reconnectGraceMs?: number;
}

export interface FakeTwitchIrc {
  url: string;
  /** Lines clients sent, in order (all connections). */
  received: string[];
  connections(): number;
  /** Send lines (rewritten to `channel`) to every client in that channel, in ONE frame. */
  inject(channel: string, lines: string[] | string): void;
  /** Send lines at a steady rate (batched per 10 ms tick, one frame per tick); resolves when done. */
  replay(lines: string[], ratePerSecond: number, channel?: string): Promise<{ sent: number }>;
  sendReconnect(): void;
  /** Terminate every connection at once (no close handshake). */
  dropAll(): void;
  /** While refusing, every new connection is terminated right after the WebSocket upgrade (a server down). */
  setRefusing(refusing: boolean): void;
  /** Silent: answer nothing (not PING, not login) and send nothing. */
  setSilent(silent: boolean): void;
  /** Slow mode for non-privileged senders (0 = off); announces a partial ROOMSTATE. */
  setSlowMode(channel: string, seconds: number): void;
  stop(): Promise<void>;
}
