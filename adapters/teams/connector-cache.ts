/**
 * Reuses Bot Connector clients across turns.
 *
 * botbuilder's CloudAdapter asks for a new ConnectorClient and a new UserTokenClient on every
 * incoming activity; each builds an Azure HTTP pipeline (a dozen policies, serializers,
 * credentials). Under load that was about a tenth of the Teams path's CPU, for clients that
 * differ only by the bot's app id, the serviceUrl and the audience. Here one client per such
 * combination is kept (bounded), so the pipeline, its keep-alive HTTP agent and the credentials'
 * cached token are shared by every turn that needs the same one.
 */
import { AuthenticationConstants, ConnectorFactory, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import { BoundedMap } from '../shared/bounded-map';

/** The app id botbuilder builds a turn's clients for: the audience claim, else the appid claim. */
export function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

export class ConnectorCache {
  private readonly connectors: BoundedMap<string, Promise<ConnectorClient>>;
  private readonly userTokenClients: BoundedMap<string, Promise<UserTokenClient>>;

  constructor(max = 100) {
    this.connectors = new BoundedMap(max);
    this.userTokenClients = new BoundedMap(max);
  }

  /** `factory` (made for this turn's claims), answering from the cache when it can. */
  connectorFactory(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new CachingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectors);
  }

  userTokenClient(claimsIdentity: ClaimsIdentity, create: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return cached(this.userTokenClients, appIdOf(claimsIdentity), create);
  }
}

class CachingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: BoundedMap<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return cached(this.clients, `${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** The promise is cached, so turns arriving together share one client; a failure is not kept. */
function cached<T>(map: BoundedMap<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit) return hit;
  const made = create();
  map.set(key, made);
  made.catch(() => {
    if (map.get(key) === made) map.delete(key);
  });
  return made;
}
