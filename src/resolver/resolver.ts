/**
 * Question -> Resolution. Steps (DESIGN.md §4): normalise, repair typos, find the service by
 * exact alias n-grams, its variant, then the task by synonyms, and decide between answer,
 * overview, general answer, clarifying question and unknown.
 */
import { childTasks, findResponsibility, type KnowledgeBase } from '../knowledge/knowledge-base';
import type { Responsibility, Service, Task, Variant, VariantPart } from '../knowledge/schema';
import { normalise } from '../text/normalise';
import { stem } from '../text/stem';
import { buildLexicon, type AliasTable, type Lexicon } from './lexicon';
import { findAliases, type AliasHit } from './match-service';
import { scoreTasks, type TaskScore } from './match-task';
import type { Choice, Resolution, Selection } from './resolution';
import { englishWords } from './english';
import { TypoRepairer, withinOneEdit } from './typo-repair';
import { outOfScope } from './intent';
import { GENERIC_WORDS, OVERVIEW_WORDS, STOPWORDS } from './words';
import { AnswerRefiner, type QuestionWords } from './refine';

/** Services offered first when a question needs one; the most commonly run come first. */
const POPULAR_SERVICES = ['ec2', 'rds', 'lambda', 's3', 'eks', 'ecs', 'dynamodb', 'aurora', 'elastic-beanstalk', 'fargate', 'iam', 'kms'];
const MAX_CHOICES = 6;
const NO_WORDS: QuestionWords = { free: [], all: [], text: '' };
const SHARED_RESPONSIBILITY_MODEL = 'https://aws.amazon.com/compliance/shared-responsibility-model/';
const GENERALLY = new Set(['general', 'generally', 'typically', 'usually', 'normally', 'srm']);
/** Two tasks whose scores differ by less than this are a tie. */
const TASK_TIE = 0.01;

interface Analysis {
  readonly words: readonly string[];
  readonly stems: readonly string[];
  readonly repaired: ReadonlySet<number>;
}

export class Resolver {
  readonly kb: KnowledgeBase;
  private readonly lexicon: Lexicon;
  private readonly typos: TypoRepairer;
  private readonly refiner: AnswerRefiner;

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
    this.lexicon = buildLexicon(kb);
    this.refiner = new AnswerRefiner(this.lexicon);
    this.typos = new TypoRepairer(this.lexicon.vocabulary);
  }

  resolve(text: string): Resolution {
    const { words, stems, repaired } = this.analyse(text);
    if (stems.length === 0) return unknown('empty');
    const { services, consumed, variant, implied } = this.findServices(stems, repaired);
    const scope = outOfScope(words, stems, text);
    if (scope) return unknown(scope === 'instruction' ? 'instruction' : 'off-topic', services[0]?.service);

    const free = stems.filter((_, i) => !consumed.has(i));
    const tasks = this.scoreFree(free);
    const taskRepaired = tasks[0] ? tasks[0].words.some((w) => stems.some((s, i) => s === w && repaired.has(i))) : false;
    const picked = this.pickTask(tasks, services.length === 1 ? services[0]?.service : undefined);

    if (services.length > 1) {
      const task = picked && !Array.isArray(picked) ? picked : undefined;
      return {
        kind: 'clarify',
        reason: 'did-you-mean',
        question: task ? `Which service do you mean for ${task.name.toLowerCase()}?` : 'Which service do you mean?',
        service: undefined,
        task,
        choices: services.slice(0, MAX_CHOICES).map(({ service }) => ({ label: service.shortName, service: service.id, ...(task ? { task: task.id } : {}) })),
        confidence: 0.5,
      };
    }

    const service = services[0]?.service;
    let confidence = 0.95;
    if (services[0]?.repaired) confidence -= 0.15;
    if (implied) confidence -= 0.15;
    if (taskRepaired) confidence -= 0.1;

    if (Array.isArray(picked)) {
      // Tied tasks that all have the same owner need no question: any of them answers it.
      const candidates = picked.map((task) => (service ? this.answerFor(service, task, variant, confidence - 0.1, { free, all: stems, text: words.join(' ') }) : this.general(task, confidence - 0.1)));
      const owners = new Set(candidates.map((c) => (c.kind === 'responsibility' || c.kind === 'general' ? c.owner : undefined)));
      const first = candidates[0];
      if (first && owners.size === 1 && !owners.has(undefined)) return first;
      return {
        kind: 'clarify',
        reason: 'task',
        question: service ? `Which task on ${service.shortName} do you mean?` : 'Which of these do you mean?',
        service,
        task: undefined,
        choices: picked.map((task) => ({ label: task.name, task: task.id, ...(service ? { service: service.id } : {}) })),
        confidence: 0.5,
      };
    }
    const taskScore = tasks[0]?.score ?? 0;
    if (taskScore < 1) confidence -= 0.1;

    if (service && picked) {
      const answer = this.answerFor(service, picked, variant, confidence, { free, all: stems, text: words.join(' ') });
      return implied && answer.kind === 'responsibility' ? { ...answer, serviceImplied: true } : answer;
    }
    // A part that implies a service, with no task: too little to go on.
    if (implied) return unknown('no-match', service);
    if (service) return this.serviceOnly(service, stems, consumed);
    // With no service named, one broad word ("configuration") is too little to go on.
    if (picked && taskScore >= 1) return this.general(picked, confidence, asksInGeneral(words));
    return unknown('no-match');
  }

  /** Every service and the best task a text names: for subscription filters ("rds lambda patching"). */
  mentions(text: string): { services: string[]; tasks: string[] } {
    const { stems, repaired } = this.analyse(text);
    const hits = findAliases(stems, this.lexicon.services, repaired);
    const consumed = new Set(hits.flatMap((h) => Array.from({ length: h.end - h.start }, (_, k) => h.start + k)));
    const free = stems.filter((_, i) => !consumed.has(i));
    const best = this.scoreFree(free)[0];
    return { services: [...new Set(hits.map((h) => h.id))], tasks: best && best.score >= 1 ? [best.taskId] : [] };
  }

  /** What the resolver saw in a question: for `whoowns ask --explain` and knowledge-base authors. */
  explain(text: string): Record<string, unknown> {
    const { words, stems, repaired } = this.analyse(text);
    const { services, consumed, variant } = this.findServices(stems, repaired);
    const free = stems.filter((_, i) => !consumed.has(i));
    const resolution = this.resolve(text);
    const sharedPart =
      resolution.kind === 'responsibility' && resolution.owner === 'shared'
        ? this.refiner.weigh(resolution, free)
        : undefined;
    return {
      words,
      stems,
      repaired: [...repaired].map((i) => `${words[i]} -> ${stems[i]}`),
      outOfScope: outOfScope(words, stems, text),
      services: services.map((s) => s.service.id),
      variant: variant?.id ?? null,
      tasks: this.scoreFree(free).slice(0, 5).map((t) => `${t.taskId} ${t.score.toFixed(2)} [${t.words.join(' ')}]`),
      result: resolution.kind,
      ...(sharedPart ? { sharedPart } : {}),
    };
  }

  /** Resolves a button or numbered choice directly, without parsing text. */
  select(selection: Selection): Resolution {
    const service = selection.service ? this.kb.services.get(selection.service) : undefined;
    const task = selection.task ? this.kb.tasks.get(selection.task) : undefined;
    if ((selection.service && !service) || (selection.task && !task)) return unknown('no-match');
    const variant = service?.variants?.find((v) => v.id === selection.variant);
    if (service && task) return this.answerFor(service, task, variant, 1);
    if (service) return { kind: 'overview', service, confidence: 1 };
    if (task) return this.general(task, 1);
    return unknown('empty');
  }

  // ------------------------------------------------------------------ steps

  /** Task scores for the words no service or variant claimed (in question order, for the order bonus). */
  private scoreFree(free: readonly string[]): TaskScore[] {
    return scoreTasks(new Set(free), this.lexicon, free.filter((w) => !STOPWORDS.has(w)));
  }

  private analyse(text: string): Analysis {
    const { words } = normalise(text);
    const english = englishWords();
    const repaired = new Set<number>();
    const stems = words.map((word, i) => {
      const stemmed = stem(word);
      // "vetting" is as real as "vet": an inflection of a real word is a real word too.
      const commonness = english.get(word) ?? (INFLECTED.test(word) ? english.get(stemmed) : undefined);
      if (this.lexicon.knownStems.has(stemmed) || commonness === 'common') return stemmed;
      const fix = this.typos.repair(word, stemmed);
      // A rarer real word ("manger", "polices") is taken for a typo only one edit away
      // ("upstream" is two from "appstream" and stays itself).
      if (!fix || (commonness === 'rare' && (fix.similarity < 0.8 || !withinOneEdit(stemmed, fix.word)))) return stemmed;
      repaired.add(i);
      return fix.word;
    });
    // "5.7 to 8.0", "v2 to v3", "1.29 -> 1.30": a jump between versions is a version upgrade.
    if (hasVersionJump(words)) stems.push('major', 'version');
    return { words, stems, repaired };
  }

  private findServices(stems: readonly string[], repaired: ReadonlySet<number>) {
    const named = findAliases(stems, this.lexicon.services, repaired);
    // No service named: a part that stands for exactly one ("our NAT gateways") names it. Its
    // words stay free for task matching ("route tables" is also network configuration).
    const implied = named.length === 0 ? findAliases(stems, this.lexicon.implied, new Set()) : [];
    if (named.length === 0 && new Set(implied.map((h) => h.id)).size === 1) {
      const service = this.kb.services.get(implied[0]?.id ?? '');
      if (service) return { services: [{ service, repaired: false }], consumed: new Set<number>(), variant: undefined, implied: true };
    }
    const hits = named;
    const consumed = new Set<number>();
    const dropped = new Set<AliasHit>();
    let variant: Variant | undefined;
    let variantOwner: string | undefined;

    // A variant alias of one service ("ECS on Fargate") can also be another service's alias:
    // inside a question about the first, it names the variant.
    for (const hit of hits) {
      const table = this.lexicon.variants.get(hit.id);
      if (!table || dropped.has(hit)) continue;
      const found = findAliases(stems, table, repaired).map((v) => ({ id: v.id, positions: range(v.start, v.end) }));
      // "self-managed EKS nodes", "managed EKS node groups": the service's own name inside the
      // variant's. Read the question once more without it.
      if (found.length === 0) found.push(...variantsAround(stems, hit, table));
      for (const v of found) {
        for (const other of hits) {
          if (other !== hit && v.positions.includes(other.start) && v.positions.includes(other.end - 1)) dropped.add(other);
        }
        for (const k of v.positions) consumed.add(k);
        if (!variant) {
          variant = this.kb.services.get(hit.id)?.variants?.find((x) => x.id === v.id);
          variantOwner = hit.id;
        }
      }
    }

    // "IAM roles for Lambda": a cross-cutting service named next to another one is part of the
    // task, not the subject, so its words go back to task matching.
    const kept = hits.filter((hit) => !dropped.has(hit));
    // Unless the question opens with it and names one of its variants: "AWS managed KMS keys for
    // EBS" asks about the keys, "X-Ray encryption with a customer managed key" about X-Ray.
    const subjects = kept.filter((hit) => !this.kb.services.get(hit.id)?.crossCutting || (hit.id === variantOwner && hit.id === kept[0]?.id));
    let chosen = subjects.length > 0 && subjects.length < kept.length ? subjects : kept;
    // "Athena: the data we query in S3": the first service named is the subject and later ones
    // are where things live, unless the question puts them side by side ("EC2 and RDS", "vs").
    const distinct = new Set(chosen.map((h) => h.id));
    if (distinct.size > 1 && !coordinated(stems, chosen)) chosen = chosen.filter((h) => h.id === chosen[0]?.id);
    const services: Array<{ service: Service; repaired: boolean }> = [];
    for (const hit of chosen) {
      for (let k = hit.start; k < hit.end; k++) consumed.add(k);
      const service = this.kb.services.get(hit.id);
      if (service && !services.some((s) => s.service.id === hit.id)) services.push({ service, repaired: hit.repaired });
    }
    const forService = services.length === 1 && variantOwner === services[0]?.service.id;
    return { services, consumed, variant: forService ? variant : undefined, implied: false };
  }

  /**
   * The best task, or the tied candidates when unrelated tasks score the same. Ties are broken
   * towards the more specific of parent and child, towards the shared parent of siblings
   * ("OS and database patches" -> patching), and towards tasks the service has an entry for.
   */
  private pickTask(scores: readonly TaskScore[], service: Service | undefined): Task | Task[] | undefined {
    const first = scores[0];
    if (!first) return undefined;
    let tied = scores
      .filter((s) => first.score - s.score < TASK_TIE)
      .map((s) => this.kb.tasks.get(s.taskId))
      .filter((t): t is Task => t !== undefined);
    tied = tied.filter((t) => !tied.some((other) => other.parent === t.id));
    if (tied.length <= 1) return tied[0];
    const parents = new Set(tied.map((t) => t.parent));
    const parent = parents.size === 1 ? [...parents][0] : undefined;
    if (parent) return this.kb.tasks.get(parent) ?? tied;
    if (service) {
      const covered = tied.filter((t) => findResponsibility(service, t.id));
      if (covered.length === 1) return covered[0];
      if (covered.length > 1) tied = covered;
    }
    return tied.slice(0, MAX_CHOICES);
  }

  /** The entry's answer for a service and task, narrowed to the piece the question names. */
  private answerFor(service: Service, task: Task, variant: Variant | undefined, confidence: number, question: QuestionWords = NO_WORDS): Resolution {
    return this.refiner.refine(service, task, this.entryAnswer(service, task, variant, confidence), question, confidence);
  }

  private entryAnswer(service: Service, task: Task, variant: Variant | undefined, confidence: number): Resolution {
    let entry = findResponsibility(service, task.id);
    let entryTask = task;
    if (!entry) {
      const children = childTasks(this.kb, task.id).filter((t) => findResponsibility(service, t.id));
      if (children.length === 1 && children[0]) {
        entryTask = children[0];
        entry = findResponsibility(service, entryTask.id);
      } else if (children.length > 1) {
        return {
          kind: 'clarify',
          reason: 'task',
          question: `${task.name} on ${service.shortName} covers several things. Which one?`,
          service,
          task,
          choices: children.slice(0, MAX_CHOICES).map((t) => ({ label: t.name, service: service.id, task: t.id })),
          confidence: 0.6,
        };
      } else if (task.parent && task.controlClass !== 'inherited') {
        // An inherited control ("the underlying hosts") is AWS's on every service that has no
        // entry of its own for it; the parent's shared entry would blur that.
        const parent = this.kb.tasks.get(task.parent);
        const parentEntry = parent ? findResponsibility(service, parent.id) : undefined;
        if (parent && parentEntry) {
          entryTask = parent;
          entry = parentEntry;
        }
      }
    }
    if (!entry) return this.categoryDefault(service, task, confidence);
    return this.fromEntry(service, task, entryTask, entry, variant, entryTask === task ? confidence : confidence - 0.05);
  }

  private fromEntry(service: Service, task: Task, entryTask: Task, entry: Responsibility, variant: Variant | undefined, confidence: number): Resolution {
    // One full literal per answer: spreading a smaller object into a wider one made V8 add the
    // remaining fields one at a time, a fifth of the time spent finding an answer.
    const answer = (variantShown: Variant | undefined, side: Responsibility | VariantPart, condition: string | undefined, basisOf: 'service' | 'related-task' | 'variant', alternatives: { variant: Variant; owner: Responsibility['owner'] }[]): Resolution => ({
      kind: 'responsibility',
      service,
      task,
      entryTask,
      variant: variantShown,
      owner: side.owner,
      aws: side.aws,
      customer: side.customer,
      condition,
      sources: entry.sources,
      reviewed: entry.reviewed,
      basis: basisOf,
      alternatives,
      confidence,
    });
    const basis = entryTask === task ? ('service' as const) : ('related-task' as const);
    const parts = entry.byVariant ?? {};
    const variants = (service.variants ?? []).filter((v) => parts[v.id]);
    if (variants.length === 0) {
      return answer(variant, entry, entry.condition, basis, []);
    }
    // A named variant wins; otherwise the service's usual variant, if it has one.
    const chosen = variant && parts[variant.id] ? variant : variant ? undefined : variants.find((v) => v.id === service.defaultVariant);
    const part = chosen ? parts[chosen.id] : undefined;
    if (chosen && part) {
      const alternatives = variants.filter((v) => v !== chosen).map((v) => ({ variant: v, owner: (parts[v.id] as VariantPart).owner }));
      return answer(chosen, part, part.condition ?? entry.condition, 'variant', alternatives);
    }
    const owners = new Set(variants.map((v) => (parts[v.id] as VariantPart).owner));
    if (!variant && (owners.size > 1 || !owners.has(entry.owner))) {
      return {
        kind: 'clarify',
        reason: 'variant',
        question: `For ${service.shortName}, who owns ${entryTask.name.toLowerCase()} depends on how you run it. Which one do you use?`,
        service,
        task: entryTask,
        choices: variants.slice(0, MAX_CHOICES).map((v) => ({ label: v.name, service: service.id, task: entryTask.id, variant: v.id })),
        confidence: Math.min(confidence, 0.8),
      };
    }
    return answer(variant, entry, entry.condition, basis, []);
  }

  private categoryDefault(service: Service, task: Task, confidence: number): Resolution {
    return {
      kind: 'responsibility',
      service,
      task,
      entryTask: task,
      variant: undefined,
      owner: task.defaults[service.category],
      aws: task.aws,
      customer: task.customer,
      condition: undefined,
      sources: [service.docs],
      reviewed: undefined,
      basis: 'category',
      alternatives: [],
      confidence: Math.max(0.3, confidence * 0.7),
    };
  }

  /**
   * The model's answer for a task with no service named. Where the owner depends on the service,
   * the bot asks which one, unless the question asks for the rule in general ("patch management
   * in general?"): then it answers with the task's usual split and says that services differ.
   */
  private general(task: Task, confidence: number, inGeneral = false): Resolution {
    if (task.general === 'service' && inGeneral) {
      const owner = task.controlClass === 'inherited' ? 'aws' : task.controlClass === 'customer-specific' ? 'customer' : 'shared';
      const condition = 'Which side does how much depends on the service; name one for its own entry.';
      return { kind: 'general', task, owner, aws: task.aws, customer: task.customer, condition, sources: [SHARED_RESPONSIBILITY_MODEL], confidence: confidence - 0.1 };
    }
    if (task.general === 'service') {
      const choices = this.servicesFor(task).map((s) => ({ label: s.shortName, service: s.id, task: task.id }));
      return {
        kind: 'clarify',
        reason: 'service',
        question: `Who owns ${task.name.toLowerCase()} depends on the service. Which one do you mean?`,
        service: undefined,
        task,
        choices,
        confidence: Math.min(confidence, 0.8),
      };
    }
    const g = task.general;
    return { kind: 'general', task, owner: g.owner, aws: task.aws, customer: task.customer, condition: g.condition, sources: g.sources, confidence: confidence - 0.05 };
  }

  /** Services with an entry of their own for the task (or one of its sub-tasks), popular first. */
  private servicesFor(task: Task): Service[] {
    const related = new Set([task.id, ...childTasks(this.kb, task.id).map((t) => t.id)]);
    const has = (s: Service): boolean => s.responsibilities.some((r) => related.has(r.task));
    const popular = POPULAR_SERVICES.map((id) => this.kb.services.get(id)).filter((s): s is Service => s !== undefined && has(s));
    const rest = [...this.kb.services.values()].filter((s) => has(s) && !popular.includes(s));
    return [...popular, ...rest].slice(0, MAX_CHOICES);
  }

  /** A service and nothing else asks for its matrix; a service plus unrelated words is not understood. */
  private serviceOnly(service: Service, stems: readonly string[], consumed: ReadonlySet<number>): Resolution {
    const extra = stems.filter((w, i) => !consumed.has(i) && !STOPWORDS.has(w) && !OVERVIEW_WORDS.has(w) && !GENERIC_WORDS.has(w));
    if (extra.length === 0) return { kind: 'overview', service, confidence: 0.9 };
    return unknown('service-only', service);
  }
}

function unknown(reason: Extract<Resolution, { kind: 'unknown' }>['reason'], service?: Service): Resolution {
  const suggestions: Choice[] = service ? [{ label: `Full matrix for ${service.shortName}`, service: service.id }] : [];
  return { kind: 'unknown', reason, service, suggestions, confidence: 0 };
}

/** "in general", "generally", "under the shared responsibility model": the rule, not one service. */
function asksInGeneral(words: readonly string[]): boolean {
  if (words.some((w) => GENERALLY.has(w))) return true;
  return words.join(' ').includes('shared responsibility model');
}

const INFLECTED = /(?:ing|ed|es|s)$/;

const VERSION_WORD = /^v?\d{1,5}$/;

const MOVE_WORD = /^(?:upgrad|migrat|mov|bump|jump)/;

/** "2.x", "1.31", "v3", "version 8" (dots already split words): a number that reads as a version. */
function looksLikeVersion(words: readonly string[], i: number): boolean {
  const word = words[i];
  if (word === undefined || !VERSION_WORD.test(word)) return false;
  const next = words[i + 1] ?? '';
  return word.startsWith('v') || next === 'x' || /^\d{1,5}$/.test(next) || words[i - 1] === 'version';
}

/**
 * True for "... 5.7 to 8.0 ...", "v2 to v3": a number, "to", a number (words split at dots); and
 * for "upgrading our 7.10 domain to OpenSearch 2.x": a word of moving, a number, later "to" and a
 * version within the next three words.
 */
function hasVersionJump(words: readonly string[]): boolean {
  const moving = words.some((w) => MOVE_WORD.test(w));
  let numberSeen = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === 'to' && i > 0) {
      if (VERSION_WORD.test(words[i - 1] as string) && VERSION_WORD.test(words[i + 1] ?? '')) return true;
      if (moving && numberSeen && [1, 2, 3].some((k) => looksLikeVersion(words, i + k))) return true;
    }
    if (VERSION_WORD.test(word)) numberSeen = true;
  }
  return false;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, k) => start + k);
}

/** Variant aliases that span the service's own name once it is taken out ("self-managed [EKS] nodes"). */
function variantsAround(stems: readonly string[], hit: AliasHit, table: AliasTable): Array<{ id: string; positions: number[] }> {
  const kept = stems.map((_, i) => i).filter((i) => i < hit.start || i >= hit.end);
  const squeezed = kept.map((i) => stems[i] as string);
  return findAliases(squeezed, table, new Set())
    .map((v) => ({ id: v.id, positions: kept.slice(v.start, v.end) }))
    .filter((v) => v.positions.some((i) => i < hit.start) && v.positions.some((i) => i >= hit.end));
}

const COORDINATORS = new Set(['and', 'or', 'vs', 'versus', 'nor', 'either', 'both', 'compared', 'between', 'v']);

/** True when two service mentions are joined as equals ("ec2 and rds", "lambda vs fargate"); side by side ("Beanstalk load balancer") they are not. */
function coordinated(stems: readonly string[], hits: readonly AliasHit[]): boolean {
  for (let k = 1; k < hits.length; k++) {
    const previous = hits[k - 1] as AliasHit;
    const current = hits[k] as AliasHit;
    const between = stems.slice(previous.end, current.start);
    // Only small words between, at least one of them a coordinator: "ec2 and rds", "lambda vs fargate".
    // "lex intents and the lambda code" names Lex's intents, not two subjects.
    if (between.some((w) => COORDINATORS.has(w)) && between.every((w) => COORDINATORS.has(w) || STOPWORDS.has(w))) return true;
  }
  return false;
}
