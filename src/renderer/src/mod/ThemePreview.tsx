import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import {
  overlayRootClass,
  type LinkMode,
  type OverlayTheme,
  type TextEffect,
} from '../overlay/overlay-options';
import { DEFAULT_EMOTE_PX, THEME_BACKING, type LineLook } from '../overlay/line-look';
import { buildLine } from '../overlay/lines/build-line';
import { sampleLines } from '../overlay/sample-lines';
import emoteCss from '../common/emote-stack.css?inline';
import overlayCss from '../overlay/overlay.css?inline';

/**
 * The overlay's own stylesheet, scoped to a shadow root: its `:root` variables become the host's, and its page
 * rules (html, body) match nothing there, so the console's styles and the overlay's never meet.
 */
const PREVIEW_CSS = `${overlayCss.replace(/:root\b/g, ':host')}
${emoteCss}
:host { display: block; }
.onair-overlay { height: 100%; }`;

const SAMPLES = sampleLines();

/** The sample lines, built by the overlay's own line builder (the overlay draws its lines without React). */
function SampleLines({ look }: { look: LineLook }): ReactElement {
  const chat = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    chat.current?.replaceChildren(...SAMPLES.map((message) => buildLine(message, look, null)));
  }, [look]);
  return <div className="onair-chat" ref={chat} />;
}

interface PreviewProps {
  theme: OverlayTheme;
  textEffect: TextEffect;
  links: LinkMode;
  maxChars: number;
}

/** A live preview of one theme: sample lines drawn by the overlay's own line component and stylesheet. */
export function ThemePreview({ theme, textEffect, links, maxChars }: PreviewProps): ReactElement {
  const host = useRef<HTMLDivElement>(null);
  const [shadow, setShadow] = useState<ShadowRoot | null>(null);
  const look = useMemo(
    () => ({ links, maxChars, backing: THEME_BACKING[theme], emotePx: DEFAULT_EMOTE_PX }),
    [links, maxChars, theme],
  );

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = PREVIEW_CSS;
    root.replaceChildren(style);
    setShadow(root);
  }, []);

  return (
    <div
      ref={host}
      className="theme-preview"
      data-testid="theme-preview"
      data-theme={theme}
      aria-hidden="true"
    >
      {shadow
        ? createPortal(
            <div className={overlayRootClass({ textEffect })} data-theme={theme}>
              <SampleLines look={look} />
            </div>,
            shadow,
          )
        : null}
    </div>
  );
}
