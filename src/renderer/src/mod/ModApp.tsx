import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useModStore } from '../store/store-context';
import type { SideTab } from '../store/mod-ui-slice';
import { AccountPanel } from './AccountPanel';
import { AlertsPanel } from './AlertsPanel';
import { AutoModPanel } from './AutoModPanel';
import { ChatList } from './ChatList';
import { ConnectionLines } from './ConnectionLines';
import { FirstRunGuide } from './FirstRunGuide';
import { HealthPanel } from './HealthPanel';
import { HighlightsPanel } from './search/HighlightsPanel';
import { ModLogPanel, NoticesPanel } from './LogPanels';
import { ModesBar } from './ModesBar';
import { SendBox } from './SendBox';
import { SettingsPanel } from './SettingsPanel';
import { TopBar } from './TopBar';
import { ScopeNotes } from './ActionNotes';
import { SideTabs } from './SideTabs';
import { NoteScopeContext } from './use-actions';
import { UserCard } from './UserCard';
import { useMediaQuery } from './use-now';

/** Below this width the tools panel is a drawer over the chat (layout.css uses the same breakpoint). */
const NARROW = '(max-width: 899px)';

const TABS: Array<{ id: SideTab; label: string }> = [
  { id: 'automod', label: 'AutoMod' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'highlights', label: 'Highlights' },
  { id: 'health', label: 'Health' },
  { id: 'log', label: 'Mod log' },
  { id: 'notices', label: 'Notices' },
  { id: 'settings', label: 'Settings' },
  { id: 'account', label: 'Account' },
];

const PANELS: Record<SideTab, () => ReactNode> = {
  automod: () => <AutoModPanel />,
  alerts: () => <AlertsPanel />,
  highlights: () => <HighlightsPanel />,
  health: () => <HealthPanel />,
  log: () => <ModLogPanel />,
  notices: () => <NoticesPanel />,
  settings: () => <SettingsPanel />,
  account: () => <AccountPanel />,
};

/**
 * The moderation console: chat with inline actions on the left, one tool panel at a time on the right. Under
 * 900 px the panel is a drawer over the chat (closed by default), so chat and the send box keep the width.
 */
export function ModApp() {
  const synced = useModStore((state) => state.synced);
  const connected = useModStore((state) => state.connected);
  const tab = useModStore((state) => state.sideTab);
  const setTab = useModStore((state) => state.setSideTab);
  const pendingHolds = useModStore(
    (state) => state.automod.filter((hold) => hold.status === 'pending').length,
  );
  const panel = usePanelState(tab);
  return (
    <div className="mod-app">
      <TopBar panelOpen={panel.open} onTogglePanel={panel.toggle} />
      {!connected ? (
        <div className="banner error" data-testid="bridge-down">
          {synced
            ? 'Connection to OnAir lost — reconnecting…'
            : 'Connecting to OnAir… (open the mod URL OnAir printed, with its #secret)'}
        </div>
      ) : null}
      <main className={`mod-main ${panel.open ? 'panel-open' : 'panel-closed'}`}>
        <NoteScopeContext.Provider value="chat">
          <div className="chat-column">
            <FirstRunGuide />
            <ConnectionLines />
            <ModesBar />
            <ChatList />
            <SendBox />
          </div>
        </NoteScopeContext.Provider>
        {panel.open && panel.narrow ? (
          <div className="drawer-backdrop" data-testid="drawer-backdrop" onClick={panel.close} />
        ) : null}
        <aside className="side" id="side-panel" aria-label="Tools" hidden={!panel.open}>
          <div className="side-head">
            <SideTabs tabs={TABS} current={tab} onSelect={setTab} pendingHolds={pendingHolds} />
            {panel.narrow ? (
              <button type="button" className="drawer-close" aria-label="Close tools" onClick={panel.close}>
                ✕
              </button>
            ) : null}
          </div>
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

/**
 * Whether the tools panel shows. Wide: open unless the moderator hid it. Narrow: a drawer, closed unless opened
 * (the toggle, or a tab chosen from elsewhere such as the first-run guide's "Open Account"); Escape closes it.
 */
function usePanelState(tab: SideTab) {
  const narrow = useMediaQuery(NARROW);
  const [wideOpen, setWideOpen] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const previousTab = useRef(tab);
  useEffect(() => {
    if (tab === previousTab.current) return;
    previousTab.current = tab;
    setDrawerOpen(true);
    setWideOpen(true);
  }, [tab]);
  useEffect(() => {
    if (!narrow || !drawerOpen) return;
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) setDrawerOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [narrow, drawerOpen]);
  const open = narrow ? drawerOpen : wideOpen;
  const close = (): void => (narrow ? setDrawerOpen(false) : setWideOpen(false));
  return {
    narrow,
    open,
    close,
    toggle: () => (narrow ? setDrawerOpen(!open) : setWideOpen(!open)),
  };
}
