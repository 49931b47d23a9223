import type { ReactNode } from 'react';
import { useModStore } from '../store/store-context';
import type { SideTab } from '../store/mod-ui-slice';
import { AccountPanel } from './AccountPanel';
import { AlertsPanel } from './AlertsPanel';
import { AutoModPanel } from './AutoModPanel';
import { ChatList } from './ChatList';
import { HealthPanel } from './HealthPanel';
import { ModLogPanel, NoticesPanel } from './LogPanels';
import { ModesBar } from './ModesBar';
import { SendBox } from './SendBox';
import { SettingsPanel } from './SettingsPanel';
import { ScopeNotes } from './ActionNotes';
import { SideTabs } from './SideTabs';
import { NoteScopeContext } from './use-actions';
import { UserCard } from './UserCard';

const TABS: Array<{ id: SideTab; label: string }> = [
  { id: 'automod', label: 'AutoMod' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'health', label: 'Health' },
  { id: 'log', label: 'Mod log' },
  { id: 'notices', label: 'Notices' },
  { id: 'settings', label: 'Settings' },
  { id: 'account', label: 'Account' },
];

const PANELS: Record<SideTab, () => ReactNode> = {
  automod: () => <AutoModPanel />,
  alerts: () => <AlertsPanel />,
  health: () => <HealthPanel />,
  log: () => <ModLogPanel />,
  notices: () => <NoticesPanel />,
  settings: () => <SettingsPanel />,
  account: () => <AccountPanel />,
};

/** The moderation console: chat with inline actions on the left, one tool panel at a time on the right. */
export function ModApp() {
  const synced = useModStore((state) => state.synced);
  const connected = useModStore((state) => state.connected);
  const tab = useModStore((state) => state.sideTab);
  const setTab = useModStore((state) => state.setSideTab);
  const pendingHolds = useModStore(
    (state) => state.automod.filter((hold) => hold.status === 'pending').length,
  );
  return (
    <div className="mod-app">
      <TopBar />
      {!connected ? (
        <div className="banner error" data-testid="bridge-down">
          {synced
            ? 'Connection to OnAir lost — reconnecting…'
            : 'Connecting to OnAir… (open the mod URL OnAir printed, with its #secret)'}
        </div>
      ) : null}
      <main className="mod-main">
        <NoteScopeContext.Provider value="chat">
          <div className="chat-column">
            <ModesBar />
            <ChatList />
            <SendBox />
          </div>
        </NoteScopeContext.Provider>
        <aside className="side" aria-label="Tools">
          <SideTabs tabs={TABS} current={tab} onSelect={setTab} pendingHolds={pendingHolds} />
          <div className="side-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {PANELS[tab]()}
          </div>
          <ScopeNotes scope="side" className="side-notes" />
        </aside>
      </main>
      <UserCard />
    </div>
  );
}

/** Sources as chips (state colour, DEMO label); clicking one makes it the target of send and mode toggles. */
function TopBar() {
  const statuses = useModStore((state) => state.statuses);
  const active = useModStore((state) => state.activeSourceId);
  const setActive = useModStore((state) => state.setActiveSource);
  return (
    <header className="top-bar">
      <span className="brand">OnAir</span>
      {Object.values(statuses).map((status) => (
        <button
          key={status.source.sourceId}
          type="button"
          className={`source-chip state-${status.state}${status.source.sourceId === active ? ' active' : ''}`}
          data-testid="source-chip"
          data-source-id={status.source.sourceId}
          title={status.error ?? status.state}
          onClick={() => setActive(status.source.sourceId)}
        >
          <span className="dot" />
          {status.label}
          {status.demo ? (
            <span className="pill demo" data-testid="demo-label">
              DEMO
            </span>
          ) : null}
        </button>
      ))}
    </header>
  );
}
