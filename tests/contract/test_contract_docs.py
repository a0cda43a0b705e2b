"""Every `apictl` command line the contract docs show exists, with every option it uses:
each command in a code block of docs/contract-testing.md, docs/contract.md and
docs/contract-broker.md (continuation lines joined) is resolved to its subcommand, and
each `-x`/`--option` on it must appear in that subcommand's `--help`. The guide's
commands themselves run in test_example_check.py and verify/test_example_services.py."""

from __future__ import annotations

import re
from functools import cache

import pytest

from tests.cli.helpers import ROOT, invoke

DOCS = ["docs/contract-testing.md", "docs/contract.md", "docs/contract-broker.md"]
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
OPTION = re.compile(r"(?:(?<=\s)|(?<=[\[(|/]))(--?[A-Za-z][\w-]*)")
PLACEHOLDER = re.compile(r"\$\{\{.*?\}\}")  # GitHub expressions hold no options
# a command starts a line, a `run:` or follows `$ ` / `&&`; `apictl ci:` (output) is none
START = re.compile(r"(?:^\s*(?:-\s+)?(?:run:\s*)?|\$\s+|&&\s*)(apictl\s+[a-z][\w-]*(?=\s|$).*)")


def command_lines(text: str) -> list[str]:
    """`apictl …` commands in the fenced blocks of `text`, one string each: lines ending
    in a backslash, and the option lines of a YAML folded block, are joined."""
    out = []
    for block in FENCE.findall(text):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            found = START.search(line)
            if found is None:
                i += 1
                continue
            command, indent = found.group(1), len(line) - len(line.lstrip())
            while i + 1 < len(lines):
                nxt = lines[i + 1]
                # a YAML folded block's next line, or a synopsis' next line of options
                folded = len(nxt) - len(nxt.lstrip()) >= indent and re.match(r"--?[A-Za-z]|\[", nxt.strip())
                if not (command.rstrip().endswith("\\") or folded):
                    break
                command = command.rstrip().rstrip("\\").rstrip() + " " + nxt.strip()
                i += 1
            out.append(command.split(" #", 1)[0].split("&&", 1)[0])
            i += 1
    return out


@cache
def subcommands(path: tuple[str, ...]) -> frozenset[str]:
    help_text = invoke(*path, "--help").stdout
    section = help_text.split("Commands:", 1)[1] if "Commands:" in help_text else ""
    return frozenset(re.findall(r"^  ([a-z][\w-]*)", section, re.M))


@cache
def help_of(path: tuple[str, ...]) -> str:
    result = invoke(*path, "--help")
    assert result.exit_code == 0, f"apictl {' '.join(path)} --help failed"
    return result.stdout


def resolve(command: str) -> tuple[tuple[str, ...], str]:
    """(the subcommand path, the rest of the command line)."""
    words = PLACEHOLDER.sub("X", command).split()[1:]
    path: tuple[str, ...] = ()
    while words and words[0] in subcommands(path):
        path += (words.pop(0),)
    return path, " " + " ".join(words)


INLINE = re.compile(r"`(apictl [a-z][^`]*)`")
HEADING = re.compile(r"^#+ `(apictl [a-z][\w -]*)`", re.M)


def prose_commands(text: str) -> list[str]:
    """Commands in inline code (`apictl contract stub x --port 8001`), and the first
    column of tables: options under a heading that names a command (`--pact FILE` under
    "## `apictl contract verify`"), subcommands in a table of `apictl contract` commands."""
    outside = FENCE.sub("", text)
    out = [m.group(1) for m in INLINE.finditer(outside)]
    heading = ""
    for line in outside.splitlines():
        found = HEADING.match(line)
        if found:
            heading = found.group(1)
        elif line.startswith("#"):
            heading = ""
        if not line.startswith("| `"):
            continue
        first = re.split(r"(?<!\\)\|", line)[1]
        for span in re.findall(r"`([^`]+)`", first):
            if span.startswith("-") and heading:
                out.append(f"{heading} {span}")
            elif span.split()[0] in subcommands(("contract",)) and "--" in span:
                out.append(f"apictl contract {span}")
    return out


CASES = [
    (doc, line)
    for doc in DOCS
    for line in command_lines((ROOT / doc).read_text()) + prose_commands((ROOT / doc).read_text())
]


def test_the_docs_show_the_contract_commands() -> None:
    shown = {resolve(line)[0] for _, line in CASES}
    for command in ("stub", "check", "verify", "publish", "can-i-deploy", "record-deployment"):
        assert ("contract", command) in shown, command
    assert ("ci",) in shown


def test_command_lines_are_joined() -> None:
    text = "```yaml\n- run: >\n    apictl contract verify --provider p\n    --main-branch -f sarif\n- run: x\n```\n"
    text += "```sh\napictl contract check a.json \\\n    --spec b.yaml   # why\n```\n"
    assert command_lines(text) == [
        "apictl contract verify --provider p --main-branch -f sarif",
        "apictl contract check a.json --spec b.yaml  ",
    ]


@pytest.mark.parametrize(("doc", "line"), CASES, ids=[f"{d.split('/')[-1]}:{line[:60]}" for d, line in CASES])
def test_every_option_shown_exists(doc: str, line: str) -> None:
    path, rest = resolve(line)
    assert path, f"{doc}: no such command: {line}"
    help_text = help_of(path)
    for option in OPTION.findall(rest):
        name = option.split("=", 1)[0]
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", help_text), (
            f"{doc}: `apictl {' '.join(path)}` has no option {name} (in: {line})"
        )


def test_the_guide_links_resolve() -> None:
    for doc in DOCS:
        for target in re.findall(r"\]\(([\w.-]+\.md)(?:#[\w-]+)?\)", (ROOT / doc).read_text()):
            assert (ROOT / "docs" / target).is_file(), f"{doc}: broken link {target}"
    assert "## Message pacts" in (ROOT / "docs/contract-testing.md").read_text()
