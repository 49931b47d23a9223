import { useEffect, useMemo, useState } from 'react';
import { ItemBoundary } from '../common/ItemBoundary';
import { messageKey } from '../../../shared/removal';
import { useOverlayStore } from '../store/store-context';
import { AlertCard } from './AlertCard';
import { OverlayLine } from './OverlayLine';
import { lineLook } from './line-look';
import { effectiveOptions, overlayRootClass, visibleLines, type OverlayQuery } from './overlay-options';

/**
 * The on-stream overlay: transparent, chat lines at the bottom, one alert at a time on top. Settings come
 * from the app and can be overridden by the browser-source URL query.
 */
export function OverlayApp({ query }: { query: OverlayQuery }) {
  const messages = useOverlayStore((state) => state.messages);
  const settings = useOverlayStore((state) => state.overlay);
  const activeAlert = useOverlayStore((state) => state.alerts.active);
  const options = useMemo(() => effectiveOptions(settings, query), [settings, query]);
  const look = useMemo(() => lineLook(options), [options]);
  const [now, setNow] = useState(() => Date.now());

  // New lines are judged against their own arrival so fresh ones are never taken for expired.
  const newest = messages.length > 0 ? messages[messages.length - 1].receivedAt : 0;
  const effectiveNow = Math.max(now, newest);
  const lines = useMemo(
    () => visibleLines(messages, options, effectiveNow),
    [messages, options, effectiveNow],
  );

  // One timer for the next line to expire, not one per line; nothing runs when nothing fades.
  const fadeMs = options.fadeSeconds * 1000;
  const nextExpiry = fadeMs > 0 && lines.length > 0 ? lines[0].receivedAt + fadeMs : null;
  useEffect(() => {
    if (nextExpiry === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, nextExpiry - Date.now()) + 20);
    return () => clearTimeout(timer);
  }, [nextExpiry]);

  return (
    <div
      className={overlayRootClass(options)}
      data-theme={options.theme}
      style={query.fontSize ? { fontSize: `${query.fontSize}px` } : undefined}
    >
      {options.showAlerts && activeAlert ? (
        <ItemBoundary key={activeAlert.id} kind="alert" itemKey={activeAlert.id}>
          <AlertCard alert={activeAlert} />
        </ItemBoundary>
      ) : null}
      {options.showChat ? (
        <div className="onair-chat" data-testid="chat">
          {lines.map((message) => {
            const key = messageKey(message);
            const expiresAt = fadeMs > 0 ? message.receivedAt + fadeMs : null;
            return (
              <ItemBoundary key={key} kind="chat-line" itemKey={key}>
                <OverlayLine message={message} expiresAt={expiresAt} look={look} />
              </ItemBoundary>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
