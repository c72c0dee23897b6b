/**
 * The base currently served, with its resolver. A reload builds the new pair completely before
 * swapping it in, so a question never sees half of one base and half of another, and a base
 * that fails validation leaves the last good one in place.
 */
import { Resolver } from '../resolver/resolver';
import type { KbIssue } from './issues';
import type { KnowledgeBase } from './knowledge-base';
import { loadKnowledgeBase, type LoadOptions } from './loader';

export interface Served {
  readonly kb: KnowledgeBase;
  readonly resolver: Resolver;
}

export class KnowledgeHolder {
  private served: Served;

  constructor(
    kb: KnowledgeBase,
    private readonly options: LoadOptions = {},
  ) {
    this.served = { kb, resolver: new Resolver(kb) };
  }

  get current(): Served {
    return this.served;
  }

  /** Loads `dir` again; on success swaps it in and returns the old base, on failure keeps serving. */
  reload(dir: string = this.served.kb.dir): { ok: true; previous: KnowledgeBase } | { ok: false; issues: KbIssue[] } {
    const result = loadKnowledgeBase(dir, this.options);
    if (!result.ok) return { ok: false, issues: result.issues };
    const previous = this.served.kb;
    this.served = { kb: result.kb, resolver: new Resolver(result.kb) };
    return { ok: true, previous };
  }
}
