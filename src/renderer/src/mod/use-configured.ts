import { useEffect, useMemo, useState } from 'react';
import type { SourceConfig } from '../../../shared/settings';
import { useModBridge, useModStore } from '../store/store-context';

/**
 * The configured sources (from the core's settings), re-read whenever the running sources change (a save, a
 * source added elsewhere). Undefined until the first answer; null when the settings cannot be read.
 */
export function useConfiguredSources(): SourceConfig[] | null | undefined {
  const bridge = useModBridge();
  const connected = useModStore((state) => state.connected);
  const statuses = useModStore((state) => state.statuses);
  const running = useMemo(() => Object.keys(statuses).sort().join('\n'), [statuses]);
  const [sources, setSources] = useState<SourceConfig[] | null | undefined>(undefined);
  useEffect(() => {
    if (!connected) return;
    let current = true;
    bridge.request('getSettings', undefined).then(
      (settings) => current && setSources(settings.sources),
      () => current && setSources(null),
    );
    return () => {
      current = false;
    };
  }, [bridge, connected, running]);
  return sources;
}
