/**
 * botbuilder answers 401 only for its own AuthenticationError; a token with a bad signature
 * fails inside the JWT library with another error type and would get a 500. Every failure to
 * authenticate is a 401 here, and none of them runs bot logic.
 *
 * The connector and user-token clients a turn gets are reused across turns (connector-cache.ts).
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorFactory, type UserTokenClient } from 'botframework-connector';
import { errorMessage } from '../../src/errors';
import { ConnectorCache } from './connector-cache';

export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new ConnectorCache();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${errorMessage(error)}`, 401);
    }
    return result.connectorFactory ? { ...result, connectorFactory: this.clients.connectorFactory(result.connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.connectorFactory(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(claimsIdentity, () => super.createUserTokenClient(claimsIdentity));
  }
}
