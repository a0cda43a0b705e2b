"""One module per tag of the contract."""
