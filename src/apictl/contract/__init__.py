"""`apictl contract`: consumer-driven contract testing with Pact.

`pact.py` reads pact files (specification v1 to v4) into one model (`body.py`
for bodies, `rules.py` for matching rules and generators, `located.py` for
errors that name file:line:col); `matching/` compares requests, responses and
messages as the specification says; `stub.py` serves pacts as a stub provider
(`wire.py` converts HTTP messages, `generators.py` fills in generated values,
`transport.py` plugs the stub into httpx); `examples.py` finds examples that
contradict their own matchers; `regexes.py` reads Java/JS regexes."""
