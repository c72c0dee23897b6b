import { asksWhetherOnByDefault, countSideWords, weighSharedParts } from '../../src/resolver/shared-part';
import { stem } from '../../src/text/stem';

const aws = 'Replaces failed hardware in the rack and keeps the underlying servers patched.';
const customer = 'Provides power, cooling and a physically secure site for the rack, and chooses the network it joins.';
const counts = countSideWords([{ aws, customer }]);
const words = (text: string): string[] => text.split(' ').map(stem);

describe('shared part: which side of a shared entry a question names', () => {
  it('picks the customer when the question names only words of the customer part', () => {
    expect(weighSharedParts(words('power cooling'), aws, customer, counts).side).toBe('customer');
  });

  it("needs two words before it says the question is about AWS's part", () => {
    expect(weighSharedParts(words('hardware'), aws, customer, counts).side).toBeUndefined();
    expect(weighSharedParts(words('failed hardware'), aws, customer, counts).side).toBe('aws');
  });

  it('stays shared when the question names words of both parts, or of neither', () => {
    expect(weighSharedParts(words('failed hardware power'), aws, customer, counts).side).toBeUndefined();
    expect(weighSharedParts(words('rack'), aws, customer, counts).side).toBeUndefined();
    expect(weighSharedParts(words('banana'), aws, customer, counts).side).toBeUndefined();
  });

  it("ignores a word the service's other entries use more on the other side: a thing, not a side", () => {
    const other = { aws: 'Runs the control plane.', customer: 'Configures each distribution and its distribution settings; owns the distribution logs.' };
    const cdn = { aws: 'Every distribution gets baseline network protection.', customer: 'Adds rate-based rules.' };
    const serviceCounts = countSideWords([cdn, other, { aws: 'x', customer: 'distribution origin' }]);
    expect(weighSharedParts(words('distribution'), cdn.aws, cdn.customer, serviceCounts).side).toBeUndefined();
  });
});

describe('shared part: protections AWS switches on for everyone', () => {
  const aws = 'Encrypts all table data at rest; by default it uses an AWS owned key, and encryption cannot be turned off.';
  const optional = 'Chooses its own customer managed key instead if it needs control of the key.';
  const must = 'Turns on encryption when it creates the resource and chooses the key.';

  it("answers AWS's part to \"do we have to turn it on?\" when AWS's part is on by default and the customer's is optional", () => {
    expect(asksWhetherOnByDefault('encryption-at-rest', 'do we have to turn it on', aws, optional)).toBe(true);
    expect(asksWhetherOnByDefault('encryption-at-rest', 'is it handled by aws', aws, optional)).toBe(true);
  });

  it('does not when the customer must switch something on, for other tasks, or for other questions', () => {
    expect(asksWhetherOnByDefault('encryption-at-rest', 'do we have to turn it on', aws, must)).toBe(false);
    expect(asksWhetherOnByDefault('capacity-scaling', 'do we have to do anything', aws, optional)).toBe(false);
    expect(asksWhetherOnByDefault('encryption-at-rest', 'who manages the key', aws, optional)).toBe(false);
  });
});
