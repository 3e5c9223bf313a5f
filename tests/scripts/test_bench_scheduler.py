"""The ``--scheduler`` comparison of scripts/bench.py: a tiny real run on a LocalCluster, and its report.

No timing is asserted: the figures must be produced, never fast.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "bench.py"


@pytest.fixture(scope="module")
def bench(load_script):
    """scripts/bench.py imported as a module."""
    return load_script("bench.py", "kg_bench_scheduler_script")


def _record(bench, n: int, local_wall: float, dask_wall: float, same: bool) -> dict:
    run = {k: 1.0 for k in bench.SCHEDULER_KEYS}
    local, remote = run | {"wall_s": local_wall}, run | {"wall_s": dask_wall}
    return {"n": n, "load_average_before": [1.0], "local": local, "dask": remote,
            "overhead": bench.overhead(local, remote), "identical_graph": same,
            "seconds_per_paper": dask_wall / n}


def _report(bench, records: list[dict]) -> dict:
    machine = {k: "x" for k in ("nproc", "cpu", "memory_gb", "python", "spacy", "dask", "kg", "git", "os")}
    return {"command": "python scripts/bench.py --scheduler local:2", "date": "today", "machine": machine,
            "settings": {"workers": 2, "batch_size": 64, "scheduler": "local:2"}, "sizes": records}


@pytest.mark.parametrize("local, remote, expected", [(100.0, 110.0, 0.10), (50.0, 40.0, -0.20)])
def test_overhead_is_extra_wall_time(bench, local, remote, expected):
    assert bench.overhead({"wall_s": local}, {"wall_s": remote}) == pytest.approx(expected)


def test_overhead_without_a_wall_time_is_na(bench):
    assert bench.overhead({"wall_s": "n/a (build failed)"}, {"wall_s": 3.0}).startswith("n/a")


def test_scale_doc_section_is_replaced_not_appended(bench, tmp_path):
    doc = tmp_path / "scale.md"
    doc.write_text("# Running at scale\n\nkept text\n\n" + bench.DOC_START + "\nold\n" + bench.DOC_END + "\n\nafter\n")
    report = _report(bench, [_record(bench, 1000, 20.0, 23.0, True), _record(bench, 5000, 80.0, 60.0, False)])
    bench.update_doc(doc, report, bench.scheduler_section, bench.SCALE_TITLE)
    bench.update_doc(doc, report, bench.scheduler_section, bench.SCALE_TITLE)
    text = doc.read_text()
    assert text.count(bench.DOC_START) == 1 and "old" not in text
    assert text.startswith("# Running at scale\n\nkept text") and text.rstrip().endswith("after")
    overhead_row = next(line for line in text.splitlines() if line.startswith("| overhead of dask"))
    assert overhead_row.split("|")[2:4] == [" 15.0 ", " -25.0 "]
    same_row = next(line for line in text.splitlines() if line.startswith("| identical graphs"))
    assert same_row.split("|")[2:4] == [" yes ", " no "]


@pytest.mark.slow
def test_tiny_scheduler_run(shared_dir, tmp_path):
    corpus = shared_dir / "corpora" / "abstracts.jsonl.gz"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is absent: the benchmark reads the shared corpus in place")
    out = tmp_path / "bench"
    res = subprocess.run([sys.executable, str(SCRIPT), "--sizes", "30", "--scheduler", "local:2", "--corpus",
                          str(corpus), "--out-dir", str(out), "--no-doc"],
                         capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert res.returncode == 0, res.stderr[-2000:]
    report = json.loads((out / "bench-scheduler.json").read_text())
    (record,) = report["sizes"]
    assert record["n"] == 30
    assert record["identical_graph"] is True
    for side in ("local", "dask"):
        for key in ("wall_s", "abstracts_per_s", "build_s", "nodes", "edges"):
            value = record[side][key]
            assert isinstance(value, (int, float)) and value > 0, (side, key, value)
    assert isinstance(record["overhead"], float)
