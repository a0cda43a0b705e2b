from __future__ import annotations

from apictl.lint.rules.proto._factories import comment_rule

comment_service = comment_rule(
    code="PB407",
    name="comment-service",
    on="ProtoService",
    label="Service",
    buf_id="COMMENT_SERVICE",
    bad="service UserService {}",
    good="// Manages the users of a tenant.\nservice UserService {}",
)
