"""Extraction on a Dask cluster: a real LocalCluster of 2 worker processes on loopback.

The graph built through the cluster must equal the local build, and a batch whose worker
dies must be redone. Each worker process loads the spaCy pipeline (~400 MB each).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extractors.distributed import SchedulerSpec, extract_batch, map_batches, parse_scheduler
from schema.errors import ExtractionError, InputError


# --------------------------------------------------------------------- no cluster needed


@pytest.mark.parametrize("text, spec", [
    ("local:2", SchedulerSpec(workers=2)),
    (" local:16 ", SchedulerSpec(workers=16)),
    ("10.0.0.5:8786", SchedulerSpec(address="tcp://10.0.0.5:8786")),
    ("tls://head.example.org:8786", SchedulerSpec(address="tls://head.example.org:8786")),
    ("/shared/scheduler.json", SchedulerSpec(scheduler_file="/shared/scheduler.json")),
])
def test_parse_scheduler(text, spec):
    assert parse_scheduler(text) == spec


@pytest.mark.parametrize("text", ["local:0", "local:two", "local:-1", "", "   "])
def test_parse_scheduler_rejects_bad_values(text):
    with pytest.raises(InputError, match="scheduler"):
        parse_scheduler(text)


def test_no_scheduler_at_address_is_one_line(monkeypatch):
    import extractors.distributed as dist
    from schema import Paper

    monkeypatch.setattr(dist, "CONNECT_TIMEOUT", 2)  # a closed loopback port: fail fast
    papers = [Paper(id="p1", title="T", abstract="We use GSM8K.")]
    with pytest.raises(ExtractionError, match="no Dask scheduler at '127.0.0.1:9'") as err:
        list(dist.extract_on_cluster(papers, "127.0.0.1:9", progress=False))
    assert "\n" not in str(err.value)


# --------------------------------------------------------------------- on a LocalCluster


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes, loopback only, the pipeline loaded in each."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as local:
        yield local


def _sorted_export(G, path: Path) -> dict:
    """The graph as ``kg export --format json`` writes it, nodes and edges sorted."""
    from kg.views.export import write

    data = json.loads(write(G, "json", path).read_text(encoding="utf-8"))
    return {
        "nodes": sorted(data["nodes"], key=lambda n: n["id"]),
        "edges": sorted(data["edges"], key=lambda e: json.dumps(e, sort_keys=True)),
    }


@pytest.mark.slow
def test_seeds_graph_through_cluster_equals_local_build(cluster, seeds_dir, tmp_path):
    from kg.out import load_graph
    from kg.pipeline import build

    seeds = sorted(seeds_dir.glob("*.txt"))
    local = build(seeds, tmp_path / "local", progress=False)
    remote = build(seeds, tmp_path / "dask", progress=False, scheduler=cluster.scheduler_address, batch_size=32)
    assert remote.papers_new == local.papers_new > 300
    a = _sorted_export(load_graph(tmp_path / "local"), tmp_path / "local.json")
    b = _sorted_export(load_graph(tmp_path / "dask"), tmp_path / "dask.json")
    assert len(a["edges"]) > 1000
    assert a == b
    again = build(seeds, tmp_path / "dask", progress=False, scheduler=cluster.scheduler_address)
    assert again.papers_new == 0  # the incremental cache is honoured: nothing is sent


@pytest.mark.slow
def test_batch_whose_worker_dies_is_redone(cluster, seeds_dir, tmp_path, nlp):
    from distributed import Client

    from extractors.pipeline import extract_papers
    from kg.sources import read_papers

    papers = list(read_papers(sorted(seeds_dir.glob("*.txt"))))[:40]
    marker = str(tmp_path / "died")

    def dies_once(batch):
        """The first batch to run kills its worker process; every run after extracts normally."""
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return extract_batch(batch)
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        os._exit(1)

    with Client(cluster) as client:
        got = list(map_batches(client, papers, dies_once, batch_size=8, progress=False))
        alive = set(client.run(os.getpid).values())
    dead = int(Path(marker).read_text())
    assert dead not in alive  # the worker that ran the first batch really died
    expected = list(extract_papers(papers, nlp=nlp))
    assert [e.paper.id for e in got] == [p.id for p in papers]
    assert got == expected
