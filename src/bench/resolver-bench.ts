/**
 * `npm run bench`: resolver latency and throughput on the real base and on a synthetic base ten
 * times larger, process start to first answer, and memory. Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { loadKnowledgeBaseOrThrow } from '../knowledge/loader';
import type { Service, Task } from '../knowledge/schema';
import { defaultKnowledgeDir, projectRoot } from '../paths';
import { Resolver } from '../resolver/resolver';
import { readQuestions } from '../eval/eval';

const ROUNDS = 5;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** A made-up but pronounceable word per index, so synthetic aliases never collide with real ones. */
function syntheticWord(n: number): string {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  let word = 'q';
  let x = n + 7;
  for (let i = 0; i < 3; i++) {
    word += consonants[x % consonants.length] + (vowels[Math.floor(x / 3) % vowels.length] ?? 'a');
    x = Math.floor(x / 5) + 11 * (i + 1);
  }
  return `${word}${n}`;
}

/** Ten copies of every service and task, each copy with its own aliases and synonyms. */
function tenfold(kb: KnowledgeBase): KnowledgeBase {
  const services = new Map<string, Service>(kb.services);
  const tasks = new Map<string, Task>(kb.tasks);
  for (let k = 1; k < 10; k++) {
    const tag = syntheticWord(k);
    for (const s of kb.services.values()) {
      const id = `${s.id}-${tag}`;
      services.set(id, { ...s, id, aliases: s.aliases.map((a) => `${a} ${tag}`), responsibilities: s.responsibilities.map((r) => ({ ...r, task: `${r.task}-${tag}` })) });
    }
    for (const t of kb.tasks.values()) {
      const id = `${t.id}-${tag}`;
      tasks.set(id, { ...t, id, parent: t.parent ? `${t.parent}-${tag}` : undefined, synonyms: t.synonyms.map((syn) => `${syn} ${tag}`) });
    }
  }
  return { ...kb, services, tasks };
}

function measure(label: string, resolver: Resolver, questions: readonly string[]): void {
  for (const q of questions) resolver.resolve(q); // warm up caches and the JIT
  const times: number[] = [];
  const started = process.hrtime.bigint();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const t0 = process.hrtime.bigint();
      resolver.resolve(q);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  times.sort((a, b) => a - b);
  const kb = resolver.kb;
  console.log(
    `${label} (${kb.services.size} services, ${kb.tasks.size} tasks): p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, max ${(times[times.length - 1] ?? 0).toFixed(3)} ms, ${Math.round((times.length / totalMs) * 1000)} questions/s (${times.length} resolutions)`,
  );
}

function startToFirstAnswer(): number[] {
  const bin = path.join(projectRoot(), 'bin', 'whoowns.js');
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    execFileSync(process.execPath, [bin, 'ask', 'who patches RDS?'], { stdio: 'pipe' });
    runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return runs.sort((a, b) => a - b);
}

function main(): void {
  const questions = readQuestions(path.join(projectRoot(), 'tests', 'eval', 'questions.jsonl')).map((q) => q.q);
  const t0 = process.hrtime.bigint();
  const kb = loadKnowledgeBaseOrThrow(defaultKnowledgeDir());
  const real = new Resolver(kb);
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`node ${process.version}, ${questions.length} questions from tests/eval/questions.jsonl, ${ROUNDS} rounds`);
  console.log(`load + index real base: ${loadMs.toFixed(0)} ms`);
  measure('resolver, real base', real, questions);

  const t1 = process.hrtime.bigint();
  const big = new Resolver(tenfold(kb));
  console.log(`index 10x base: ${(Number(process.hrtime.bigint() - t1) / 1e6).toFixed(0)} ms`);
  measure('resolver, 10x synthetic base', big, questions);

  const runs = startToFirstAnswer();
  console.log(`process start to first answer (whoowns ask): median ${percentile(runs, 50).toFixed(0)} ms, min ${(runs[0] ?? 0).toFixed(0)} ms over ${runs.length} runs`);
  console.log(`RSS with both bases indexed: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
}

main();
