"""Rule modules: one rule per file; importing a module registers its rule."""
