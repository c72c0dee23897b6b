import type { Owner, Service, Task, Variant } from '../knowledge/schema';

/** A resolvable pick: what a button or a numbered choice stands for. */
export interface Selection {
  readonly service?: string;
  readonly task?: string;
  readonly variant?: string;
}

export interface Choice extends Selection {
  readonly label: string;
}

/** Where an answer's owner comes from, from most to least specific. */
export type Basis = 'service' | 'variant' | 'related-task' | 'category';

export type Resolution =
  | {
      kind: 'responsibility';
      service: Service;
      task: Task;
      /** The task whose entry was used, when it differs from the asked task (parent or child). */
      entryTask: Task;
      variant: Variant | undefined;
      owner: Owner;
      aws: string;
      customer: string;
      condition: string | undefined;
      sources: readonly string[];
      reviewed: string | undefined;
      basis: Basis;
      /** Owners under the service's other variants, when the answer was given for one variant. */
      alternatives: ReadonlyArray<{ variant: Variant; owner: Owner }>;
      /**
       * The side whose part the question is about, when it names one: one side of a shared entry,
       * or an aspect of the entry that one side owns alone.
       */
      part?: 'aws' | 'customer';
      /** The aspect's phrase, when an aspect decided `part`. */
      aspect?: string;
      /** Set when the question named no service and a part of this one stood for it ("our NAT gateways"). */
      serviceImplied?: boolean;
      /** Set when `part` is AWS's because AWS's part is on by default and the customer's optional. */
      onByDefault?: boolean;
      /** The names of the variants the aspect is limited to, when it is. */
      aspectVariants?: readonly string[];
      confidence: number;
    }
  | { kind: 'general'; task: Task; owner: Owner; aws: string; customer: string; condition: string | undefined; sources: readonly string[]; confidence: number }
  | { kind: 'overview'; service: Service; confidence: number }
  | {
      kind: 'clarify';
      reason: 'variant' | 'service' | 'task' | 'did-you-mean';
      question: string;
      service: Service | undefined;
      task: Task | undefined;
      choices: readonly Choice[];
      confidence: number;
    }
  | {
      kind: 'unknown';
      reason: 'empty' | 'off-topic' | 'instruction' | 'no-match' | 'service-only';
      service: Service | undefined;
      suggestions: readonly Choice[];
      confidence: number;
    };
