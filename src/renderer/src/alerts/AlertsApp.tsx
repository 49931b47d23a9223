import { useOverlayStore } from '../store/store-context';
import { AlertBox } from './AlertBox';

/** The alerts-only page (`/alerts`): one alert at a time, nothing else, on a transparent background. */
export function AlertsApp() {
  const alerts = useOverlayStore((state) => state.alerts);
  const active = alerts.active;
  return (
    <div className="onair-alerts" data-testid="alerts-page">
      {active ? (
        <AlertBox
          key={active.id}
          alert={active}
          presentation={alerts.presentation ?? null}
          endsAt={alerts.activeUntil}
          exiting={alerts.exiting ?? false}
        />
      ) : null}
    </div>
  );
}
