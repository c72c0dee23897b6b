/**
 * Ties the announcement pieces together in a running server: checks the base at start, on
 * SIGHUP, on changes in KNOWLEDGE_DIR and on an admin's "announce"; a base that fails
 * validation is not loaded and not announced, and the bot keeps answering from the last good
 * one. Reloads run one at a time.
 */
import { watch, type FSWatcher } from 'node:fs';
import { errorMessage, WhoownsError } from '../errors';
import type { KnowledgeHolder } from '../knowledge/holder';
import { formatIssue, type KbIssue } from '../knowledge/issues';
import { loadKnowledgeBase } from '../knowledge/loader';
import type { Logger } from '../logger';
import type { AnnounceResult, Announcer } from './announcer';
import type { AnnouncementControl } from './commands';

export class AnnouncementService implements AnnouncementControl {
  private chain: Promise<unknown> = Promise.resolve();
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;

  constructor(
    private readonly knowledge: KnowledgeHolder,
    private readonly announcer: Announcer,
    private readonly logger: Logger,
    private readonly onEnqueued: () => void = () => undefined,
  ) {}

  /** Runs `work` after every earlier reload or announcement has finished. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** At start: compare the loaded base with the last announced one. */
  checkCurrent(): Promise<AnnounceResult> {
    return this.serial(async () => {
      const result = await this.announcer.check(this.knowledge.current.kb);
      if (result.added > 0) this.onEnqueued();
      return result;
    });
  }

  /** Loads the base from disk again; only a valid base is swapped in and announced. */
  reload(reason: string): Promise<AnnounceResult | null> {
    return this.serial(async () => {
      const loaded = this.knowledge.reload();
      if (!loaded.ok) {
        this.logger.error({ code: 'KB_INVALID', reason, issues: loaded.issues.slice(0, 20).map(formatIssue) }, 'knowledge base reload failed; still serving the last good base, nothing announced');
        return null;
      }
      this.logger.info({ reason, from: loaded.previous.version, to: this.knowledge.current.kb.version }, 'knowledge base reloaded');
      const result = await this.announcer.check(this.knowledge.current.kb);
      if (result.added > 0) this.onEnqueued();
      return result;
    });
  }

  /** An admin's "announce": reload and announce, or with dryRun only preview the base on disk. */
  async announceNow(dryRun: boolean): Promise<AnnounceResult> {
    if (dryRun) {
      return this.serial(async () => {
        const onDisk = loadKnowledgeBase(this.knowledge.current.kb.dir);
        if (!onDisk.ok) throw invalid(onDisk.issues);
        return this.announcer.check(onDisk.kb, { dryRun: true });
      });
    }
    const result = await this.reload('announce command');
    if (result) return result;
    const onDisk = loadKnowledgeBase(this.knowledge.current.kb.dir);
    throw invalid(onDisk.ok ? [] : onDisk.issues);
  }

  /** Reloads when files in the knowledge folder change (debounced: editors write in steps). */
  watch(dir: string, debounceMs = 750): void {
    try {
      this.watcher = watch(dir, { recursive: true }, () => {
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => void this.reload('knowledge folder changed'), debounceMs);
      });
      this.watcher.on('error', (error) => this.logger.warn({ error: errorMessage(error) }, 'watching the knowledge folder stopped'));
    } catch (error) {
      this.logger.warn({ error: errorMessage(error) }, 'cannot watch the knowledge folder; reload with SIGHUP or `whoowns announce`');
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.debounce);
    this.watcher?.close();
    await this.chain;
  }
}

function invalid(issues: readonly KbIssue[]): WhoownsError {
  const first = issues[0] ? `: ${formatIssue(issues[0])}` : '';
  return new WhoownsError('KB_INVALID', `the knowledge base on disk is invalid${first}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}; nothing was announced`);
}
