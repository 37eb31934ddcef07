import { randomUUID } from 'node:crypto';
import type { Db, Dialect } from '../db/connect';
import { changedOne } from '../db/versioned';

// Scheduled work inside the server process. Each kind of job has one row in `jobs` saying when it
// is next due. Every instance looks once a minute; whoever claims a due row moves its next run and
// takes a lease before doing the work, in one short transaction:
// - PostgreSQL (several instances may share the database): the row is read FOR UPDATE SKIP LOCKED,
//   so a second instance looking at the same moment skips it instead of waiting, and the update is
//   conditional on the next run it read, so even a claimer that read before the commit gets nothing.
// - SQLite: one process serves the database; its write transactions take turns.
// The work runs outside the transaction (it sends mail; a lock must not wait on SMTP). What it
// sends carries an idempotency key (see modules/notifications/deliver.ts), so a job that did run
// twice, after a crash mid-run and an expired lease, still reaches each person once.

export type JobContext = { now: Date; log: (message: string) => void };
export type JobDefinition = {
  kind: string;
  /** When the job is next due after a run that started at `now`. */
  next: (now: Date) => Date;
  run: (ctx: JobContext) => Promise<void>;
};

/** How long a claim holds before another instance may take the job over (a crashed run). */
const LEASE_MS = 15 * 60_000;

export class Scheduler {
  readonly instanceId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: { db: Db; dialect: Dialect },
    private readonly jobs: JobDefinition[],
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** Looks for due jobs every `intervalMs` until `stop`. */
  start(intervalMs = 60_000): void {
    const loop = () => {
      this.running = this.tick().catch((err: Error) => this.log(`Scheduled jobs: ${err.message}`));
    };
    loop();
    this.timer = setInterval(loop, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs every job that is due at `now` and that this instance claims; returns the kinds it ran. */
  async tick(now = new Date()): Promise<string[]> {
    const iso = now.toISOString();
    // A new kind is due at once; an existing row keeps its schedule.
    for (const job of this.jobs)
      await this.deps.db
        .insertInto('jobs')
        .values({
          kind: job.kind,
          nextRunAt: iso,
          lockedUntil: null,
          lockedBy: null,
          lastStartedAt: null,
          lastFinishedAt: null,
          lastError: null,
        })
        .onConflict((oc) => oc.column('kind').doNothing())
        .execute();
    const ran: string[] = [];
    for (const job of this.jobs) {
      if (!(await this.claim(job, now))) continue;
      ran.push(job.kind);
      let error: string | null = null;
      try {
        await job.run({ now, log: this.log });
      } catch (err) {
        error = (err as Error).message;
        this.log(`Scheduled job ${job.kind} failed: ${error}`);
      }
      await this.deps.db
        .updateTable('jobs')
        .set({ lockedUntil: null, lockedBy: null, lastFinishedAt: new Date().toISOString(), lastError: error })
        .where('kind', '=', job.kind)
        .where('lockedBy', '=', this.instanceId)
        .execute();
    }
    return ran;
  }

  private claim(job: JobDefinition, now: Date): Promise<boolean> {
    const iso = now.toISOString();
    return this.deps.db.transaction().execute(async (tx) => {
      let q = tx
        .selectFrom('jobs')
        .select(['kind', 'nextRunAt'])
        .where('kind', '=', job.kind)
        .where('nextRunAt', '<=', iso)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', iso)]));
      if (this.deps.dialect === 'postgres') q = q.forUpdate().skipLocked();
      const row = await q.executeTakeFirst();
      if (!row) return false;
      return changedOne(
        tx
          .updateTable('jobs')
          .set({
            nextRunAt: job.next(now).toISOString(),
            lockedUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
            lockedBy: this.instanceId,
            lastStartedAt: iso,
          })
          .where('kind', '=', job.kind)
          .where('nextRunAt', '=', row.nextRunAt),
      );
    });
  }
}

/** The next whole hour after `now`. */
export const nextHour = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000);

/** The next `hour`:00 UTC after `now`. */
export function nextDailyAt(hour: number) {
  return (now: Date) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
    if (d <= now) d.setUTCDate(d.getUTCDate() + 1);
    return d;
  };
}
