"""The matching rules of one category, ready to ask: which rules apply at this
place, and may extra keys appear?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apictl.contract.matching import docpath
from apictl.contract.rules import RuleList

Path = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Selected:
    rules: RuleList
    cascaded: bool  # the rule was written for an ancestor of this place

    @property
    def matchers(self) -> tuple[dict[str, Any], ...]:
        return self.rules.matchers

    def has(self, *names: str) -> bool:
        return any(m["match"] in names for m in self.rules.matchers)


class MatchContext:
    """Body (or metadata) rules keyed by path expressions. `allow_unexpected_keys`:
    responses and messages may carry more than the pact shows; requests may not."""

    def __init__(self, rules: dict[str, RuleList], allow_unexpected_keys: bool) -> None:
        self.rules = rules
        self.allow_unexpected_keys = allow_unexpected_keys
        self._parsed: list[tuple[tuple[docpath.Token, ...], RuleList]] = []
        for key, rule_list in rules.items():
            try:
                self._parsed.append((docpath.parse(key), rule_list))
            except docpath.PathError:
                continue  # a path we cannot read names no place

    def with_rules(self, rules: dict[str, RuleList]) -> MatchContext:
        return MatchContext(rules, self.allow_unexpected_keys)

    def best(self, path: Path, *alternatives: Path) -> Selected | None:
        """The rules that fit `path` best (or one of its alternative spellings)."""
        best: tuple[int, int] = (0, 0)
        chosen: Selected | None = None
        for candidate in (path, *alternatives):
            for tokens, rule_list in self._parsed:
                weight = docpath.weight(tokens, candidate)
                if weight and (weight, len(tokens)) > best:
                    best = (weight, len(tokens))
                    chosen = Selected(rule_list, len(tokens) != len(candidate))
        return chosen

    def defined(self, path: Path, *alternatives: Path) -> bool:
        return self.best(path, *alternatives) is not None

    def applying(self, path: Path, *alternatives: Path) -> list[Selected]:
        out = []
        for candidate in (path, *alternatives):
            for tokens, rule_list in self._parsed:
                if docpath.weight(tokens, candidate):
                    out.append(Selected(rule_list, len(tokens) != len(candidate)))
        return out

    def type_matcher_defined(self, path: Path, *alternatives: Path) -> bool:
        return any(s.has("type") for s in self.applying(path, *alternatives))

    def direct(self, path: Path, *names: str) -> Selected | None:
        """Rules written for exactly this place holding one of `names`."""
        for tokens, rule_list in self._parsed:
            if len(tokens) == len(path) and docpath.weight(tokens, path):
                selected = Selected(rule_list, False)
                if selected.has(*names):
                    return selected
        return None
