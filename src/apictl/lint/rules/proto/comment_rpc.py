from __future__ import annotations

from apictl.lint.rules.proto._factories import comment_rule

comment_rpc = comment_rule(
    code="PB406",
    name="comment-rpc",
    on="ProtoMethod",
    label="RPC",
    buf_id="COMMENT_RPC",
    bad="rpc GetUser(GetUserRequest) returns (GetUserResponse);",
    good="// Returns one user by name.\nrpc GetUser(GetUserRequest) returns (GetUserResponse);",
)
