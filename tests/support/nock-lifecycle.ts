import nock from 'nock';

/** Only loopback may be reached: every outbound platform call must be mocked. */
export function allowOnlyLoopback(): void {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
}

/** Forgets every mock and, because nock patches node:http for the whole jest worker, un-patches it for the next test file. */
export function releaseNock(): void {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
}
