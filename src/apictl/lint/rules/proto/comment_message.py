from __future__ import annotations

from apictl.lint.rules.proto._factories import comment_rule

comment_message = comment_rule(
    code="PB404",
    name="comment-message",
    on="ProtoMessage",
    label="Message",
    buf_id="COMMENT_MESSAGE",
    bad="message User {}",
    good="// A User is a person who signed up.\nmessage User {}",
    skip=lambda message: message.is_map_entry,
)
