"""Lint protobuf files: compile a module, walk its descriptors once, dispatch to
the `formats=("proto",)` rules, honour buf.yaml and `buf:lint:ignore` comments."""
