"""The benchmark harness (scripts/bench.py): a tiny real run, and its measuring parts.

No timing is asserted: the figures must be produced (numbers > 0), never fast.
"""
from __future__ import annotations

import gzip
import importlib.util
import itertools
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
    return load_script("bench.py", "kg_bench_script")


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    path = shared_dir / "corpora" / "abstracts.jsonl.gz"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the benchmark reads the shared corpus in place")
    return path


@pytest.fixture(scope="module")
def smoke_run(corpus: Path, tmp_path_factory) -> dict:
    """One real run of the harness over the first 20 abstracts; its JSON, stdout and doc."""
    tmp = tmp_path_factory.mktemp("bench")
    cmd = [sys.executable, str(SCRIPT), "--sizes", "20", "--corpus", str(corpus), "--out-dir", str(tmp / "out"),
           "--json", str(tmp / "bench.json"), "--doc", str(tmp / "benchmarks.md"), "--repeat", "2"]
    res = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert res.returncode == 0, res.stderr
    return {"report": json.loads((tmp / "bench.json").read_text()), "stdout": res.stdout, "stderr": res.stderr,
            "doc": (tmp / "benchmarks.md").read_text(), "out": tmp / "out"}


def _assert_figure(value, what: str) -> None:
    assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{what} not measured: {value}"
    assert value > 0, f"{what} = {value}"


@pytest.mark.slow
@pytest.mark.parametrize("key", ["wall_s", "abstracts_per_s", "cpu_s", "peak_rss_mb", "peak_rss_max_process_mb",
                                 "store_mb"])
def test_smoke_build_figures(smoke_run, key):
    (size,) = smoke_run["report"]["sizes"]
    assert size["n"] == 20
    _assert_figure(size["build"][key], f"build {key}")


@pytest.mark.slow
@pytest.mark.parametrize("key", ["wall_s", "abstracts_per_s", "cpu_s", "pipe_abstracts_per_s", "load_s", "tokens",
                                 "peak_rss_mb"])
def test_smoke_bare_figures(smoke_run, key):
    (size,) = smoke_run["report"]["sizes"]
    _assert_figure(size["bare"][key], f"bare {key}")


@pytest.mark.slow
def test_smoke_bare_runs_the_full_pipeline(smoke_run):
    (size,) = smoke_run["report"]["sizes"]
    assert {"ner", "lemmatizer", "parser", "tagger"} <= set(size["bare"]["pipeline"])


@pytest.mark.slow
def test_smoke_ratio_and_graph(smoke_run):
    report = smoke_run["report"]
    (size,) = report["sizes"]
    _assert_figure(size["ratio_build_over_bare"], "ratio")
    _assert_figure(size["ratio_cpu_build_over_bare"], "CPU ratio")
    assert size["ratio_cpu_build_over_bare"] == pytest.approx(size["build"]["cpu_s"] / size["bare"]["cpu_s"])
    assert size["ratio_build_over_bare"] == pytest.approx(
        size["build"]["abstracts_per_s"] / size["bare"]["abstracts_per_s"])
    assert report["graph_n"] == 20
    _assert_figure(size["build"]["nodes"], "graph nodes")  # at least the 20 papers
    assert size["build"]["nodes"] >= 20
    assert (smoke_run["out"] / "build-20").is_dir()


@pytest.mark.slow
def test_smoke_queries(smoke_run):
    queries = smoke_run["report"]["queries"]
    if importlib.util.find_spec("kg.stores.queries") is None:
        assert queries["open_s"].startswith("n/a (") and "kg.stores.queries" in queries["open_s"]
        return
    _assert_figure(queries["open_s"], "store open time")
    assert queries["queries"], "no named query was timed"
    for q in queries["queries"]:
        _assert_figure(q["first_ms"], f"query {q['name']}")
        _assert_figure(q["median_ms"], f"query {q['name']}")


@pytest.mark.slow
def test_smoke_html(smoke_run):
    html = smoke_run["report"]["html"]
    if importlib.util.find_spec("kg.views.html") is None:
        assert html["seconds"].startswith("n/a (") and "kg.views.html" in html["seconds"]
        return
    for key in ("seconds", "html_mb", "graph_nodes"):
        _assert_figure(html[key], f"html {key}")
    assert html["max_nodes"] == 5000


@pytest.mark.slow
def test_smoke_machine_and_outputs(smoke_run):
    report = smoke_run["report"]
    machine = report["machine"]
    _assert_figure(machine["nproc"], "nproc")
    _assert_figure(machine["memory_gb"], "memory")
    assert machine["spacy"].startswith("3.8")
    assert "--sizes 20" in report["command"]
    for text in (smoke_run["stdout"], smoke_run["doc"]):
        assert "kg build: abstracts/s" in text and "N=20" in text
    assert report["command"] in smoke_run["doc"]
    assert "Traceback" not in smoke_run["stderr"]


def test_write_subset_is_the_first_n_abstracts(bench, corpus, tmp_path):
    path = tmp_path / "first.jsonl"
    assert bench.write_subset(corpus, 25, path) == 25
    import pandas as pd

    written = pd.read_json(path, lines=True)
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        expected = [json.loads(line) for line in itertools.islice(fh, 25)]
    assert list(written.columns) == ["id", "title", "abstract"]
    assert written["id"].tolist() == [r["id"] for r in expected]
    assert written["abstract"].tolist() == [r["abstract"] for r in expected]


def test_corpus_reader_is_a_generator(bench, corpus):
    records = bench.iter_corpus(corpus)
    assert iter(records) is records  # streamed, not a list of 52k texts
    assert set(next(records)) == {"id", "title", "abstract"}
    records.close()


def test_bad_corpus_lines_are_skipped_with_a_warning(bench, tmp_path, capsys):
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "a", "title": "T", "abstract": "One."}\nnot json\n{"id": "b", "title": "U"}\n'
                 '{"id": "c", "title": "V", "abstract": "Two."}\n')
    assert [r["id"] for r in bench.iter_corpus(path)] == ["a", "c"]
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"warning: {path}:2: not JSON") and err[1].startswith(f"warning: {path}:3: no 'abstract'")


def test_missing_corpus_exits_2_with_one_line(tmp_path):
    missing = tmp_path / "none.jsonl.gz"
    cmd = [sys.executable, str(SCRIPT), "--sizes", "5", "--corpus", str(missing), "--out-dir", str(tmp_path / "out"),
           "--no-doc"]
    res = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and str(missing) in res.stderr and "--corpus" in res.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("text", "sizes"), [("1000,5000,20000,all", [1000, 5000, 20000, None]),
                                             ("all,20, 5", [5, 20, None]), ("7,7", [7])])
def test_parse_sizes(bench, text, sizes):
    assert bench.parse_sizes(text) == sizes


@pytest.mark.parametrize("text", ["0", "-5", "1k", "", ","])
def test_parse_sizes_refuses(bench, text):
    with pytest.raises(Exception, match="size"):
        bench.parse_sizes(text)


def test_peak_rss_counts_the_process_tree(bench):
    pytest.importorskip("psutil")
    # two children hold ~120 MiB each at the same time (the tree holds more than either),
    # and each burns 0.3 s of CPU (counted once they are waited for)
    child = ("import time; b = b'x' * (120 * 2**20); t = time.time()\n"
             "while time.process_time() < 0.3: pass\n"
             "time.sleep(max(0.0, 1.5 - (time.time() - t)))")
    parent = (f"import subprocess, sys; ps = [subprocess.Popen([sys.executable, '-c', {child!r}]) for _ in range(2)]; "
              "[p.wait() for p in ps]")
    run = bench.run_measured([sys.executable, "-c", parent])
    assert run.returncode == 0, run.stderr
    assert run.peak_process_rss_mb >= 120
    assert run.peak_tree_rss_mb >= 240
    assert run.peak_rss_mb == max(run.peak_tree_rss_mb, run.peak_process_rss_mb)
    assert run.cpu_s >= 0.6 * 0.95
    _assert_figure(run.wall_s, "wall time")


def test_failed_build_is_reported_not_raised(bench, tmp_path):
    subset = tmp_path / "missing.jsonl"  # kg build refuses a missing input
    result = bench.measure_build(subset, 3, tmp_path / "out", 1)
    for key in bench.BUILD_KEYS:
        assert result[key].startswith("n/a (kg build failed, exit ")


def test_update_doc_rewrites_only_the_generated_section(bench, tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Mine\n\nhand-written notes\n\n{bench.DOC_START}\nold table\n{bench.DOC_END}\n\ntrailer\n")
    reason = bench.na("not measured in this test")
    report = {
        "command": "python scripts/bench.py --sizes 3", "date": "today",
        "machine": bench.machine_info(), "settings": {"workers": 2, "batch_size": 64, "repeat": 1},
        "sizes": [{"n": 3, "build": {k: reason for k in bench.BUILD_KEYS},
                   "bare": {k: 1.5 for k in bench.BARE_KEYS}, "ratio_build_over_bare": reason}],
        "graph_n": None, "queries": {k: reason for k in bench.QUERY_KEYS},
        "html": {k: reason for k in bench.HTML_KEYS},
    }
    bench.update_doc(doc, report)
    bench.update_doc(doc, report)  # idempotent: one generated section
    text = doc.read_text()
    assert text.startswith("# Mine\n\nhand-written notes\n") and text.rstrip().endswith("trailer")
    assert "old table" not in text and text.count(bench.DOC_END) == 1
    assert "| bare spaCy: abstracts/s | 1.5 |" in text
    assert "[1] n/a (not measured in this test)" in text
