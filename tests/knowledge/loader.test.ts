import { loadKnowledgeBase } from '../../src/knowledge/loader';
import { formatIssue } from '../../src/knowledge/issues';
import { KnowledgeHolder } from '../../src/knowledge/holder';
import { fixtureKb, serviceYaml } from '../support/fixture-kb';
import { KNOWLEDGE_DIR, shippedKb } from '../support/kb';
import { aliasKey } from '../../src/knowledge/validate';

function issuesOf(dir: string): string[] {
  const result = loadKnowledgeBase(dir);
  if (result.ok) throw new Error('expected the base to be invalid');
  return result.issues.map(formatIssue);
}

describe('the shipped knowledge base', () => {
  const kb = shippedKb();

  it('loads every file without a problem', () => {
    const result = loadKnowledgeBase(KNOWLEDGE_DIR);
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
  });

  it('covers the core services the first release promises', () => {
    const required = ['ec2', 'ebs', 'vpc', 'lightsail', 'rds', 'aurora', 'dynamodb', 's3', 's3-glacier', 'lambda', 'ecs', 'eks', 'fargate', 'elastic-beanstalk', 'emr', 'redshift', 'elasticache', 'opensearch', 'kms', 'iam', 'sqs', 'sns', 'cloudfront', 'route53', 'api-gateway', 'cloudtrail', 'secrets-manager', 'shield', 'waf', 'trusted-advisor', 'chime'];
    expect(required.filter((id) => !kb.services.has(id))).toEqual([]);
    expect(kb.tasks.size).toBeGreaterThanOrEqual(30);
  });

  it('gives no alias to two services', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const service of kb.services.values()) {
      for (const alias of service.aliases) {
        const key = aliasKey(alias);
        const other = owner.get(key);
        if (other && other !== service.id) clashes.push(`${alias}: ${other} / ${service.id}`);
        owner.set(key, service.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('cites AWS documentation for every responsibility', () => {
    for (const service of kb.services.values()) {
      for (const r of service.responsibilities) {
        expect(r.sources.length).toBeGreaterThan(0);
        for (const url of r.sources) expect(url).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      }
    }
  });

  it('has the ECS and EKS variants the model talks about', () => {
    expect(kb.services.get('ecs')?.variants?.map((v) => v.id)).toEqual(expect.arrayContaining(['ec2', 'fargate']));
    expect(kb.services.get('eks')?.variants?.map((v) => v.id)).toEqual(expect.arrayContaining(['self-managed', 'managed-node-groups', 'fargate', 'auto-mode']));
  });
});

describe('a broken knowledge base', () => {
  it('names the file, the field and the reason for a bad owner', () => {
    const dir = fixtureKb({ 'one.yaml': serviceYaml('one', { owner: 'amazon' }) });
    const issues = issuesOf(dir);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^aws\/one\.yaml: responsibilities\[0\]\.owner: /);
    expect(issues[0]).toMatch(/aws|customer|shared/);
  });

  it('reports an unknown task id', () => {
    expect(issuesOf(fixtureKb({ 'one.yaml': serviceYaml('one', { task: 'make-coffee' }) }))).toEqual([
      'aws/one.yaml: responsibilities[0].task: unknown task "make-coffee" (not in tasks.yaml)',
    ]);
  });

  it('reports an alias claimed by two services', () => {
    const issues = issuesOf(fixtureKb({ 'one.yaml': serviceYaml('one', { aliases: 'shared name' }), 'two.yaml': serviceYaml('two', { aliases: 'shared name' }) }));
    expect(issues).toEqual(['aws/two.yaml: aliases[0]: alias "shared name" is already claimed by service "one"']);
  });

  it('reports YAML syntax errors with their line', () => {
    const issues = issuesOf(fixtureKb({ 'one.yaml': 'id: one\nname: [unclosed\n' }));
    expect(issues[0]).toMatch(/^aws\/one\.yaml: line \d+, column \d+: YAML syntax: /);
  });

  it('refuses sources that are not AWS documentation', () => {
    const text = serviceYaml('one').replace('sources: [https://docs.aws.amazon.com/test/one.html]', 'sources: [https://example.com/blog]');
    expect(issuesOf(fixtureKb({ 'one.yaml': text }))).toEqual([
      'aws/one.yaml: responsibilities[0].sources[0]: must be an https link on docs.aws.amazon.com or aws.amazon.com',
    ]);
  });

  it('reports a file whose id does not match its name', () => {
    expect(issuesOf(fixtureKb({ 'one.yaml': serviceYaml('uno') }))).toEqual(['aws/one.yaml: id: "uno" does not match the file name (expected aws/uno.yaml)']);
  });

  it('reports unknown fields by name', () => {
    expect(issuesOf(fixtureKb({ 'one.yaml': serviceYaml('one', { extra: 'colour: blue\n' }) }))).toEqual([
      'aws/one.yaml: colour: unknown field (check the spelling against knowledge/README.md)',
    ]);
  });

  it('reports a byVariant entry for a variant the service does not have', () => {
    const extra = `    byVariant:\n      turbo: { owner: customer, aws: x, customer: y }\n`;
    const text = serviceYaml('one').replace('    sources:', `${extra}    sources:`);
    expect(issuesOf(fixtureKb({ 'one.yaml': text }))).toEqual(['aws/one.yaml: responsibilities[0].byVariant.turbo: unknown variant "turbo" (the service lists: none)']);
  });

  it('keeps serving the last good base when a reload fails', () => {
    const dir = fixtureKb({ 'one.yaml': serviceYaml('one') });
    const good = loadKnowledgeBase(dir);
    if (!good.ok) throw new Error('fixture should be valid');
    const holder = new KnowledgeHolder(good.kb);
    const broken = fixtureKb({ 'one.yaml': serviceYaml('one', { owner: 'nobody' }) });
    const result = holder.reload(broken);
    expect(result.ok).toBe(false);
    expect(holder.current.kb).toBe(good.kb);
    expect(holder.current.resolver.resolve('who patches one?')).toMatchObject({ kind: 'responsibility', owner: 'aws' });
  });
});
