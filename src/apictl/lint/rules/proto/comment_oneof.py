from __future__ import annotations

from apictl.lint.rules.proto._factories import comment_rule

comment_oneof = comment_rule(
    code="PB405",
    name="comment-oneof",
    on="ProtoOneof",
    label="Oneof",
    buf_id="COMMENT_ONEOF",
    bad="oneof contact {\n  string email = 1;\n}",
    good="// How to reach the user.\noneof contact {\n  string email = 1;\n}",
    skip=lambda oneof: oneof.parent is None or oneof.is_synthetic(oneof.parent.desc),
)
