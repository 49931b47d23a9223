import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveViewBridge } from '../bridge/resolve-bridge';
import { bindStore } from '../store/bindings';
import { createOverlayStore } from '../store/create-stores';
import { OverlayStoreProvider } from '../store/store-context';
import { createUpdateScheduler } from '../store/update-scheduler';
import { AlertsApp } from './AlertsApp';
import '../common/badge-colors.css';
import './alerts.css';

// The read-only overlay connection: the same feed as /overlay, of which this page draws only the alerts.
const store = createOverlayStore();
bindStore(store, resolveViewBridge(), createUpdateScheduler());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OverlayStoreProvider store={store}>
        <AlertsApp />
      </OverlayStoreProvider>
    </StrictMode>,
  );
}
