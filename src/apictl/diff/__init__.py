"""Breaking-change detection between two versions of an OpenAPI description."""
