from __future__ import annotations

from apictl.lint.rules.proto._factories import comment_rule

comment_enum = comment_rule(
    code="PB401",
    name="comment-enum",
    on="ProtoEnum",
    label="Enum",
    buf_id="COMMENT_ENUM",
    bad="enum Color {\n  COLOR_UNSPECIFIED = 0;\n}",
    good="// Color is the colour of a label.\nenum Color {\n  COLOR_UNSPECIFIED = 0;\n}",
)
