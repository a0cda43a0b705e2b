from __future__ import annotations

from apictl.lint.rules.proto._factories import comment_rule

comment_enum_value = comment_rule(
    code="PB402",
    name="comment-enum-value",
    on="ProtoEnumValue",
    label="Enum value",
    buf_id="COMMENT_ENUM_VALUE",
    bad="enum Color {\n  COLOR_UNSPECIFIED = 0;\n}",
    good="enum Color {\n  // No colour was chosen.\n  COLOR_UNSPECIFIED = 0;\n}",
)
