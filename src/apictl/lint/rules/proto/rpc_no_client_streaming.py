from __future__ import annotations

from apictl.lint.rules.proto._factories import no_streaming_rule

rpc_no_client_streaming = no_streaming_rule(code="PB221", side="client")
