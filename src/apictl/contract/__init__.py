"""`apictl contract`: consumer-driven contract testing with Pact.

`pact.py` reads pact files (specification v1 to v4) into one model,
`rules.py` normalises their matching rules and generators, `matching/`
compares requests, responses and messages as the Pact specification says,
and `stub.py` serves pacts as a stub provider."""
