"""Parsing on Ray: one actor per worker, each holding one loaded Pipeline, mapped over batches.

``analyze_on_ray`` connects to Ray (an existing cluster when ``address`` or the
``RAY_ADDRESS`` variable names one, ``ray://head:10001`` through Ray Client;
otherwise a local Ray instance it starts and stops), starts the actors, and
yields each batch's analyses back to the caller, at most two batches per actor
in flight so memory stays flat. The caller (``whodid.batch``) stays the single
database writer. Every node needs whodid installed (the same version): the
actors import it there and load its bundled models and data.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from whodid.config import PipelineConfig
from whodid.ingest import Record
from whodid.knowledge import Resources
from whodid.model import Analysis


class ClusterError(RuntimeError):
    """Ray is missing, or the cluster cannot be reached, with what to do about it."""


class _Analyzer:
    """The actor: the pipeline is built once, when the actor starts."""

    def __init__(self, config, resources, homes=None):
        from whodid.pipeline import Pipeline

        self.pipeline = Pipeline(config, resources=resources, homes=homes)

    def analyze(self, records: list[Record]) -> list[tuple[Analysis, str]]:
        # an article whose parse or stage fails comes back as a Rejected (whodid.batch stores it as a failure)
        return [(analysis, record.origin) for record, analysis in self.pipeline.analyze_isolated(records)]


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise ClusterError('--engine ray needs Ray: pip install "whodid[ray]"') from exc
    return ray


def connect(address: str | None) -> bool:
    """Connect to Ray unless already connected; True when this call did (and so should shut it down)."""
    ray = _ray()
    if ray.is_initialized():
        return False
    address = address or os.environ.get("RAY_ADDRESS") or None
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(include_dashboard=False, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ClusterError(f"cannot connect to Ray at {address or 'a new local instance'}: {exc}") from exc
    return True


def analyze_on_ray(batches: Iterable[tuple[list[Record], Any]], workers: int | None,
                   config: PipelineConfig | None, resources: Resources | None,
                   address: str | None = None, homes=None) -> Iterator[tuple[list[tuple[Analysis, str]], Any]]:
    """``(records, tag)`` batches in, ``(analyses, tag)`` out, in the order they finish.
    ``workers``: actors to start (default: one per CPU of the cluster); ``homes``: the papers'
    homes learnt beforehand, the same table in every actor."""
    ray = _ray()
    started = connect(address)
    try:
        if not workers:
            workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        actor_class = ray.remote(num_cpus=1)(_Analyzer)
        actors: list = []  # started at the first batch with work: a run with nothing new starts none
        load = {i: 0 for i in range(workers)}
        pending: dict[Any, tuple[int, Any]] = {}

        def finish_one() -> tuple[list, Any]:
            [ref], _ = ray.wait(list(pending), num_returns=1)
            index, tag = pending.pop(ref)
            load[index] -= 1
            return ray.get(ref), tag

        try:
            for records, tag in batches:
                if not records:
                    yield [], tag
                    continue
                if not actors:
                    actors = [actor_class.remote(config, resources, homes) for _ in range(workers)]
                index = min(load, key=load.get)  # the least busy actor
                pending[actors[index].analyze.remote(records)] = (index, tag)
                load[index] += 1
                while len(pending) >= 2 * workers:
                    yield finish_one()
            while pending:
                yield finish_one()
        finally:
            for actor in actors:  # also drops the batches still queued on it
                ray.kill(actor)
    finally:
        if started:
            ray.shutdown()
