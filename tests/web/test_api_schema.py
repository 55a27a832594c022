"""The OpenAPI document describes every field the API returns: no bare "object" answers."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

Schema = dict[str, Any]


def resolve(schema: Schema, doc: Schema) -> Schema:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = doc["components"]["schemas"][name]
    return schema


def undocumented(value: Any, schema: Schema, doc: Schema, where: str) -> list[str]:
    """Every key of ``value`` that the schema does not name, with its path."""
    schema = resolve(schema, doc)
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        found = [undocumented(value, o, doc, where) for o in options if o.get("type") != "null"]
        return min(found, key=len) if found else []
    if isinstance(value, dict):
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        if properties is None and isinstance(extra, dict):  # a mapping of named values
            return [
                p for k, v in value.items() for p in undocumented(v, extra, doc, f"{where}.{k}")
            ]
        if properties is None:
            return [f"{where}: an object without properties"]
        missing = [f"{where}.{k}" for k in value if k not in properties]
        return missing + [
            p
            for k, v in value.items()
            if k in properties
            for p in undocumented(v, properties[k], doc, f"{where}.{k}")
        ]
    if isinstance(value, list):
        items = schema.get("items", {})
        return [
            p for i, v in enumerate(value) for p in undocumented(v, items, doc, f"{where}[{i}]")
        ]
    return []


CASES = [
    ("get", "/api/points", "/api/points", None),
    ("get", "/api/points/B47", "/api/points/{code}", None),
    (
        "post",
        "/api/plan",
        "/api/plan",
        {"areas": ["neck", "lower-back"], "pregnant": True, "red_flags": []},
    ),
    ("post", "/api/plan", "/api/plan", {"areas": ["neck"], "red_flags": ["fever"]}),
]


@pytest.mark.parametrize(("method", "url", "path", "body"), CASES)
def test_every_returned_field_is_in_the_openapi_document(
    client: Client, method: str, url: str, path: str, body: dict[str, Any] | None
) -> None:
    doc = client.get("/api/openapi.json").json()
    if method == "get":
        answer = client.get(url)
    else:
        answer = client.post(url, body, content_type="application/json")
    assert answer.status_code == 200
    schema = doc["paths"][path][method]["responses"]["200"]["content"]["application/json"]
    assert not undocumented(answer.json(), schema["schema"], doc, "$")
