"""YAML -> plain data, keeping libyaml's node tree for positions.

libyaml (PyYAML's C parser) composes the node tree and bounds nesting at 1000
levels. We construct the data ourselves because OpenAPI needs JSON semantics:
mapping keys stay the text that was written (`200:` is "200", not an int),
timestamps stay strings, and aliases are bounded — an alias bomb is a small
node graph that would expand to billions of nodes.
"""

from __future__ import annotations

from typing import Any

import yaml

from apictl.core.errors import InputError

try:  # the C parser is ~10x faster; PyYAML wheels ship it
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - pure-Python fallback
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_construct = yaml.constructor.SafeConstructor()
_SCALAR_TAGS = {
    "tag:yaml.org,2002:int": _construct.construct_yaml_int,
    "tag:yaml.org,2002:float": _construct.construct_yaml_float,
    "tag:yaml.org,2002:bool": _construct.construct_yaml_bool,
}
# Aliases may make a document this many times larger than what is written.
ALIAS_EXPANSION_FACTOR = 10
ALIAS_EXPANSION_MIN = 100_000
MAX_DEPTH = 1000  # libyaml's own limit


def compose(text: str, uri: str) -> Any:
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p) or "invalid YAML"
        if "nesting depth" in problem or "nesting" in str(exc):
            problem = "document nests deeper than 1000 levels"
        raise InputError(
            f"invalid YAML: {problem}",
            uri=uri,
            line=mark.line + 1 if mark else None,
            col=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", uri=uri) from None
    except RecursionError:
        raise InputError("document nests too deeply", uri=uri) from None


class _Builder:
    def __init__(self, uri: str) -> None:
        self.uri = uri
        self.memo: dict[int, Any] = {}
        self.sizes: dict[int, int] = {}
        self.active: set[int] = set()
        self.duplicated = False  # a mapping repeats a key (the last value wins, as in JSON parsers)

    def error(self, node: Any, message: str) -> InputError:
        m = node.start_mark
        return InputError(message, uri=self.uri, line=m.line + 1, col=m.column + 1)

    def size(self, root: Any) -> int:
        """Number of nodes `root` expands to, aliases included (memoised, iterative)."""
        sizes = self.sizes
        stack: list[tuple[Any, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            key = id(node)
            if done:
                self.active.discard(key)
                if node.id == "mapping":
                    sizes[key] = 1 + sum(sizes[id(k)] + sizes[id(v)] for k, v in node.value)
                elif node.id == "sequence":
                    sizes[key] = 1 + sum(sizes[id(v)] for v in node.value)
                else:
                    sizes[key] = 1
                continue
            if key in sizes:
                continue
            if key in self.active:
                raise self.error(node, "invalid YAML: recursive alias (an anchor used inside itself)")
            self.active.add(key)
            stack.append((node, True))
            if node.id == "mapping":
                for k, v in node.value:
                    stack.append((k, False))
                    stack.append((v, False))
            elif node.id == "sequence":
                stack.extend((v, False) for v in node.value)
        return sizes[id(root)]

    def build(self, node: Any) -> Any:
        key = id(node)
        if key in self.memo:
            return self.memo[key]
        if node.id == "scalar":
            fn = _SCALAR_TAGS.get(node.tag)
            if fn is not None:
                try:
                    value: Any = fn(node)
                except (ValueError, yaml.YAMLError):
                    value = node.value
            elif node.tag == "tag:yaml.org,2002:null":
                value = None
            else:
                value = node.value
        elif node.id == "sequence":
            value = [self.build(v) for v in node.value]
        else:
            value = {}
            for k, v in node.value:
                if k.tag == "tag:yaml.org,2002:merge":
                    merged = self.build(v)
                    for src in merged if isinstance(merged, list) else [merged]:
                        if isinstance(src, dict):
                            for mk, mv in src.items():
                                value.setdefault(mk, mv)
                    continue
                if k.id != "scalar":
                    raise self.error(k, "invalid YAML: mapping keys must be plain scalars")
                if k.value in value:
                    self.duplicated = True
                value[k.value] = self.build(v)
        self.memo[key] = value
        return value


def count_nodes(node: Any, uri: str) -> int:
    """Distinct nodes written; rejects nesting deeper than MAX_DEPTH (iteratively,
    before anything recursive runs: the pure-Python parser has no depth limit)."""
    seen: set[int] = set()
    stack = [(node, 1)]
    n = 0
    while stack:
        cur, depth = stack.pop()
        if depth > MAX_DEPTH:
            m = cur.start_mark
            raise InputError(
                f"document nests deeper than {MAX_DEPTH} levels", uri=uri, line=m.line + 1, col=m.column + 1
            )
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        n += 1
        if cur.id == "mapping":
            for _key, v in cur.value:
                n += 1  # the key: `size()` counts keys too
                stack.append((v, depth + 1))
        elif cur.id == "sequence":
            stack.extend((v, depth + 1) for v in cur.value)
    return n


def duplicate_keys(root: Any) -> list[str]:
    """JSON pointers of the keys a mapping repeats, each written occurrence after the
    first once (aliased subtrees once; `<<` merge keys are not keys)."""
    from apictl.core.pointer import join

    out: list[str] = []
    seen: set[int] = set()
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, pointer = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.id == "mapping":
            keys: set[str] = set()
            for k, v in node.value:
                if k.id == "scalar" and k.tag != "tag:yaml.org,2002:merge":
                    if k.value in keys:
                        out.append(join(pointer, k.value))
                    keys.add(k.value)
                    stack.append((v, join(pointer, k.value)))
        elif node.id == "sequence":
            stack.extend((v, join(pointer, i)) for i, v in enumerate(node.value))
    return sorted(set(out))


def to_data(root: Any, uri: str, duplicates: list[str] | None = None) -> Any:
    """The plain data of a composed tree; `duplicates` (if given) receives the pointers
    of repeated mapping keys."""
    builder = _Builder(uri)
    written = count_nodes(root, uri)
    expanded = builder.size(root)
    limit = max(ALIAS_EXPANSION_MIN, ALIAS_EXPANSION_FACTOR * written)
    if expanded > limit:
        raise InputError(
            f"YAML aliases expand {written} written nodes to {expanded} (limit {limit}): "
            "refusing a possible alias bomb",
            uri=uri,
        )
    data = builder.build(root)
    if duplicates is not None and builder.duplicated:
        duplicates.extend(duplicate_keys(root))
    return data
