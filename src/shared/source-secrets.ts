import type { SourceConfig } from './settings';

/** What the settings UI needs to ask for a source's secret; null for source types without one. */
export interface SourceSecretSpec {
  /** What the secret is called on the service, e.g. `Socket API token`. */
  label: string;
  /** Where the user finds it. */
  where: string;
  /** True when the source cannot connect without it (a tip platform); false when it only adds abilities. */
  required: boolean;
}

/**
 * Secrets per source type. The settings UI shows the token field and "Test connection" from this table, never
 * from provider names. The core stores the secret with `setSourceToken` (OS keychain / 0600 file), never in
 * settings.json.
 */
export const SOURCE_SECRETS: Record<SourceConfig['type'], SourceSecretSpec | null> = {
  demo: null,
  twitch: null,
  chatkc: {
    label: 'ChatKC token',
    where:
      'Optional: without it ChatKC is read-only. It is the Google sign-in token the stream.mattkc.com chat sends ' +
      'with every message: sign in to the chat there, open the browser’s developer tools → Network → WS → the ' +
      'connection to server.mattkc.com:2002, and copy the "token" field of any frame the page sends.',
    required: false,
  },
  streamlabs: {
    label: 'Socket API token',
    where: 'Streamlabs dashboard → Settings → API Settings → API Tokens → Your Socket API Token.',
    required: true,
  },
  streamelements: {
    label: 'JWT',
    where: 'StreamElements dashboard → Account → Channels → Show secrets → JWT Token.',
    required: true,
  },
};
