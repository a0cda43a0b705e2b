from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import message_index
from apictl.lint.rules.proto._protovalidate import (
    OPTION,
    Checker,
    field_rules_class,
    locate,
    option_prefix,
    rules_of,
)
from apictl.specs.proto.model import Field


@rule(
    code="PB223",
    name="protovalidate",
    on="ProtoField",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("PROTOVALIDATE",),
)
def protovalidate(field: Field, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """protovalidate rules must fit the field they are on.

    ## What it does
    For a field with `(buf.validate.field)` rules (protovalidate): reports rules of another
    type than the field (`string` rules on an `int32`, scalar rules on a `repeated` field,
    `repeated` rules on a map), also inside `repeated.items` and `map.keys`/`map.values`,
    and lower bounds above their upper bound (`min_len` > `max_len`, `min_items` >
    `max_items`, `min_pairs` > `max_pairs`, `min_bytes` > `max_bytes`). Uses the module's
    copy of `buf/validate/validate.proto`; files that do not import it are not checked.
    CEL expressions (`cel`) are not compiled yet (buf does).

    ## Why is this bad?
    protovalidate refuses such rules at run time — every validation of the message fails
    with a compilation error — or, for bounds that cannot both hold, rejects every value.

    ## Example
    ```proto
    int32 age = 1 [(buf.validate.field).string.max_len = 3];
    string code = 2 [(buf.validate.field).string = {min_len: 10, max_len: 5}];
    ```

    ## Use instead
    ```proto
    int32 age = 1 [(buf.validate.field).int32 = {gte: 0, lte: 150}];
    string code = 2 [(buf.validate.field).string = {min_len: 5, max_len: 10}];
    ```

    ## References
    - buf lint rule `PROTOVALIDATE`: https://buf.build/docs/lint/rules/#protovalidate
    - https://protovalidate.com/
    """
    cls = field_rules_class(ctx)
    if cls is None:
        return
    rules = rules_of(field.desc, cls)
    if rules is None:
        return
    checker = Checker(ctx, message_index(ctx))
    repeated = field.desc.label == 3
    prefix = option_prefix(field.path)
    for sub_path, names, leaf, message in checker.check(field.name, field.desc, rules, prefix, OPTION, repeated, []):
        yield report(field.doc, locate(field.doc, sub_path, names, leaf), message)
