import type { Responsibility } from '../../src/knowledge/schema';
import { aspectAskedAbout } from '../../src/resolver/aspects';
import { stem } from '../../src/text/stem';
import { toWords } from '../../src/text/normalise';
import { shippedResolver } from '../support/kb';

const entry: Responsibility = {
  task: 'network-infrastructure',
  owner: 'shared',
  aws: 'Operates its routers at each location.',
  customer: 'Provides its own router and the circuit.',
  aspects: [
    { owner: 'customer', about: ['our router', 'bgp', 'circuit'] },
    { owner: 'aws', about: ['aws router', 'aws network'] },
  ],
  sources: ['https://docs.aws.amazon.com/directconnect/latest/UserGuide/Welcome.html'],
  reviewed: '2026-11-23',
};
const words = (text: string): Set<string> => new Set(toWords(text).map(stem));

describe('aspects: pieces of an entry one side owns alone', () => {
  it('finds the side whose phrase the question names, side words included', () => {
    expect(aspectAskedAbout(entry, words('who configures BGP on the DX link'))).toEqual({ owner: 'customer', phrase: 'bgp' });
    expect(aspectAskedAbout(entry, words('the AWS routers at the location, who maintains them?'))?.owner).toBe('aws');
    expect(aspectAskedAbout(entry, words('who maintains our router?'))?.owner).toBe('customer');
  });

  it('names no side when a question names none, or both equally', () => {
    expect(aspectAskedAbout(entry, words('who owns the network?'))).toBeUndefined();
    expect(aspectAskedAbout(entry, words('who looks after the router?'))).toBeUndefined();
    expect(aspectAskedAbout(entry, words('bgp on the aws network'))).toBeUndefined();
  });
});

describe('aspects in the shipped base', () => {
  const resolver = shippedResolver();

  it.each([
    ['picking the RDS instance class: our call?', 'rds', 'customer'],
    ['who handles patching of the ELB load balancer nodes?', 'elb', 'aws'],
    ['who writes the AWS managed rules in WAF?', 'waf', 'aws'],
  ])('%s', (question, service, owner) => {
    const r = resolver.resolve(question);
    expect(r.kind).toBe('responsibility');
    if (r.kind !== 'responsibility') return;
    expect(r.service.id).toBe(service);
    expect(r.part).toBe(owner);
    expect(r.aspect).toBeDefined();
  });

  it('settles a question that would ask for the variant when the aspect holds for every variant', () => {
    const r = resolver.resolve('do we patch the hosts that lambda runs on?');
    expect(r.kind).toBe('responsibility');
    if (r.kind !== 'responsibility') return;
    expect(r.service.id).toBe('lambda');
    expect(r.part).toBe('aws');
    expect(r.alternatives.map((a) => a.variant.id)).toEqual(expect.arrayContaining(['manual', 'container-image']));
    expect(resolver.resolve('who patches lambda?').kind).toBe('clarify');
  });

  it('keeps an aspect limited to some variants away from questions naming another', () => {
    const general = resolver.resolve('KMS key policy: whose job is it to get it right?');
    expect(general).toMatchObject({ kind: 'responsibility', part: 'customer', aspectVariants: ['Customer managed'] });
    const awsManaged = resolver.resolve('who writes the key policy of an AWS managed key in KMS?');
    expect(awsManaged.kind === 'responsibility' && awsManaged.part === 'customer').toBe(false);
  });

  it('leaves the entry as it is when the question names no aspect', () => {
    const r = resolver.resolve('who handles capacity for rds?');
    expect(r.kind).toBe('responsibility');
    if (r.kind !== 'responsibility') return;
    expect(r.owner).toBe('shared');
    expect(r.part).toBeUndefined();
  });
});

describe('protections on by default across variants', () => {
  it('answers "handled by AWS?" without asking for the variant when AWS encrypts by default in every one', () => {
    const r = shippedResolver().resolve('Timestream encryption at rest: handled by AWS?');
    expect(r).toMatchObject({ kind: 'responsibility', part: 'aws', onByDefault: true });
    expect(shippedResolver().resolve('who manages timestream encryption at rest?').kind).toBe('clarify');
  });
});
