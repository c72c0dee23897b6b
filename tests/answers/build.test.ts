import { buildAnswer } from '../../src/answers/build';
import { shippedKb, shippedResolver } from '../support/kb';

const kb = shippedKb();
const resolver = shippedResolver();

describe('answers: one side of a shared entry', () => {
  it("names the side asked about as the owner, keeps both parts and says it is shared", () => {
    const question = 'snowball edge device sitting at our site: who physically secures it?';
    const answer = buildAnswer(resolver.resolve(question), question, kb);
    expect(answer.kind).toBe('responsibility');
    if (answer.kind !== 'responsibility') return;
    expect(answer.owner).toBe('customer');
    expect(answer.aws.length).toBeGreaterThan(10);
    expect(answer.customer.length).toBeGreaterThan(10);
    expect(answer.basisNote).toMatch(/shared/);
  });
});
