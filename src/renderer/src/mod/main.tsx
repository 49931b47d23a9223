import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveModBridge } from '../bridge/resolve-bridge';
import { bindStore } from '../store/bindings';
import { createUpdateScheduler } from '../store/update-scheduler';
import { createModStore } from '../store/create-stores';
import { ModStoreProvider } from '../store/store-context';
import { ModApp } from './ModApp';
import '../common/badge-colors.css';
import '../common/emote-stack.css';
import './mod.css';
import './layout.css';
import './chat-column.css';
import './search/search.css';

const store = createModStore();
const resolved = resolveModBridge();
bindStore(store, resolved, createUpdateScheduler());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ModStoreProvider store={store} bridge={resolved.bridge}>
        <ModApp />
      </ModStoreProvider>
    </StrictMode>,
  );
}
