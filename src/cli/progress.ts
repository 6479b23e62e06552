/**
 * The progress bar of `bulk-invite send`, on stderr so stdout stays free for pipes. cli-progress draws
 * only on a terminal (its default), so logs and tests get the summary lines alone.
 */
import cliProgress from 'cli-progress';
import type { RunSnapshot } from '../core/index.ts';

export interface Progress {
  update(snapshot: RunSnapshot): void;
  stop(): void;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  // Nothing to send (every row rejected): no bar stuck at 0/0.
  if (total === 0) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'sending {bar} {percentage}% | {value}/{total} | sent {sent}, skipped {skipped}, failed {failed} | {eta_formatted}',
      barsize: 30,
      // Redrawn at most 10 times a second however fast the run's snapshots change.
      fps: 10,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { sent: 0, skipped: 0, failed: 0 });
  let stopped = false;
  return {
    update({ counts }) {
      if (stopped) return;
      bar.update(counts.sent + counts.skipped + counts.failed, { sent: counts.sent, skipped: counts.skipped, failed: counts.failed });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
