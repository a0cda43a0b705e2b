from __future__ import annotations

from apictl.lint.rules.proto._factories import standard_name_rule

rpc_response_standard_name = standard_name_rule(code="PB114", side="response")
