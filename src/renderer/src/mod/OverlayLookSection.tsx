import { useId, type ReactElement } from 'react';
import type { Settings } from '../../../shared/settings';
import {
  LINK_MODES,
  MESSAGE_CHARS_MAX,
  MESSAGE_CHARS_MIN,
  OVERLAY_THEMES,
  TEXT_EFFECTS,
} from '../../../shared/settings-defaults';
import type { OverlayTheme } from '../overlay/overlay-options';
import { CopyUrlField, useOverlayUrl } from './CopyUrlField';
import { Hint, NumberField } from './fields';
import { themeUrl } from './overlay-urls';
import { ThemePreview } from './ThemePreview';
import './theme-gallery.css';

type Overlay = Settings['overlay'];

const THEME_TEXT: Readonly<Record<OverlayTheme, [name: string, hint: string]>> = {
  default: ['Default', 'Outlined text straight on the scene.'],
  boxed: ['Boxed', 'A dark box behind each line.'],
  light: ['Light', 'Dark text in white boxes, for bright scenes.'],
  compact: ['Compact', 'Smaller text, lines close together.'],
  large: ['Large', 'Big text in dark boxes, readable on a small stream.'],
};

const EFFECT_TEXT: Readonly<Record<Overlay['textEffect'], string>> = {
  outline: 'Outline (crisp on any scene)',
  shadow: 'Shadow (soft)',
  none: 'None',
};

const LINK_TEXT: Readonly<Record<Overlay['links'], string>> = {
  show: 'Show as sent',
  shorten: 'Shorten to the site (example.com/…)',
  hide: 'Hide (shows [link])',
};

function SelectField<T extends string>(props: {
  label: string;
  hint: string;
  value: T;
  options: readonly T[];
  names: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}): ReactElement {
  const hintId = useId();
  return (
    <div className="option">
      <label className="option-label">
        {props.label}{' '}
        <select
          value={props.value}
          aria-describedby={hintId}
          onChange={(e) => props.onChange(props.options.find((o) => o === e.target.value) ?? props.value)}
        >
          {props.options.map((option) => (
            <option key={option} value={option}>
              {props.names[option]}
            </option>
          ))}
        </select>
      </label>
      <Hint id={hintId}>{props.hint}</Hint>
    </div>
  );
}

/** One radio per theme, each with a live preview; the selected theme's URL with a Copy button. */
function ThemeGallery({ overlay, setOverlay }: { overlay: Overlay; setOverlay(c: Partial<Overlay>): void }) {
  const url = useOverlayUrl();
  const baseId = useId();
  return (
    <fieldset className="theme-gallery" data-testid="theme-gallery">
      <legend>Theme</legend>
      <div role="radiogroup" aria-label="Overlay theme" className="theme-options">
        {OVERLAY_THEMES.map((theme) => {
          const [name, hint] = THEME_TEXT[theme];
          const hintId = `${baseId}-${theme}`;
          return (
            <label key={theme} className="theme-option" data-selected={overlay.theme === theme}>
              <span className="theme-option-name">
                <input
                  type="radio"
                  name="overlay-theme"
                  value={theme}
                  checked={overlay.theme === theme}
                  aria-label={name}
                  aria-describedby={hintId}
                  onChange={() => setOverlay({ theme })}
                />{' '}
                {name}
              </span>
              <Hint id={hintId}>{hint}</Hint>
              <ThemePreview
                theme={theme}
                textEffect={overlay.textEffect}
                links={overlay.links}
                maxChars={overlay.maxMessageChars}
              />
            </label>
          );
        })}
      </div>
      {url ? (
        <CopyUrlField
          testId="theme-url"
          label={`URL with the ${THEME_TEXT[overlay.theme][0]} theme`}
          url={themeUrl(url, overlay.theme)}
          hint="Shows this theme whatever is saved here; Save makes it the overlay window's and plain URL's theme."
        />
      ) : null}
    </fieldset>
  );
}

/** Settings → Overlay: theme gallery, text effect, links and message length. */
export function OverlayLookSection({
  overlay,
  setOverlay,
}: {
  overlay: Overlay;
  setOverlay(c: Partial<Overlay>): void;
}) {
  return (
    <>
      <ThemeGallery overlay={overlay} setOverlay={setOverlay} />
      <div className="options">
        <SelectField
          label="Text effect"
          hint="What keeps chat readable on a busy scene (?effect= in the URL)."
          value={overlay.textEffect}
          options={TEXT_EFFECTS}
          names={EFFECT_TEXT}
          onChange={(textEffect) => setOverlay({ textEffect })}
        />
        <SelectField
          label="Links"
          hint="Links in chat on the overlay (?links= in the URL)."
          value={overlay.links}
          options={LINK_MODES}
          names={LINK_TEXT}
          onChange={(links) => setOverlay({ links })}
        />
        <NumberField
          label="Max message length"
          hint="Longer messages are cut with … (?chars= in the URL)."
          min={MESSAGE_CHARS_MIN}
          max={MESSAGE_CHARS_MAX}
          value={overlay.maxMessageChars}
          onChange={(maxMessageChars) => setOverlay({ maxMessageChars })}
        />
      </div>
    </>
  );
}
