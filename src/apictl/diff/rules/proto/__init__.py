"""Protobuf breaking-change rules: one rule per file, buf's rule ids kept as aliases.

Codes: PBB1xx break the binary wire format (buf's WIRE category and up), PBB2xx break
JSON peers as well (WIRE_JSON), PBB3xx break generated code (FILE / PACKAGE). The
rules buf's categories select are listed in `apictl.diff.proto.categories`.
"""
