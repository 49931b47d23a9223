import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveViewBridge } from '../bridge/resolve-bridge';
import { bindStore } from '../store/bindings';
import { createUpdateScheduler } from '../store/update-scheduler';
import { createOverlayStore } from '../store/create-stores';
import { OverlayStoreProvider } from '../store/store-context';
import { OverlayApp } from './OverlayApp';
import { parseOverlayQuery } from './overlay-options';
import '../common/badge-colors.css';
import '../common/emote-stack.css';
import './overlay.css';

const store = createOverlayStore();
const query = parseOverlayQuery(location.search);
// Chat lines follow the store outside React (ChatLines.tsx), in the push's own task; React renders only the
// alert and settings, on its own schedule.
bindStore(store, resolveViewBridge(), createUpdateScheduler());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <OverlayStoreProvider store={store}>
        <OverlayApp query={query} />
      </OverlayStoreProvider>
    </StrictMode>,
  );
}
