"""buf's breaking-rule categories (buf 1.75, `buf config ls-breaking-rules --version v2`).

`use:`/`except:` in a buf.yaml name rules or these categories; FILE is buf's default.
A rule in WIRE also breaks WIRE_JSON, PACKAGE and FILE users; the categories nest
from the strictest (FILE: generated code per file) to the loosest (WIRE: bytes only).
"""

from __future__ import annotations

CATEGORIES = ("FILE", "PACKAGE", "WIRE_JSON", "WIRE")
DEFAULT_USE = ("FILE",)

_F, _P, _J, _W = "FILE", "PACKAGE", "WIRE_JSON", "WIRE"
BUF_CATEGORIES: dict[str, tuple[str, ...]] = {
    "EXTENSION_NO_DELETE": (_F,),
    "SERVICE_NO_DELETE": (_F,),
    "ENUM_NO_DELETE": (_F,),
    "FILE_NO_DELETE": (_F,),
    "MESSAGE_NO_DELETE": (_F,),
    "ENUM_SAME_TYPE": (_F, _P),
    "FIELD_SAME_CARDINALITY": (_F, _P),
    "FIELD_SAME_CPP_STRING_TYPE": (_F, _P),
    "FIELD_SAME_JAVA_UTF8_VALIDATION": (_F, _P),
    "FIELD_SAME_JSTYPE": (_F, _P),
    "FIELD_SAME_UTF8_VALIDATION": (_F, _P),
    "FILE_SAME_CC_ENABLE_ARENAS": (_F, _P),
    "FILE_SAME_CC_GENERIC_SERVICES": (_F, _P),
    "FILE_SAME_CSHARP_NAMESPACE": (_F, _P),
    "FILE_SAME_GO_PACKAGE": (_F, _P),
    "FILE_SAME_JAVA_GENERIC_SERVICES": (_F, _P),
    "FILE_SAME_JAVA_MULTIPLE_FILES": (_F, _P),
    "FILE_SAME_JAVA_OUTER_CLASSNAME": (_F, _P),
    "FILE_SAME_JAVA_PACKAGE": (_F, _P),
    "FILE_SAME_OBJC_CLASS_PREFIX": (_F, _P),
    "FILE_SAME_OPTIMIZE_FOR": (_F, _P),
    "FILE_SAME_PHP_CLASS_PREFIX": (_F, _P),
    "FILE_SAME_PHP_METADATA_NAMESPACE": (_F, _P),
    "FILE_SAME_PHP_NAMESPACE": (_F, _P),
    "FILE_SAME_PY_GENERIC_SERVICES": (_F, _P),
    "FILE_SAME_RUBY_PACKAGE": (_F, _P),
    "FILE_SAME_SWIFT_PREFIX": (_F, _P),
    "RPC_NO_DELETE": (_F, _P),
    "ENUM_VALUE_NO_DELETE": (_F, _P),
    "EXTENSION_MESSAGE_NO_DELETE": (_F, _P),
    "FIELD_NO_DELETE": (_F, _P),
    "FIELD_SAME_TYPE": (_F, _P),
    "FILE_SAME_SYNTAX": (_F, _P),
    "MESSAGE_NO_REMOVE_STANDARD_DESCRIPTOR_ACCESSOR": (_F, _P),
    "ONEOF_NO_DELETE": (_F, _P),
    "ENUM_SAME_JSON_FORMAT": (_F, _P, _J),
    "ENUM_VALUE_SAME_NAME": (_F, _P, _J),
    "FIELD_SAME_JSON_NAME": (_F, _P, _J),
    "FIELD_SAME_NAME": (_F, _P, _J),
    "MESSAGE_SAME_JSON_FORMAT": (_F, _P, _J),
    "FIELD_SAME_DEFAULT": (_F, _P, _J, _W),
    "FIELD_SAME_ONEOF": (_F, _P, _J, _W),
    "FILE_SAME_PACKAGE": (_F, _P, _J, _W),
    "MESSAGE_SAME_REQUIRED_FIELDS": (_F, _P, _J, _W),
    "RESERVED_ENUM_NO_DELETE": (_F, _P, _J, _W),
    "RESERVED_MESSAGE_NO_DELETE": (_F, _P, _J, _W),
    "RPC_SAME_CLIENT_STREAMING": (_F, _P, _J, _W),
    "RPC_SAME_IDEMPOTENCY_LEVEL": (_F, _P, _J, _W),
    "RPC_SAME_REQUEST_TYPE": (_F, _P, _J, _W),
    "RPC_SAME_RESPONSE_TYPE": (_F, _P, _J, _W),
    "RPC_SAME_SERVER_STREAMING": (_F, _P, _J, _W),
    "PACKAGE_ENUM_NO_DELETE": (_P,),
    "PACKAGE_EXTENSION_NO_DELETE": (_P,),
    "PACKAGE_MESSAGE_NO_DELETE": (_P,),
    "PACKAGE_NO_DELETE": (_P,),
    "PACKAGE_SERVICE_NO_DELETE": (_P,),
    "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED": (_J,),
    "FIELD_NO_DELETE_UNLESS_NAME_RESERVED": (_J,),
    "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY": (_J,),
    "FIELD_WIRE_JSON_COMPATIBLE_TYPE": (_J,),
    "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED": (_J, _W),
    "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED": (_J, _W),
    "FIELD_WIRE_COMPATIBLE_CARDINALITY": (_W,),
    "FIELD_WIRE_COMPATIBLE_TYPE": (_W,),
}
# Deprecated ids buf still accepts in `use:`/`except:`, and what they stand for.
DEPRECATED_IDS: dict[str, tuple[str, ...]] = {
    "FIELD_SAME_CTYPE": ("FIELD_SAME_CPP_STRING_TYPE",),
    "FIELD_SAME_LABEL": (
        "FIELD_SAME_CARDINALITY",
        "FIELD_WIRE_COMPATIBLE_CARDINALITY",
        "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
    ),
    "FILE_SAME_JAVA_STRING_CHECK_UTF8": ("FIELD_SAME_JAVA_UTF8_VALIDATION",),
}


def expand(ids: list[str] | tuple[str, ...]) -> set[str]:
    """Rule ids named by `ids` (rule ids, deprecated ids or categories)."""
    out: set[str] = set()
    for item in ids:
        key = item.strip().upper()
        if key in CATEGORIES:
            out.update(r for r, cats in BUF_CATEGORIES.items() if key in cats)
        elif key in DEPRECATED_IDS:
            out.update(DEPRECATED_IDS[key])
        else:
            out.add(key)
    return out
