"""API routes whose answers are encoded as JSON in the thread that computed them.

FastAPI runs a plain (``def``) endpoint in a worker thread, then hands its answer to a second
worker-thread call that validates it against the return annotation, and encodes it on the event
loop's side. For answers that are plain dicts (``dict[str, Any]``) the validation checks nothing a
test would not, and each hand-over between threads costs CPU that a cold request at 20 clients on
2 cores cannot spare. ``EncodedRoute`` wraps such an endpoint so that it returns the JSON bytes
itself, made by the same pydantic serializer FastAPI uses (byte-identical answers), while FastAPI
still reads the endpoint's parameters and return annotation (the OpenAPI schema is unchanged).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from fastapi.datastructures import DefaultPlaceholder
from fastapi.dependencies.utils import get_typed_return_annotation
from fastapi.routing import APIRoute
from pydantic import TypeAdapter
from starlette.responses import Response


class EncodedRoute(APIRoute):
    """A route whose plain endpoint, with a return annotation and no response_model or
    response_class or status code of its own, returns its answer as JSON bytes (``application/json``)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if (not inspect.iscoroutinefunction(endpoint) and kwargs.get("status_code") is None
                and isinstance(kwargs.get("response_model", DefaultPlaceholder(None)), DefaultPlaceholder)
                and isinstance(kwargs.get("response_class", DefaultPlaceholder(None)), DefaultPlaceholder)):
            annotation = get_typed_return_annotation(endpoint)
            if annotation is not None and not (inspect.isclass(annotation) and issubclass(annotation, Response)):
                endpoint = _encoding(endpoint, TypeAdapter(annotation))
        super().__init__(path, endpoint, **kwargs)


def _encoding(endpoint: Callable[..., Any], adapter: TypeAdapter) -> Callable[..., Any]:
    @functools.wraps(endpoint)  # (FastAPI reads the parameters and annotations through __wrapped__)
    def encoded(*args: Any, **kwargs: Any) -> Any:
        answer = endpoint(*args, **kwargs)
        if isinstance(answer, Response):
            return answer
        # (as FastAPI's own fast path: by alias, everything included)
        return Response(adapter.dump_json(answer, by_alias=True), media_type="application/json")

    return encoded
