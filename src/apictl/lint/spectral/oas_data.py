"""`spectral:oas` as data: Spectral's built-in OpenAPI ruleset (1.23.1 of
@stoplight/spectral-rulesets, Apache-2.0), dumped by
tests/spectral/tools/dump_oas_ruleset.js and written by gen_oas_data.py.

Rules whose functions are Spectral's core functions run as written; the
others are mapped to apictl's built-in rules (see `oas`). Do not edit.
"""

from __future__ import annotations

from typing import Any

OAS: dict[str, Any] = {
    "version": "1.23.1",
    "documentationUrl": "https://meta.stoplight.io/docs/spectral/docs/reference/openapi-rules.md",
    "formats": ["oas2", "oas3", "oas3_0", "oas3_1", "oas3_2"],
    "aliases": {
        "PathItem": ["$.paths[*]"],
        "OperationObject": ["#PathItem[get,put,post,delete,options,head,patch,trace]"],
        "SecurityRequirementObject": ["$.security[*]", "#OperationObject.security[*]"],
        "ResponseObject": {
            "targets": [
                {"formats": ["oas2"], "given": ["#OperationObject.responses[*]", "$.responses[*]"]},
                {"formats": ["oas3"], "given": ["#OperationObject.responses[*]", "$.components.responses[*]"]},
            ]
        },
        "LinkObject": {
            "targets": [{"formats": ["oas3"], "given": ["$.components.links[*]", "#ResponseObject.links[*]"]}]
        },
        "ArrayProperties": {
            "targets": [
                {"formats": ["oas2", "oas3_0"], "given": ['$..[?(@ && @.type=="array")]']},
                {
                    "formats": ["oas3_1", "oas3_2"],
                    "given": [
                        '$..[?(@ && @.type=="array")]',
                        '$..[?(@ && @.type && @.type.constructor.name === "Array" && @.type.includes("array"))]',
                    ],
                },
            ]
        },
    },
    "rules": {
        "operation-success-response": {
            "description": 'Operation must have at least one "2xx" or "3xx" response.',
            "recommended": True,
            "resolved": True,
            "given": "#OperationObject",
            "then": [{"function": "oasOpSuccessResponse", "field": "responses"}],
        },
        "oas2-operation-formData-consume-check": {
            "description": 'Operations with "in: formData" '
            "parameter must include "
            '"application/x-www-form-urlencoded" or '
            '"multipart/form-data" in their '
            '"consumes" property.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas2"],
            "given": "#OperationObject",
            "then": [{"function": "oasOpFormDataConsumeCheck"}],
        },
        "operation-operationId-unique": {
            "description": 'Every operation must have unique "operationId".',
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "given": "$.paths",
            "then": [{"function": "oasOpIdUnique"}],
        },
        "operation-parameters": {
            "description": "Operation parameters are unique and non-repeating.",
            "message": "{{error}}",
            "recommended": True,
            "resolved": True,
            "given": "#OperationObject.parameters",
            "then": [{"function": "oasOpParams"}],
        },
        "operation-tag-defined": {
            "description": "Operation tags must be defined in global tags.",
            "recommended": True,
            "resolved": True,
            "given": "$",
            "then": [{"function": "oasTagDefined"}],
        },
        "path-params": {
            "description": "Path parameters must be defined and valid.",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "given": "$.paths",
            "then": [{"function": "oasPathParam"}],
        },
        "contact-properties": {
            "description": 'Contact object must have "name", "url" and "email".',
            "recommended": False,
            "resolved": True,
            "given": "$.info.contact",
            "then": [
                {"function": "truthy", "field": "name"},
                {"function": "truthy", "field": "url"},
                {"function": "truthy", "field": "email"},
            ],
        },
        "duplicated-entry-in-enum": {
            "description": "Enum values must not have duplicate entry.",
            "message": "{{error}}",
            "recommended": True,
            "severity": "warn",
            "resolved": True,
            "given": [
                "$..[?(@property !== 'properties' && @ != null && @.enum && @.enum.constructor.name === 'Array')]"
            ],
            "then": [
                {
                    "function": "oasSchema",
                    "field": "enum",
                    "functionOptions": {"schema": {"type": "array", "uniqueItems": True}},
                }
            ],
        },
        "info-contact": {
            "description": 'Info object must have "contact" object.',
            "recommended": True,
            "resolved": True,
            "given": "$",
            "then": [{"function": "truthy", "field": "info.contact"}],
        },
        "info-description": {
            "description": 'Info "description" must be present and non-empty string.',
            "recommended": True,
            "resolved": True,
            "given": "$",
            "then": [{"function": "truthy", "field": "info.description"}],
        },
        "info-license": {
            "description": 'Info object must have "license" object.',
            "recommended": False,
            "resolved": True,
            "given": "$",
            "then": [{"function": "truthy", "field": "info.license"}],
        },
        "license-url": {
            "description": 'License object must include "url".',
            "recommended": False,
            "resolved": True,
            "given": "$",
            "then": [{"function": "truthy", "field": "info.license.url"}],
        },
        "no-eval-in-markdown": {
            "description": 'Markdown descriptions must not have "eval(".',
            "recommended": True,
            "resolved": True,
            "given": "$..[description,title]",
            "then": [{"function": "pattern", "functionOptions": {"notMatch": "eval\\("}}],
        },
        "no-script-tags-in-markdown": {
            "description": 'Markdown descriptions must not have "<script>" tags.',
            "recommended": True,
            "resolved": True,
            "given": "$..[description,title]",
            "then": [{"function": "pattern", "functionOptions": {"notMatch": "<script"}}],
        },
        "openapi-tags-alphabetical": {
            "description": 'OpenAPI object must have alphabetical "tags".',
            "recommended": False,
            "resolved": True,
            "given": "$",
            "then": [{"function": "alphabetical", "field": "tags", "functionOptions": {"keyedBy": "name"}}],
        },
        "openapi-tags-uniqueness": {
            "description": "Each tag must have a unique name.",
            "message": "{{error}}",
            "recommended": True,
            "severity": "error",
            "resolved": True,
            "given": "$.tags",
            "then": [{"function": "uniquenessTags"}],
        },
        "openapi-tags": {
            "description": 'OpenAPI object must have non-empty "tags" array.',
            "recommended": False,
            "resolved": True,
            "given": "$",
            "then": [
                {
                    "function": "schema",
                    "field": "tags",
                    "functionOptions": {"dialect": "draft7", "schema": {"type": "array", "minItems": 1}},
                }
            ],
        },
        "operation-description": {
            "description": 'Operation "description" must be present and non-empty string.',
            "recommended": True,
            "resolved": True,
            "given": "#OperationObject",
            "then": [{"function": "truthy", "field": "description"}],
        },
        "operation-operationId": {
            "description": 'Operation must have "operationId".',
            "recommended": True,
            "resolved": True,
            "given": "#OperationObject",
            "then": [{"function": "truthy", "field": "operationId"}],
        },
        "operation-operationId-valid-in-url": {
            "message": "operationId must not contain characters that are invalid when used in URL.",
            "recommended": True,
            "resolved": True,
            "given": "#OperationObject",
            "then": [
                {
                    "function": "pattern",
                    "field": "operationId",
                    "functionOptions": {"match": "^[A-Za-z0-9-._~:/?#\\[\\]@!\\$&'()*+,;=]*$"},
                }
            ],
        },
        "operation-singular-tag": {
            "description": "Operation must not have more than a single tag.",
            "recommended": False,
            "resolved": True,
            "given": "#OperationObject",
            "then": [{"function": "length", "field": "tags", "functionOptions": {"max": 1}}],
        },
        "operation-tags": {
            "description": 'Operation must have non-empty "tags" array.',
            "recommended": True,
            "resolved": True,
            "given": "#OperationObject",
            "then": [
                {
                    "function": "schema",
                    "field": "tags",
                    "functionOptions": {"dialect": "draft7", "schema": {"type": "array", "minItems": 1}},
                }
            ],
        },
        "path-declarations-must-exist": {
            "message": 'Path parameter declarations must not be empty, ex."/given/{}" is invalid.',
            "recommended": True,
            "resolved": True,
            "given": "$.paths",
            "then": [{"function": "pattern", "field": "@key", "functionOptions": {"notMatch": "{}"}}],
        },
        "path-keys-no-trailing-slash": {
            "message": "Path must not end with slash.",
            "recommended": True,
            "resolved": True,
            "given": "$.paths",
            "then": [{"function": "pattern", "field": "@key", "functionOptions": {"notMatch": ".+\\/$"}}],
        },
        "path-not-include-query": {
            "description": "Path must not include query string.",
            "recommended": True,
            "resolved": True,
            "given": "$.paths",
            "then": [{"function": "pattern", "field": "@key", "functionOptions": {"notMatch": "\\?"}}],
        },
        "tag-description": {
            "description": 'Tag object must have "description".',
            "recommended": False,
            "resolved": True,
            "given": "$.tags[*]",
            "then": [{"function": "truthy", "field": "description"}],
        },
        "no-$ref-siblings": {
            "description": "Property must not be placed among $ref",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": False,
            "formats": ["oas2", "oas3_0"],
            "given": "$..[?(@property === '$ref')]",
            "then": [{"function": "refSiblings"}],
        },
        "array-items": {
            "message": 'Schemas with "type: array", require a sibling "items" field',
            "recommended": True,
            "severity": 0,
            "resolved": False,
            "given": "#ArrayProperties",
            "then": [{"function": "truthy", "field": "items"}],
        },
        "typed-enum": {
            "description": "Enum values must respect the specified type.",
            "message": "{{error}}",
            "recommended": True,
            "resolved": True,
            "given": "$..[?(@ && @.enum && @.type)]",
            "then": [{"function": "typedEnum"}],
        },
        "oas2-api-host": {
            "description": 'OpenAPI "host" must be present and non-empty string.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$",
            "then": [{"function": "truthy", "field": "host"}],
        },
        "oas2-api-schemes": {
            "description": 'OpenAPI host "schemes" must be present and non-empty array.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$",
            "then": [
                {
                    "function": "schema",
                    "field": "schemes",
                    "functionOptions": {
                        "dialect": "draft7",
                        "schema": {"items": {"type": "string"}, "minItems": 1, "type": "array"},
                    },
                }
            ],
        },
        "oas2-discriminator": {
            "description": "discriminator property must be defined and required",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$.definitions[?(@ && @.discriminator)]",
            "then": [{"function": "oasDiscriminator"}],
        },
        "oas2-host-not-example": {
            "description": "Host URL must not point at example.com.",
            "recommended": False,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$",
            "then": [{"function": "pattern", "field": "host", "functionOptions": {"notMatch": "example\\.com"}}],
        },
        "oas2-host-trailing-slash": {
            "description": "Server URL must not have trailing slash.",
            "recommended": True,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$",
            "then": [{"function": "pattern", "field": "host", "functionOptions": {"notMatch": "/$"}}],
        },
        "oas2-parameter-description": {
            "description": 'Parameter objects must have "description".',
            "recommended": False,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$..parameters[?(@ && @.in)]",
            "then": [{"function": "truthy", "field": "description"}],
        },
        "oas2-operation-security-defined": {
            "description": 'Operation "security" values must match a '
            'scheme defined in the "securityDefinitions" '
            "object.",
            "message": "{{error}}",
            "recommended": True,
            "resolved": True,
            "formats": ["oas2"],
            "given": "#SecurityRequirementObject",
            "then": [{"function": "oasSecurityDefined", "functionOptions": {"oasVersion": 2}}],
        },
        "oas2-valid-schema-example": {
            "description": "Examples must be valid against their defined schema.",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "formats": ["oas2"],
            "given": [
                "$..definitions..[?(@property !== 'properties' && @ && "
                "(@.example !== void 0 || @['x-example'] !== void 0 || "
                "@.default !== void 0) && (@.enum || @.type || @.format "
                "|| @.$ref || @.properties || @.items))]",
                "$..parameters..[?(@property !== 'properties' && @ && "
                "(@.example !== void 0 || @['x-example'] !== void 0 || "
                "@.default !== void 0) && (@.enum || @.type || @.format "
                "|| @.$ref || @.properties || @.items))]",
                "$..responses..[?(@property !== 'properties' && @ && "
                "(@.example !== void 0 || @['x-example'] !== void 0 || "
                "@.default !== void 0) && (@.enum || @.type || @.format "
                "|| @.$ref || @.properties || @.items))]",
            ],
            "then": [
                {"function": "oasExample", "functionOptions": {"schemaField": "$", "oasVersion": 2, "type": "schema"}}
            ],
        },
        "oas2-valid-media-example": {
            "description": "Examples must be valid against their defined schema.",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$..responses..[?(@ && @.schema && @.examples)]",
            "then": [
                {
                    "function": "oasExample",
                    "functionOptions": {"schemaField": "schema", "oasVersion": 2, "type": "media"},
                }
            ],
        },
        "oas2-anyOf": {
            "description": "anyOf is not available in OpenAPI v2, it was added in OpenAPI v3",
            "message": '"anyOf" keyword must not be used in OpenAPI v2 document.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$..anyOf",
            "then": [{"function": "undefined"}],
        },
        "oas2-oneOf": {
            "description": "oneOf is not available in OpenAPI v2, it was added in OpenAPI v3",
            "message": '"oneOf" keyword must not be used in OpenAPI v2 document.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas2"],
            "given": "$..oneOf",
            "then": [{"function": "undefined"}],
        },
        "oas2-schema": {
            "description": "Validate structure of OpenAPI v2 specification.",
            "message": "{{error}}.",
            "recommended": True,
            "severity": 0,
            "resolved": False,
            "formats": ["oas2"],
            "given": "$",
            "then": [{"function": "oasDocumentSchema"}],
        },
        "oas2-unused-definition": {
            "description": "Potentially unused definition has been detected.",
            "recommended": True,
            "resolved": False,
            "formats": ["oas2"],
            "given": "$.definitions",
            "then": [
                {
                    "function": "unreferencedReusableObject",
                    "functionOptions": {"reusableObjectsLocation": "#/definitions"},
                }
            ],
        },
        "oas3-api-servers": {
            "description": 'OpenAPI "servers" must be present and non-empty array.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas3"],
            "given": "$",
            "then": [
                {
                    "function": "schema",
                    "field": "servers",
                    "functionOptions": {
                        "dialect": "draft7",
                        "schema": {"items": {"type": "object"}, "minItems": 1, "type": "array"},
                    },
                }
            ],
        },
        "oas3-examples-value-or-externalValue": {
            "description": 'Examples must have either "value" or "externalValue" field.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas3"],
            "given": [
                "$.components.examples[*]",
                "$.paths[*][*]..content[*].examples[*]",
                "$.paths[*][*]..parameters[*].examples[*]",
                "$.components.parameters[*].examples[*]",
                "$.paths[*][*]..headers[*].examples[*]",
                "$.components.headers[*].examples[*]",
            ],
            "then": [{"function": "xor", "functionOptions": {"properties": ["externalValue", "value"]}}],
        },
        "oas3-operation-security-defined": {
            "description": 'Operation "security" values must match a '
            "scheme defined in the "
            '"components.securitySchemes" object.',
            "message": "{{error}}",
            "recommended": True,
            "resolved": True,
            "formats": ["oas3"],
            "given": "#SecurityRequirementObject",
            "then": [{"function": "oasSecurityDefined", "functionOptions": {"oasVersion": 3}}],
        },
        "oas3-parameter-description": {
            "description": 'Parameter objects must have "description".',
            "recommended": False,
            "resolved": True,
            "formats": ["oas3"],
            "given": [
                "#PathItem.parameters[?(@ && @.in)]",
                "#OperationObject.parameters[?(@ && @.in)]",
                "$.components.parameters[?(@ && @.in)]",
            ],
            "then": [{"function": "truthy", "field": "description"}],
        },
        "oas3-server-not-example.com": {
            "description": "Server URL must not point at example.com.",
            "recommended": False,
            "resolved": True,
            "formats": ["oas3"],
            "given": "$.servers[*].url",
            "then": [{"function": "pattern", "functionOptions": {"notMatch": "example\\.com"}}],
        },
        "oas3-server-trailing-slash": {
            "description": "Server URL must not have trailing slash.",
            "recommended": True,
            "resolved": True,
            "formats": ["oas3"],
            "given": "$.servers[*].url",
            "then": [{"function": "pattern", "functionOptions": {"notMatch": "./$"}}],
        },
        "oas3-valid-media-example": {
            "description": "Examples must be valid against their defined schema.",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "formats": ["oas3"],
            "given": [
                "$..content..[?(@ && @.schema && (@.example !== void 0 || @.examples))]",
                "$..headers..[?(@ && @.schema && (@.example !== void 0 || @.examples))]",
                "$..parameters..[?(@ && @.schema && (@.example !== void 0 || @.examples))]",
            ],
            "then": [
                {
                    "function": "oasExample",
                    "functionOptions": {"schemaField": "schema", "oasVersion": 3, "type": "media"},
                }
            ],
        },
        "oas3-valid-schema-example": {
            "description": "Examples must be valid against their defined schema.",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "formats": ["oas3"],
            "given": [
                "$.components.schemas..[?(@property !== 'properties' && @ "
                "&& (@ && @.example !== void 0 || @.default !== void 0) "
                "&& (@.enum || @.type || @.format || @.$ref || "
                "@.properties || @.items))]",
                "$..content..[?(@property !== 'properties' && @ && (@ && "
                "@.example !== void 0 || @.default !== void 0) && (@.enum "
                "|| @.type || @.format || @.$ref || @.properties || "
                "@.items))]",
                "$..headers..[?(@property !== 'properties' && @ && (@ && "
                "@.example !== void 0 || @.default !== void 0) && (@.enum "
                "|| @.type || @.format || @.$ref || @.properties || "
                "@.items))]",
                "$..parameters..[?(@property !== 'properties' && @ && (@ "
                "&& @.example !== void 0 || @.default !== void 0) && "
                "(@.enum || @.type || @.format || @.$ref || @.properties "
                "|| @.items))]",
            ],
            "then": [
                {"function": "oasExample", "functionOptions": {"schemaField": "$", "oasVersion": 3, "type": "schema"}}
            ],
        },
        "oas3-schema": {
            "description": "Validate structure of OpenAPI v3 specification.",
            "message": "{{error}}.",
            "recommended": True,
            "severity": 0,
            "resolved": False,
            "formats": ["oas3"],
            "given": "$",
            "then": [{"function": "oasDocumentSchema"}],
        },
        "oas3-unused-component": {
            "message": "Potentially unused component has been detected.",
            "recommended": True,
            "resolved": False,
            "formats": ["oas3"],
            "given": "$",
            "then": [{"function": "oasUnusedComponent"}],
        },
        "oas3-server-variables": {
            "description": "Server variables must be defined and valid and there must be no unused variables.",
            "message": "{{error}}",
            "recommended": True,
            "severity": 0,
            "resolved": True,
            "given": ["$.servers[*]", "#PathItem.servers[*]", "#OperationObject.servers[*]", "#LinkObject.server"],
            "then": [
                {"function": "serverVariables", "functionOptions": {"checkSubstitutions": True, "requireDefault": True}}
            ],
        },
        "oas3-callbacks-in-callbacks": {
            "message": "Callbacks should not be defined within a callback",
            "recommended": True,
            "resolved": True,
            "formats": ["oas3"],
            "given": ["#OperationObject.callbacks[*][*][*].callbacks"],
            "then": [{"function": "undefined"}],
        },
        "oas3_1-servers-in-webhook": {
            "message": "Servers should not be defined in a webhook.",
            "recommended": True,
            "resolved": True,
            "formats": ["oas3_1", "oas3_2"],
            "given": ["$.webhooks.servers", "$.webhooks[*][*].servers"],
            "then": [{"function": "undefined"}],
        },
        "oas3_1-callbacks-in-webhook": {
            "message": "Callbacks should not be defined in a webhook.",
            "recommended": True,
            "resolved": True,
            "formats": ["oas3_1", "oas3_2"],
            "given": ["$.webhooks[*][*].callbacks"],
            "then": [{"function": "undefined"}],
        },
        "oas3_2-no-deprecated-xml-attribute": {
            "message": '"xml.attribute" is deprecated in OAS 3.2; use "xml.nodeType: attribute" instead.',
            "recommended": True,
            "resolved": True,
            "formats": ["oas3_2"],
            "given": ["$..[?(@ && @.xml)].xml"],
            "then": [
                {
                    "function": "schema",
                    "functionOptions": {
                        "schema": {"not": {"properties": {"attribute": {"const": True}}, "required": ["attribute"]}}
                    },
                }
            ],
        },
    },
}
