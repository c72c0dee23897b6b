/**
 * Checks that run before Bolt reads a request body. Bolt rejects stale timestamps but accepts
 * future ones, and reads the whole body before it verifies anything; these checks refuse a
 * request on its headers alone.
 */
import type { NextFunction, Request, Response } from 'express';

/** Slack's own window: a signature is good for five minutes either side of now. */
export const MAX_SKEW_SECONDS = 5 * 60;
export const MAX_BODY_BYTES = 1024 * 1024;

const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

export function slackRequestGuard(now: () => number = Date.now) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stamp = Number(req.header('x-slack-request-timestamp'));
    if (!req.header('x-slack-signature') || !Number.isFinite(stamp)) {
      res.status(401).json({ error: 'missing or invalid Slack signature headers' });
      return;
    }
    const skew = Math.abs(Math.floor(now() / 1000) - stamp);
    if (skew > MAX_SKEW_SECONDS) {
      res.status(401).json({ error: 'request timestamp is outside the five-minute window' });
      return;
    }
    const type = (req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!CONTENT_TYPES.includes(type)) {
      res.status(415).json({ error: 'unsupported content type' });
      return;
    }
    const declared = req.header('content-length');
    if (declared === undefined) {
      // A streamed body of unknown size may be cut off at the limit; the connection is not
      // reused after that, so tell the client not to.
      res.setHeader('Connection', 'close');
    } else if (Number(declared) > MAX_BODY_BYTES) {
      res.setHeader('Connection', 'close');
      res.status(413).json({ error: 'request body too large' });
      return;
    }
    next();
  };
}
