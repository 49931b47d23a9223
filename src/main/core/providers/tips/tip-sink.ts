import type { NoticeLevel, OnAirEvent, SourceRef } from '../../../../shared/events';
import type { Clock } from '../../clock';
import type { Logger } from '../../log/logger';
import type { StatusReporter } from '../../net/status-reporter';
import { RecentIds } from '../../net/recent-ids';
import { tipAlert, tipNotice, type Tip } from './tip';

/**
 * Where a tip source's mapped traffic goes: tips become `donation` alerts once per platform id, malformed
 * input is dropped and counted (`droppedFrames`), notices reach the console. Counters show in the health view.
 */
export class TipSink {
  /** Tip ids already shown: a tip replayed after a reconnect or recovered over REST is shown once. */
  private readonly seen = new RecentIds(5000);

  constructor(
    readonly ref: SourceRef,
    private readonly emit: (event: OnAirEvent) => void,
    private readonly clock: Clock,
    private readonly reporter: StatusReporter,
    private readonly log: Logger,
  ) {}

  /** Shows the tip unless one with the same platform id was shown already; true when shown. */
  show(tip: Tip): boolean {
    this.reporter.messageSeen();
    if (!this.seen.admit(tip.id)) {
      this.reporter.incrementCounter('duplicateTips');
      return false;
    }
    this.reporter.incrementCounter('tips');
    this.emit(tipAlert(tip, this.ref, this.clock.now()));
    return true;
  }

  /** Input that cannot be shown: counted, logged once at debug level, never thrown. */
  drop(why: string): void {
    this.reporter.incrementCounter('droppedFrames');
    this.log.debug(`dropped: ${why}`);
  }

  count(counter: string): void {
    this.reporter.incrementCounter(counter);
  }

  notice(level: NoticeLevel, code: string, text: string): void {
    this.emit(tipNotice(this.ref, this.clock.now(), level, code, text));
  }
}
