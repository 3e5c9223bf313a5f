"""Extraction as tasks on a Dask distributed cluster (``kg build --scheduler``).

Extraction is an independent map over papers, so past one machine it runs on an existing
engine, :mod:`dask.distributed`, rather than on a scheduler of our own:

* the client cuts the papers into batches and submits each as a task (``retries=`` on
  submit: a batch whose task fails is run again; a batch whose worker dies is rescheduled
  by Dask on another worker, up to ``distributed.scheduler.allowed-failures`` deaths);
* each worker process loads the spaCy pipeline once (:class:`PipelinePlugin` at worker
  start, :func:`worker_pipeline` as the per-process cache), runs the whole pipeline and
  :func:`extractors.pipeline.doc_to_extraction` on its batch and sends back
  :class:`PaperExtraction` objects, never Docs;
* the client keeps a bounded window of batches in flight (the scheduler never holds the
  whole corpus), yields the extractions in input order and shows progress as batches
  complete.

``scheduler`` is a scheduler address (``tcp://10.0.0.5:8786``, ``10.0.0.5:8786``), a
scheduler file written by ``dask scheduler --scheduler-file`` (a path ending in ``.json``),
or ``local:N`` for a :class:`distributed.LocalCluster` of N worker processes on this machine
(one thread each, loopback only, no dashboard). Every worker needs ``kg`` installed: the
pipeline and its trained weights load there.
"""
from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from dataclasses import dataclass

from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.scheduler import KilledWorker

from extractors.pipeline import DEFAULT_EXTRACTOR, _batches, extract_papers, load_extractor
from schema import Paper, PaperExtraction
from schema.errors import ExtractionError, InputError, KGError

logger = logging.getLogger(__name__)

#: Times a batch whose task raised is submitted again (worker deaths are counted by Dask apart).
DEFAULT_RETRIES = 3
#: Batches in flight per worker thread: enough to keep every worker busy between round trips.
IN_FLIGHT_PER_THREAD = 3
#: Seconds to wait for a remote scheduler to answer.
CONNECT_TIMEOUT = 30

_PIPELINES: dict[tuple[int, str], object] = {}  # (process id, extractor) -> that worker process's pipeline


# ----------------------------------------------------------------------- worker side


def worker_pipeline(extractor: str = DEFAULT_EXTRACTOR):
    """The extraction pipeline of this process, loaded on first use and kept (one per process
    and extractor).

    Keyed by process id, so a forked child never uses a pipeline it did not load itself.
    """
    key = (os.getpid(), extractor)
    if key not in _PIPELINES:
        for old in [k for k in _PIPELINES if k[0] != key[0]]:
            del _PIPELINES[old]
        _PIPELINES[key] = load_extractor(extractor)
    return _PIPELINES[key]


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts (also a worker that replaces a dead one)."""

    name = "kg-extraction-pipeline"

    def __init__(self, extractor: str = DEFAULT_EXTRACTOR):
        self.extractor = extractor

    def setup(self, worker) -> None:
        worker_pipeline(self.extractor)


def extract_batch(papers: list[Paper], extractor: str = DEFAULT_EXTRACTOR) -> list[PaperExtraction]:
    """The task: one batch of papers in, their extractions out (run on a worker).

    Example:
        >>> [e.paper.id for e in extract_batch([Paper(id="p1", title="T", abstract="We use GSM8K.")])]  # doctest: +SKIP
        ['p1']
    """
    return list(extract_papers(papers, nlp=worker_pipeline(extractor), batch_size=max(1, len(papers))))


# ----------------------------------------------------------------------- client side


@dataclass(frozen=True)
class SchedulerSpec:
    """What ``--scheduler`` asked for: a local cluster of ``workers`` processes, an address or a file."""

    workers: int | None = None
    address: str | None = None
    scheduler_file: str | None = None


def parse_scheduler(text: str) -> SchedulerSpec:
    """Read a ``--scheduler`` value.

    Raises:
        InputError: ``local:N`` with N not a positive integer, or an empty value.

    Example:
        >>> parse_scheduler("local:2")
        SchedulerSpec(workers=2, address=None, scheduler_file=None)
        >>> parse_scheduler("10.0.0.5:8786").address
        'tcp://10.0.0.5:8786'
    """
    value = (text or "").strip()
    if not value:
        raise InputError("empty --scheduler: give ADDRESS (tcp://host:8786), a scheduler file (.json) or local:N")
    if value == "local" or value.startswith("local:"):
        count = value.partition(":")[2] or str(os.cpu_count() or 1)
        if not count.isdigit() or int(count) < 1:
            raise InputError(f"bad --scheduler {value!r}: local:N needs N worker processes, e.g. local:2")
        return SchedulerSpec(workers=int(count))
    if value.endswith(".json"):
        return SchedulerSpec(scheduler_file=value)
    return SchedulerSpec(address=value if "://" in value else f"tcp://{value}")


@contextmanager
def open_client(scheduler: str, extractor: str = DEFAULT_EXTRACTOR) -> Iterator[Client]:
    """A :class:`distributed.Client` for ``scheduler``, with the pipeline plugin registered.

    ``local:N`` starts (and afterwards stops) a LocalCluster of N single-threaded worker
    processes bound to 127.0.0.1; an address or scheduler file connects to a running cluster.

    Raises:
        ExtractionError: no scheduler answers at that address, or the workers cannot load the pipeline.
    """
    spec = parse_scheduler(scheduler)
    cluster = None
    try:
        if spec.workers is not None:
            cluster = LocalCluster(n_workers=spec.workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address="127.0.0.1:0")
            client = Client(cluster)
        elif spec.scheduler_file is not None:
            client = Client(scheduler_file=spec.scheduler_file, timeout=CONNECT_TIMEOUT)
        else:
            client = Client(spec.address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        if cluster is not None:
            cluster.close()
        raise ExtractionError(
            f"no Dask scheduler at {scheduler!r} ({type(err).__name__}: {str(err).splitlines()[0][:120] if str(err) else ''}): "
            "start one with 'dask scheduler' and workers with 'dask worker ADDRESS', or use --scheduler local:N"
        ) from err
    try:
        _register_pipeline(client, scheduler, extractor)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _register_pipeline(client: Client, scheduler: str, extractor: str = DEFAULT_EXTRACTOR) -> None:
    """Load the pipeline on every worker now (and on every worker that joins later)."""
    try:
        client.register_plugin(PipelinePlugin(extractor), name=PipelinePlugin.name)
    except Exception as err:  # noqa: BLE001 - a worker's traceback becomes one line
        raise ExtractionError(
            f"the workers of {scheduler!r} cannot load the kg pipeline ({type(err).__name__}: {str(err)[:160]}): "
            "install the same kg on every worker ('pip install kg') and restart them"
        ) from err


def map_batches(
    client: Client,
    papers: Iterable[Paper],
    task: Callable[[list[Paper]], list[PaperExtraction]] = extract_batch,
    *,
    batch_size: int = 64,
    retries: int = DEFAULT_RETRIES,
    progress: bool = True,
    total: int | None = None,
) -> Iterator[PaperExtraction]:
    """Run ``task`` over batches of ``papers`` on ``client``'s cluster; yields results in input order.

    At most :data:`IN_FLIGHT_PER_THREAD` batches per worker thread are submitted at a time;
    ``progress`` shows a bar of papers done as batches complete (``total`` papers expected).

    Raises:
        ExtractionError: a batch failed ``retries + 1`` times, or killed too many workers.
    """
    from tqdm import tqdm

    window = max(2, IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values())))
    batches = enumerate(_batches(papers, batch_size))
    running = as_completed()
    index_of: dict[str, int] = {}
    done: dict[int, list[PaperExtraction]] = {}
    next_out = 0
    run = uuid.uuid4().hex[:8]
    bar = tqdm(total=total, unit="paper", desc="extracting (dask)",
               disable=not progress or (total is not None and total < 50))

    def submit_next() -> bool:
        item = next(batches, None)
        if item is None:
            return False
        i, batch = item
        future = client.submit(task, batch, retries=retries, pure=False, key=f"kg-extract-{run}-{i}")
        index_of[future.key] = i
        running.add(future)
        return True

    try:
        for _ in range(window):
            if not submit_next():
                break
        for future in running:
            extractions = _result(future, index_of[future.key], batch_size)
            done[index_of.pop(future.key)] = extractions
            bar.update(len(extractions))
            submit_next()
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
    finally:
        bar.close()
        for future in list(running.futures):
            future.cancel()


def _result(future, index: int, batch_size: int) -> list[PaperExtraction]:
    """The extractions of a finished batch, or a one-line :class:`ExtractionError`."""
    first = index * batch_size + 1
    where = f"batch {index} (papers {first}-{first + batch_size - 1} of this build)"
    try:
        return future.result()
    except KilledWorker as err:
        raise ExtractionError(
            f"{where} killed every worker that ran it ({err}): look for a paper that exhausts memory, "
            "or give the workers more memory ('dask worker --memory-limit')"
        ) from err
    except KGError as err:
        raise ExtractionError(f"{where}: {err}") from err
    except Exception as err:  # noqa: BLE001 - a worker's traceback becomes one line naming the batch
        raise ExtractionError(
            f"{where} failed on the cluster after its retries ({type(err).__name__}: {str(err)[:160]}): "
            "check that every worker has the same kg installed ('pip install kg')"
        ) from err


def extract_on_cluster(
    papers: Iterable[Paper],
    scheduler: str,
    *,
    batch_size: int = 64,
    progress: bool = True,
    retries: int = DEFAULT_RETRIES,
    extractor: str = DEFAULT_EXTRACTOR,
) -> Iterator[PaperExtraction]:
    """Extract ``papers`` on the Dask cluster ``scheduler``; yields one extraction per paper, in order.

    The same extractions as :func:`extractors.pipeline.extract_papers` on this machine; the
    cluster (a LocalCluster for ``local:N``) is connected for the duration of the iteration.

    Example:
        >>> papers = [Paper(id="p1", title="T", abstract="We use GSM8K.")]
        >>> [e.paper.id for e in extract_on_cluster(papers, "local:2", progress=False)]  # doctest: +SKIP
        ['p1']
    """
    papers = list(papers)
    if not papers:
        return
    with open_client(scheduler, extractor) as client:
        yield from map_batches(client, papers, partial(extract_batch, extractor=extractor), batch_size=batch_size,
                               retries=retries, progress=progress, total=len(papers))
