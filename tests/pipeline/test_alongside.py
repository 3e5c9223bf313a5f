"""kg.pipeline.alongside: the extraction cache written in a forked process while the graph is rebuilt."""
from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

import kg.pipeline as pipeline
from kg.pipeline import alongside

needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="processes cannot be forked here")


def _write(path: str, text: str) -> None:
    Path(path).write_text(f"{text} {os.getpid()}")


def _fail_unless_in(pid: int, path: str) -> None:
    """Writes ``path`` only in process ``pid``: fails in any forked child."""
    if os.getpid() != pid:
        raise OSError("disk full")
    Path(path).write_text("written by the parent")


@needs_fork
def test_runs_in_another_process_while_the_body_runs(tmp_path):
    target = tmp_path / "cache.txt"
    with alongside(_write, str(target), "cache"):
        body_pid = os.getpid()
    text, pid = target.read_text().split()
    assert text == "cache"
    assert int(pid) != body_pid  # written by the forked process, and waited for


def test_without_fork_runs_here_first(tmp_path):
    target = tmp_path / "cache.txt"
    with alongside(_write, str(target), "cache", fork=False):
        assert target.exists()  # written before the body starts
    assert int(target.read_text().split()[1]) == os.getpid()


@needs_fork
def test_a_failed_child_is_run_again_here(tmp_path, capfd, caplog):
    target = tmp_path / "cache.txt"
    with alongside(_fail_unless_in, os.getpid(), str(target)):
        pass
    assert target.read_text() == "written by the parent"
    assert "Traceback" not in capfd.readouterr().err  # the child's failure is an exit code
    assert "running it again here" in caplog.text


@needs_fork
def test_written_also_when_the_body_raises(tmp_path):
    target = tmp_path / "cache.txt"
    with pytest.raises(RuntimeError), alongside(_write, str(target), "cache"):
        raise RuntimeError("resolution failed")
    assert target.read_text().startswith("cache ")


@needs_fork
@pytest.mark.slow  # two builds with the spaCy pipeline
def test_build_writes_the_same_cache_in_the_background(tmp_path, monkeypatch):
    papers = tmp_path / "papers.jsonl"
    papers.write_text("".join(json.dumps({
        "id": f"p{i}", "title": f"Method {i}",
        "abstract": f"We propose Zorb-{i}, which outperforms LoRA on GSM8K in accuracy.",
    }) + "\n" for i in range(4)))
    monkeypatch.setattr(pipeline, "BACKGROUND_CACHE_MIN", 10**9)
    pipeline.build([papers], tmp_path / "inline", progress=False, n_process=1)
    monkeypatch.setattr(pipeline, "BACKGROUND_CACHE_MIN", 0)
    pipeline.build([papers], tmp_path / "forked", progress=False, n_process=1)
    inline = (tmp_path / "inline" / pipeline.CACHE_FILE).read_bytes()
    assert inline == (tmp_path / "forked" / pipeline.CACHE_FILE).read_bytes()
    assert len(pipeline.load_cache(tmp_path / "forked")) == 4
