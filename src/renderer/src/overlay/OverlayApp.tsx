import { useMemo } from 'react';
import { ItemBoundary } from '../common/ItemBoundary';
import { useOverlayStore } from '../store/store-context';
import { AlertCard } from './AlertCard';
import { ChatLines } from './ChatLines';
import { lineLook } from './line-look';
import { effectiveOptions, overlayRootClass, type OverlayQuery } from './overlay-options';

/**
 * The on-stream overlay: transparent, chat lines at the bottom, one alert at a time on top. Settings come
 * from the app and can be overridden by the browser-source URL query. Chat lines do not go through React's
 * render (ChatLines.tsx): this component re-renders only when the settings or the alert change.
 */
export function OverlayApp({ query }: { query: OverlayQuery }) {
  const settings = useOverlayStore((state) => state.overlay);
  const activeAlert = useOverlayStore((state) => state.alerts.active);
  const options = useMemo(() => effectiveOptions(settings, query), [settings, query]);
  const look = useMemo(() => lineLook(options), [options]);

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
      {options.showChat ? <ChatLines options={options} look={look} /> : null}
    </div>
  );
}
