"""Protobuf lint rules, one per file, with buf's rule ids as aliases."""

PROTO = ("proto",)
