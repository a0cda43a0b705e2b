from __future__ import annotations

from apictl.lint.rules.proto._factories import comment_rule

comment_field = comment_rule(
    code="PB403",
    name="comment-field",
    on="ProtoField",
    label="Field",
    buf_id="COMMENT_FIELD",
    bad="message User {\n  string name = 1;\n}",
    good="message User {\n  // The display name, at most 64 characters.\n  string name = 1;\n}",
    skip=lambda field: field.message is None or field.message.is_map_entry,
)
