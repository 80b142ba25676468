"""Request forms the live service accepts beyond the canonical ones, as openapi.yaml marks them.

The contract stays canonical where a client reads it (the generated client keeps its types:
``strJobManagerID`` an ``int``, ``mapAppJobInfo`` members ``str``) and marks a request value the
live service also takes in another form with ``x-also-accepts``: a JSON Schema of those forms.
The live service is Java/Spring: Jackson reads a digit string into a ``Long`` and writes JSON
scalars into a ``Map<String, String>`` as text. Whatever must accept what the live service
accepts (the mock's validation, the contract suite's idea of an invalid request) reads the spec
through ``widen``, which turns each marked schema into ``anyOf`` the canonical and the extra forms.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ALSO_ACCEPTS", "jackson_text", "widen"]

#: The vendor extension naming the extra forms of a request value.
ALSO_ACCEPTS = "x-also-accepts"


def widen(node: Any) -> Any:
    """A copy of ``node`` (a spec or any part of it) with every ``x-also-accepts`` applied."""
    if isinstance(node, list):
        return [widen(item) for item in node]
    if not isinstance(node, dict):
        return node
    canonical = {key: widen(value) for key, value in node.items() if key != ALSO_ACCEPTS}
    if ALSO_ACCEPTS not in node:
        return canonical
    return {"anyOf": [canonical, widen(node[ALSO_ACCEPTS])]}


def jackson_text(value: Any) -> Any:
    """What Jackson stores for a JSON scalar in a string map: ``true``, ``1``, ``1.0``.

    Objects and arrays are left as they are (the live service refuses them, and so does the
    spec); ``None`` stays ``None``.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if ("." in text or "e" in text or "n" in text) else text + ".0"
    return value
