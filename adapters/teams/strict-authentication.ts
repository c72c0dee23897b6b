/**
 * botbuilder answers 401 only for its own AuthenticationError; a token with a bad signature
 * fails inside the JWT library with another error type and would get a 500. Every failure to
 * authenticate is a 401 here, and none of them runs bot logic.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { errorMessage } from '../../src/errors';

export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${errorMessage(error)}`, 401);
    }
  }
}
