import type { Settings } from '../../../shared/settings';
import { OverlayUrlList } from './BrowserSourceUrl';
import { CheckField, NumberField, TextField } from './fields';
import { OverlayLookSection } from './OverlayLookSection';
import type { SettingsDraft } from './use-settings-draft';

interface SectionProps {
  draft: Settings;
  setDraft(settings: Settings): void;
}

export function TwitchSection(
  props: SectionProps & { presetsText: string; setText(c: Partial<SettingsDraft>): void },
) {
  const { draft, setDraft, presetsText, setText } = props;
  return (
    <>
      <h3>Twitch</h3>
      <TextField
        label="Client id"
        hint="Needed only to log in: from your app at dev.twitch.tv/console/apps (client type Public). Not a secret."
        value={draft.twitch.clientId}
        maxLength={64}
        onChange={(value) => setDraft({ ...draft, twitch: { ...draft.twitch, clientId: value.trim() } })}
      />
      <TextField
        label="Timeout presets"
        hint="The timeout buttons on each chat line: 30s, 10m, 1h, 1d, 1w (a number alone is seconds; 2 weeks at most)."
        testId="timeout-presets"
        value={presetsText}
        onChange={(value) => setText({ presetsText: value })}
      />
    </>
  );
}

export function OverlaySection(
  props: SectionProps & { hiddenText: string; setText(c: Partial<SettingsDraft>): void },
) {
  const { draft, setDraft, hiddenText, setText } = props;
  const overlay = draft.overlay;
  const setOverlay = (change: Partial<Settings['overlay']>): void =>
    setDraft({ ...draft, overlay: { ...overlay, ...change } });
  return (
    <>
      <h3>Overlay</h3>
      <OverlayUrlList />
      <OverlayLookSection overlay={overlay} setOverlay={setOverlay} />
      <div className="options">
        <NumberField
          label="Max lines"
          hint="How many chat lines the overlay shows at most."
          min={1}
          max={200}
          value={overlay.maxLines}
          onChange={(value) => setOverlay({ maxLines: value })}
        />
        <NumberField
          label="Fade after (s)"
          hint="Lines disappear after this many seconds; 0 keeps them until pushed out."
          min={0}
          max={3600}
          value={overlay.fadeSeconds}
          onChange={(value) => setOverlay({ fadeSeconds: value })}
        />
        <CheckField
          label="Hide !commands"
          hint="Keeps lines starting with ! (bot commands) off the overlay."
          checked={overlay.hideCommands}
          onChange={(checked) => setOverlay({ hideCommands: checked })}
        />
        <CheckField
          label="Show alerts"
          hint="Subs, cheers, raids, donations … appear on the overlay."
          checked={overlay.showAlerts}
          onChange={(checked) => setOverlay({ showAlerts: checked })}
        />
      </div>
      <TextField
        label="Hidden users"
        hint="Logins whose lines never show on the overlay (bots), comma-separated."
        value={hiddenText}
        onChange={(value) => setText({ hiddenText: value })}
      />
    </>
  );
}

export function AlertsSection({ draft, setDraft }: SectionProps) {
  const setAlerts = (change: Partial<Settings['alerts']>): void =>
    setDraft({ ...draft, alerts: { ...draft.alerts, ...change } });
  return (
    <>
      <h3>Alerts</h3>
      <div className="options">
        <NumberField
          label="Seconds on screen"
          hint="How long each alert stays on the overlay."
          min={1}
          max={120}
          value={draft.alerts.durationSeconds}
          onChange={(value) => setAlerts({ durationSeconds: value })}
        />
        <NumberField
          label="Min bits"
          hint="Cheers below this get no alert (they still show in chat)."
          min={0}
          value={draft.alerts.minBits}
          onChange={(value) => setAlerts({ minBits: value })}
        />
        <NumberField
          label="Min donation"
          hint="Tips below this amount (any currency) get no alert."
          min={0}
          step="0.01"
          value={draft.alerts.minDonation}
          onChange={(value) => setAlerts({ minDonation: value })}
        />
      </div>
    </>
  );
}

const ENDPOINT_HINTS: Record<keyof Settings['endpoints'], string> = {
  twitchIrc: 'Twitch chat (IRC over WebSocket).',
  twitchEventSub: 'Twitch EventSub WebSocket (alerts, AutoMod, moderation events).',
  twitchHelix: 'Twitch Helix API (moderation actions, user lookups).',
  twitchOAuth: 'Twitch login (Device Code flow, token refresh).',
  bttvApi: 'BetterTTV emote API.',
  ffzApi: 'FrankerFaceZ emote API.',
  seventvApi: '7TV emote API.',
  seventvEvents: '7TV EventAPI (live emote changes).',
};

export function EndpointsSection({ draft, setDraft }: SectionProps) {
  const keys = Object.keys(draft.endpoints) as Array<keyof Settings['endpoints']>;
  return (
    <details>
      <summary>Endpoints (advanced — only for testing against other servers)</summary>
      {keys.map((key) => (
        <TextField
          key={key}
          label={key}
          hint={ENDPOINT_HINTS[key] ?? ''}
          value={draft.endpoints[key]}
          onChange={(value) => setDraft({ ...draft, endpoints: { ...draft.endpoints, [key]: value } })}
        />
      ))}
    </details>
  );
}

/** Third-party emotes in Twitch chat, one toggle per provider (docs/emotes.md). */
export function EmotesSection({ draft, setDraft }: SectionProps) {
  const emotes = draft.emotes;
  const setEmotes = (change: Partial<Settings['emotes']>): void =>
    setDraft({ ...draft, emotes: { ...emotes, ...change } });
  return (
    <>
      <h3>Emotes</h3>
      <div className="options">
        <CheckField
          label="BetterTTV"
          hint="BetterTTV emotes (global and the channel's) in Twitch chat."
          checked={emotes.bttv}
          onChange={(checked) => setEmotes({ bttv: checked })}
        />
        <CheckField
          label="FrankerFaceZ"
          hint="FrankerFaceZ emotes (global and the channel's) in Twitch chat."
          checked={emotes.ffz}
          onChange={(checked) => setEmotes({ ffz: checked })}
        />
        <CheckField
          label="7TV"
          hint="7TV emotes (global and the channel's) in Twitch chat."
          checked={emotes.seventv}
          onChange={(checked) => setEmotes({ seventv: checked })}
        />
      </div>
    </>
  );
}
