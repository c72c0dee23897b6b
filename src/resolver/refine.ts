/**
 * Narrows an entry's answer to the piece a question asks about: an aspect one side owns alone,
 * a protection AWS switches on by default, or one side's part of a shared entry. Also settles a
 * question that would ask for the variant when the piece is the same in every variant.
 */
import type { Responsibility, Service, Task, VariantPart } from '../knowledge/schema';
import { findResponsibility } from '../knowledge/knowledge-base';
import { aspectAskedAbout } from './aspects';
import type { Lexicon } from './lexicon';
import type { Resolution } from './resolution';
import { asksWhetherOnByDefault, countSideWords, sharedPartAskedAbout, weighSharedParts, type PartWeighing, type SideCounts } from './shared-part';

/** The question as the refinement reads it. */
export interface QuestionWords {
  /** Stemmed words no service name claimed. */
  readonly free: readonly string[];
  /** Every stemmed word. */
  readonly all: readonly string[];
  /** The normalised words joined by spaces, for phrase cues ("do we have to turn it on"). */
  readonly text: string;
}

type ResponsibilityResolution = Extract<Resolution, { kind: 'responsibility' }>;

export class AnswerRefiner {
  /** Per service, counted when first needed: which side its descriptions use each word on. */
  private readonly sideCounts = new Map<string, SideCounts>();

  constructor(private readonly lexicon: Lexicon) {}

  refine(service: Service, task: Task, resolution: Resolution, question: QuestionWords, confidence: number): Resolution {
    if (resolution.kind === 'clarify' && resolution.reason === 'variant' && resolution.task) return this.settleVariant(service, task, resolution.task, resolution, question, confidence);
    if (resolution.kind !== 'responsibility') return resolution;
    const entry = resolution.basis === 'category' ? undefined : findResponsibility(service, resolution.entryTask.id);
    const aspect = entry ? aspectAskedAbout(entry, new Set(question.all), resolution.variant?.id) : undefined;
    if (aspect) return aspect.owner === resolution.owner ? resolution : { ...resolution, part: aspect.owner, aspect: aspect.phrase, ...aspectScope(service, aspect.variants) };
    if (resolution.owner !== 'shared') return resolution;
    if (asksWhetherOnByDefault(resolution.entryTask.id, question.text, resolution.aws, resolution.customer)) return { ...resolution, part: 'aws', onByDefault: true };
    const part = sharedPartAskedAbout(this.leftover(question.free, resolution), resolution.aws, resolution.customer, this.countsFor(service));
    return part ? { ...resolution, part } : resolution;
  }

  /** For `whoowns ask --explain`: the words that counted for each side of a shared answer. */
  weigh(resolution: ResponsibilityResolution, free: readonly string[]): PartWeighing {
    return weighSharedParts(this.leftover(free, resolution), resolution.aws, resolution.customer, this.countsFor(resolution.service));
  }

  /** An aspect, or a protection on by default, that holds in every variant answers without asking which. */
  private settleVariant(service: Service, task: Task, entryTask: Task, resolution: Resolution, question: QuestionWords, confidence: number): Resolution {
    const entry = findResponsibility(service, entryTask.id);
    if (!entry) return resolution;
    const aspect = aspectAskedAbout(entry, new Set(question.all));
    if (!aspect && !onByDefaultForEveryVariant(entry, question.text)) return resolution;
    const parts = entry.byVariant ?? {};
    const alternatives = (service.variants ?? []).filter((v) => parts[v.id]).map((v) => ({ variant: v, owner: (parts[v.id] as VariantPart).owner }));
    return {
      kind: 'responsibility',
      service,
      task,
      entryTask,
      variant: undefined,
      owner: entry.owner,
      aws: entry.aws,
      customer: entry.customer,
      condition: entry.condition,
      sources: entry.sources,
      reviewed: entry.reviewed,
      basis: entryTask === task ? 'service' : 'related-task',
      alternatives,
      ...(aspect ? { part: aspect.owner, aspect: aspect.phrase, ...aspectScope(service, aspect.variants) } : { part: 'aws' as const, onByDefault: true }),
      confidence: confidence - 0.05,
    };
  }

  private countsFor(service: Service): SideCounts {
    let counts = this.sideCounts.get(service.id);
    if (!counts) {
      counts = countSideWords(partsOf(service));
      this.sideCounts.set(service.id, counts);
    }
    return counts;
  }

  /** Words that name neither the service nor the task's topic: what may point at one side's part. */
  private leftover(free: readonly string[], resolution: { task: Task; entryTask: Task }): string[] {
    const topic = [this.lexicon.taskWords.get(resolution.task.id), this.lexicon.taskWords.get(resolution.entryTask.id)];
    return free.filter((w) => !topic.some((words) => words?.has(w)));
  }
}

/** True when the question asks whether a protection is on by default and, in every variant, AWS's part is. */
function onByDefaultForEveryVariant(entry: Responsibility, text: string): boolean {
  const parts = [entry, ...Object.values(entry.byVariant ?? {})];
  return parts.every((p) => p.owner === 'aws' || (p.owner === 'shared' && asksWhetherOnByDefault(entry.task, text, p.aws, p.customer)));
}

function aspectScope(service: Service, variants: readonly string[] | undefined): { aspectVariants?: readonly string[] } {
  if (!variants) return {};
  return { aspectVariants: variants.map((id) => service.variants?.find((v) => v.id === id)?.name ?? id) };
}

/** Every AWS/customer pair of descriptions of a service, variants included. */
function* partsOf(service: Service): Iterable<{ aws: string; customer: string }> {
  for (const entry of service.responsibilities) {
    yield entry;
    yield* Object.values(entry.byVariant ?? {});
  }
}
