"""A Pact Broker client over its HAL API (httpx): publish, matrix/can-i-deploy, environments,
deployments and releases, pacticipants, versions, tags, branches, pacts, pacts-for-verification,
verification results and webhooks. Each area is one module; `http.BrokerClient` is the session."""
