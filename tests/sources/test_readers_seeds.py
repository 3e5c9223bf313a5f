"""The readers against the real inputs in ../shared (seeds and the arXiv CSV sample)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema.errors import Diagnostics
from kg.resolve.papers import merge_papers
from kg.sources import detect_format, read_papers
from kg.sources.dailypapers import is_chrome, parse_date_line, read_daily_papers
from kg.sources.records import clean_text
from kg.sources.source import Report, Source

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.fixture(scope="module")
def seed_papers(seeds_dir: Path) -> dict[str, list]:
    """Papers of each seed file, by file name, read once."""
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        diag = Diagnostics(echo=False)
        out[path.name] = (list(read_papers([path], diag=diag)), diag)
    return out


def _by_title(papers, start: str):
    found = [p for p in papers if p.title.startswith(start)]
    assert len(found) == 1, f"expected one paper titled {start!r}, found {len(found)}"
    return found[0]


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000_", 204),  # one line per title and abstract, no blank lines
        ("001_", 75),  # blank-line separated, with author/date/upvote/organization lines
        ("002_", 71),  # blank-line separated, no metadata
        ("003_", 68),
        ("004_", 68),
    ],
)
def test_seed_file_paper_counts(seed_papers, prefix, expected):
    (name,) = [n for n in seed_papers if n.startswith(prefix)]
    papers, diag = seed_papers[name]
    assert len(papers) == expected
    assert diag.problems == []


def test_seed_files_are_detected_as_daily_papers(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        head = path.read_bytes()[:4096].decode("utf-8")
        assert detect_format(head, path.name) == "dailypapers", path.name


def test_seed_unique_paper_count(seed_papers):
    everything = [p for papers, _ in seed_papers.values() for p in papers]
    merged = merge_papers(everything)
    assert len(everything) == 486
    assert len(merged) == 379
    assert len({p.id for p in merged}) == len(merged)


def test_paper_in_every_seed_file_merges_with_all_sources(seed_papers):
    everything = [p for papers, _ in seed_papers.values() for p in papers]
    merged = merge_papers(everything)
    paper = _by_title(merged, "Training Language Models to Self-Correct via Reinforcement Learning")
    assert sorted(s.split("/")[-1].split("_")[0] for s in paper.sources) == ["000", "001", "002", "003", "004"]
    # metadata only in 001 and 004 is kept after merging with the bare copies
    assert (paper.authors_count, paper.date, paper.upvotes) == (18, "2024-09-19", 9)


def test_task_memory_engine_papers_stay_apart(seed_papers):
    papers, _ = seed_papers[next(n for n in seed_papers if n.startswith("000_"))]
    merged = merge_papers(papers)
    tme = [p for p in merged if p.title.startswith("Task Memory Engine")]
    assert len(tme) == 2
    assert tme[0].id != tme[1].id


def _seed(seed_papers, prefix):
    return seed_papers[next(n for n in seed_papers if n.startswith(prefix))][0]


def test_glued_subscribe_title_in_flat_layout(seed_papers):
    first = _seed(seed_papers, "000_")[0]
    assert first.title.startswith("MTMamba: Enhancing Multi-Task Dense Scene Understanding")
    assert first.sources[0].endswith("000_d64d7d8aba8afe64.txt:3")
    assert first.urls == ["https://github.com/EnVision-Research/MTMamba"]
    assert first.date is None and first.authors_count is None


@pytest.mark.parametrize(
    ("prefix", "title", "authors_count", "date", "upvotes", "organization"),
    [
        ("001_", "Ouroboros-Diffusion: Exploring Consistent", 7, "--01-15", 2, None),
        ("001_", "Continual Vision-and-Language Navigation", 5, "2024-03-22", None, None),
        ("001_", "Learn the Ropes, Then Trust the Wins", None, "--09-26", 4, "Tencent"),
        ("001_", "Toward Self-Improvement of LLMs via Imagination", 7, "2024-04-18", 3, None),
        ("001_", "Temporal Self-Rewarding Language Models", None, None, None, None),
        ("004_", "SPC: Evolving Self-Play Critic", 8, "--04-27", 2, None),
        ("004_", "Search Self-play: Pushing the Frontier", None, "--10-21", 2, "Quark"),
        ("004_", "Self-Supervised Bot Play for Conversational Recommendation", 3, "2021-12-09", None, None),
    ],
)
def test_seed_paper_metadata(seed_papers, prefix, title, authors_count, date, upvotes, organization):
    paper = _by_title(_seed(seed_papers, prefix), title)
    assert (paper.authors_count, paper.date, paper.upvotes, paper.organization) == (
        authors_count, date, upvotes, organization)


def test_year_fills_dates_without_one(seeds_dir):
    path = next(seeds_dir.glob("001_*.txt"))
    papers = list(read_papers([path], year=2025, diag=Diagnostics(echo=False)))
    assert _by_title(papers, "Ouroboros-Diffusion").date == "2025-01-15"
    assert _by_title(papers, "Continual Vision-and-Language Navigation").date == "2024-03-22"


@pytest.mark.parametrize(
    ("prefix", "title", "url"),
    [
        ("003_", "Ensemble-Instruct", "https://github.com/IBM/ensemble-instruct"),
        ("000_", "Task Memory Engine (TME)", "https://github.com/biubiutomato/TME-Agent"),
        ("000_", "Mamba4Rec", "https://github.com/chengkai-liu/Mamba4Rec"),
    ],
)
def test_seed_github_urls(seed_papers, prefix, title, url):
    assert url in _by_title(_seed(seed_papers, prefix), title).urls


def test_no_seed_paper_is_page_chrome(seed_papers):
    for papers, _ in seed_papers.values():
        for paper in papers:
            assert not is_chrome(paper.title)
            assert not paper.title.startswith("Subscribe")
            assert parse_date_line(paper.title) is None
            assert len(paper.abstract) > len(paper.title)


def test_arxiv_sample_csv(shared_dir):
    diag = Diagnostics(echo=False)
    papers = list(read_papers([shared_dir / "corpora" / "arxiv_sample.csv"], diag=diag))
    assert len(papers) == 1000
    assert diag.problems == []
    first = papers[0]
    assert first.title == "Neural ODEs for Image Segmentation with Level Sets"
    assert "\n" not in first.abstract and "Neural Ordinary Differential Equations" in first.abstract
    assert first.sources == [f"{shared_dir / 'corpora' / 'arxiv_sample.csv'}:2"]


# --- property test: shuffled mixes of seed lines ------------------------------------

def _seed_lines() -> list[str]:
    if not SEEDS.is_dir():
        return []
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines.extend(path.read_text(encoding="utf-8").splitlines())
    return lines


SEED_LINES = _seed_lines()
_CHROME_LINES = {line.strip() for line in SEED_LINES if is_chrome(line)}


@pytest.mark.skipif(not SEED_LINES, reason=f"{SEEDS} is absent: the property test mixes real seed lines")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SEED_LINES or [""]), min_size=0, max_size=60), st.randoms(use_true_random=False))
def test_daily_papers_reader_on_shuffled_seed_lines(lines, rnd):
    rnd.shuffle(lines)
    data = "\n".join(lines).encode("utf-8")
    diag = Diagnostics(echo=False)
    source = Source(path="mix.txt", data=data, head=data[:65536])
    papers = list(read_daily_papers(source, Report(diag, "mix.txt", cap=10_000)))
    for paper in papers:
        assert paper.title.strip() and paper.abstract.strip()
        assert paper.title not in _CHROME_LINES and not is_chrome(paper.title)
        assert paper.abstract not in _CHROME_LINES
        assert parse_date_line(paper.title) is None
        assert not paper.title.startswith("Subscribe")
        line = int(paper.sources[0].rsplit(":", 1)[1])
        assert clean_text(lines[line - 1]).endswith(paper.title)
    # nothing glued: each abstract is one input line (as the reader cleans every line: a LaTeX accent
    # is its letter, "Pok\\'emon" -> "Pokémon"), each title line makes one paper
    cleaned = {clean_text(line) for line in lines}
    assert all(paper.abstract in cleaned for paper in papers)
    assert len({paper.sources[0] for paper in papers}) == len(papers)
