"""Protobuf front end: compile `.proto` files with grpcio-tools' bundled protoc
into descriptors with source info, find buf module roots and configuration, and
offer typed views (files, messages, fields, enums, services) with spans."""
