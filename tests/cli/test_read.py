"""`kg read` end to end: JSON Lines on stdout, warnings on stderr, exit codes 0 / 2 / 3."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "kg" / "data" / "sample_daily_papers.txt"
KEYS = ["id", "title", "abstract", "authors_count", "date", "upvotes", "organization", "urls", "sources"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_read_sample_prints_one_json_line_per_paper(runner):
    result = runner.invoke(main, ["read", str(SAMPLE)])
    assert result.exit_code == 0, result.stderr
    rows = records(result.stdout)
    assert len(rows) == 13
    assert all(list(row) == KEYS for row in rows)
    first = rows[0]
    assert first["title"].startswith("Sparse Routing Attention")
    assert (first["authors_count"], first["date"], first["upvotes"]) == (6, "2025-03-12", 42)
    assert first["sources"] == [f"{SAMPLE}:13"]
    assert result.stderr == ""


def test_read_year_option(runner):
    result = runner.invoke(main, ["read", "--year", "2025", str(SAMPLE)])
    dates = [row["date"] for row in records(result.stdout)]
    assert result.exit_code == 0
    assert not any(d.startswith("--") for d in dates) and "2025-03-11" in dates


def test_read_merges_the_same_paper_across_files(runner, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(main, ["read", str(SAMPLE), str(copy)])
    rows = records(result.stdout)
    assert result.exit_code == 0
    assert len(rows) == 13
    assert rows[0]["sources"] == [f"{SAMPLE}:13", f"{copy}:13"]


def test_some_usable_input_exits_0_with_warnings(runner, tmp_path):
    missing = tmp_path / "missing.txt"
    result = runner.invoke(main, ["read", str(SAMPLE), str(missing)])
    assert result.exit_code == 0
    assert len(records(result.stdout)) == 13
    assert f"warning: {missing}: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_usable_input_exits_2(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02\x03" * 64)
    result = runner.invoke(main, ["read", str(empty), str(binary)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{empty}: empty file" in result.stderr and f"{binary}: binary file" in result.stderr
    assert "no usable paper" in result.stderr


def test_strict_with_problems_exits_3(runner, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SAMPLE.read_text(encoding="utf-8") + "\nA Title Left Without Its Abstract\n", encoding="utf-8")
    lenient = runner.invoke(main, ["read", str(page)])
    strict = runner.invoke(main, ["read", "--strict", str(page)])
    assert lenient.exit_code == 0
    assert strict.exit_code == 3
    assert "title without abstract" in strict.stderr and "--strict" in strict.stderr
    assert len(records(strict.stdout)) == 13


def test_strict_without_problems_exits_0(runner):
    assert runner.invoke(main, ["read", "--strict", str(SAMPLE)]).exit_code == 0


def test_unknown_format_is_one_line_error(runner):
    result = runner.invoke(main, ["read", "--format", "xls", str(SAMPLE)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "error: unknown format 'xls': use one of dailypapers, jsonl, json, csv, tsv, arxiv, openalex, s2, bibtex, wos"]


def test_abstract_field_option(runner, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text('name,body\nGated Token Mixing,"We mix tokens with learned gates instead of attention."\n')
    bad = runner.invoke(main, ["read", str(path)])
    good = runner.invoke(main, ["read", "--title-field", "name", "--abstract-field", "body", str(path)])
    assert bad.exit_code == 2 and "--abstract-field" in bad.stderr
    assert good.exit_code == 0 and records(good.stdout)[0]["title"] == "Gated Token Mixing"


def test_kg_read_subprocess_pipes_jsonl(tmp_path):
    """The installed entry point, as a user runs it (stdin as input)."""
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "read", "-"], input=SAMPLE.read_bytes(), capture_output=True, timeout=120,
        cwd=ROOT, check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    rows = records(proc.stdout.decode("utf-8"))
    assert len(rows) == 13 and rows[0]["sources"] == ["-:13"]
    empty = subprocess.run([sys.executable, "-m", "kg.cli", "read", "-"], input=b"", capture_output=True, timeout=120,
                           check=False)
    assert empty.returncode == 2
    assert b"-: empty file" in empty.stderr
