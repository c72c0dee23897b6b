import { errorCode, WhoownsError } from '../src/errors';

describe('errorCode', () => {
  it('gives our own code first', () => {
    expect(errorCode(new WhoownsError('KB_INVALID', 'broken'))).toBe('KB_INVALID');
  });

  it('keeps the code a platform SDK or Node put on the error', () => {
    expect(errorCode(Object.assign(new Error('An API error occurred: invalid_blocks'), { code: 'slack_webapi_platform_error' }))).toBe('slack_webapi_platform_error');
    expect(errorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
  });

  it('says INTERNAL for anything else, including codes that are not short words', () => {
    expect(errorCode(new Error('plain'))).toBe('INTERNAL');
    expect(errorCode('a string')).toBe('INTERNAL');
    expect(errorCode(Object.assign(new Error('odd'), { code: 42 }))).toBe('INTERNAL');
    expect(errorCode(Object.assign(new Error('odd'), { code: 'xoxb-a token pasted here?' }))).toBe('INTERNAL');
  });
});
