"""Every file of ../shared/real-inputs reads with no traceback and the paper count SOURCES.md gives."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kg.resolve.papers import merge_papers
from kg.sources import MAX_ABSTRACT_CHARS, read_papers
from schema.errors import Diagnostics

#: The table "Expected papers per file" of SOURCES.md, copied: the test must not read its answer
#: from the data it checks. (file, papers) counted independently of kg.
EXPECTED = {
    "arxiv/arxivpy_2016_au_del_maestro.xml": 10,
    "arxiv/arxivpy_2026_q_testing_m100.xml": 100,
    "arxiv/xiv_cs.RO_neural_2entries.xml": 2,
    "openalex/openalexPro_snowball_cited_page1_nlp.json": 29,
    "openalex/openalexPro_chunk1_page1_50works.json": 49,
    "openalex/openalex-python_W2741809807_single_work.json": 1,
    "s2/s2py_batch_with_null.json": 3,
    "s2/s2-open-research-corpus_test99.jsonl": 61,
    "bibtex/pmlr_v227_MIDL2023.bib": 112,
    "bibtex/pavement_defect_wos.bib": 371,
    "bibtex/genai_authorship_wos_savedrecs.bib": 355,
    "csv/litstudy_ieee.csv": 10,
    "csv/litstudy_scopus.csv": 55,
    "csv/ml-trends_arxiv_papers.csv": 50,
    "csv/topic-discovery_arxiv_data_2000.csv": 1999,
    "tsv/wos_pavement_savedrecs_tabdelimited.txt": 36,
    "json/hf-daily-scrape_2025-12-10.json": 28,
    "json/hf-paperexplorer_papers_dict753.json": 753,
    "json/hf_papers_jsonfeed.json": 26,
    "jsonl/arxiv-metadata-oai-snapshot_head200.json": 200,
    "jsonl/openalexPro_snowball_cited_nlp_page1.json": 29,
    "dailypapers/hf_papers_search_long-context-asr_capture_first11.txt": 11,
    "dailypapers/hf_papers_search_intercode-bash_notebook-export_first9.txt": 9,
}


@pytest.fixture(scope="module")
def real(shared_dir: Path) -> Path:
    path = shared_dir / "real-inputs"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: these tests read the real input files in place")
    return path


def _papers(path: Path):
    diag = Diagnostics(echo=False)
    return merge_papers(read_papers([str(path)], diag=diag)), diag


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_gives_its_paper_count(real, name):
    papers, _ = _papers(real / name)
    assert len(papers) == EXPECTED[name]


def test_one_paper_submitted_twice_is_one_paper_with_both_ids(real):
    # 0704.0489 and 0704.0573: the same abstract and authors, a typo in one title
    papers, _ = _papers(real / "csv/topic-discovery_arxiv_data_2000.csv")
    [twice] = [p for p in papers if "arxiv_also" in p.ids]
    assert {twice.ids["arxiv"], twice.ids["arxiv_also"]} == {"0704.0489", "0704.0573"}


def test_every_file_reads_without_error(real):
    for path in sorted(p for p in real.rglob("*") if p.is_file() and p.suffix != ".md"):
        _papers(path)  # any exception fails the test, naming nothing hidden


@pytest.mark.parametrize("name", ["edge/punct_title.csv", "edge/punct_title.jsonl", "edge/punct_title.bib",
                                  "edge/punct_title.xml", "edge/nonlatin_titles.jsonl"])
def test_a_title_without_letters_is_one_warning_and_the_rest_is_read(real, name):
    papers, diag = _papers(real / name)
    assert papers, "the good records of the file must be read"
    unusable = [str(p) for p in diag.problems if "unusable record" in str(p)]
    assert len(unusable) == 1 and name in unusable[0]


def test_kaggle_snapshot_dates_and_authors(real):
    papers = {p.id: p for p in _papers(real / "jsonl/arxiv-metadata-oai-snapshot_head200.json")[0]}
    assert papers["arxiv:0704.0001"].date == "2007-04-02"  # versions[0].created, not update_date
    assert len(papers["arxiv:0704.0139"].authors) == 8  # authors_parsed, not a comma split
    assert papers["arxiv:0704.0001"].authors[0] == "C. Balázs"


def test_snapshot_csv_keeps_the_arxiv_id(real):
    papers = {p.id: p for p in _papers(real / "csv/topic-discovery_arxiv_data_2000.csv")[0]}
    assert "arxiv:0704.0001" in papers


def test_latex_accents_in_bibtex(real):
    papers = _papers(real / "bibtex/pmlr_v227_MIDL2023.bib")[0]
    authors = {a for p in papers for a in p.authors}
    assert any("Kühlewein" in a for a in authors)
    assert not any("\\" in a or "{" in a for a in authors)


def test_wos_tab_delimited_keeps_venue_authors_and_ids(real):
    papers = _papers(real / "tsv/wos_pavement_savedrecs_tabdelimited.txt")[0]
    first = papers[0]
    assert first.venue and first.authors and first.ids.get("wos", "").startswith("WOS:")
    assert "PT AU" not in first.title


def test_hf_capture_titles_ids_and_no_chrome(real):
    papers, diag = _papers(real / "dailypapers/hf_papers_search_intercode-bash_notebook-export_first9.txt")
    assert all(p.id.startswith("arxiv:") for p in papers)
    assert not any("huggingface.co" in p.title for p in papers)
    assert not diag.problems


def test_long_abstract_is_cut_with_a_warning(real):
    papers, diag = _papers(real / "openalex/openalexPro_chunk1_page1_50works.json")
    assert max(len(p.abstract) for p in papers) <= MAX_ABSTRACT_CHARS
    assert any("cut at" in str(p) for p in diag.problems)


def test_empty_page_says_it_is_empty(real):
    _, diag = _papers(real / "openalex/openalexPro_keypaper_page2_empty.json")
    assert [str(p) for p in diag.problems] and all("empty result" in str(p) for p in diag.problems)


def test_whole_folder_yields_every_paper_of_every_file(real):
    from collections import Counter

    whole = Counter(src.rsplit(":", 1)[0] for p in read_papers([str(real)], diag=Diagnostics(echo=False))
                    for src in p.sources)
    for name in EXPECTED:
        alone = list(read_papers([str(real / name)], diag=Diagnostics(echo=False)))
        assert whole[str(real / name)] == len(alone) >= EXPECTED[name] - 1, name


def test_cli_read_fields(real):
    out = subprocess.run([sys.executable, "-m", "kg.cli", "read", "--fields", "id,venue,authors,ids",
                          str(real / "csv/litstudy_ieee.csv")], capture_output=True, text=True, check=True)
    first = out.stdout.splitlines()[0]
    assert re.search(r'"venue": "Computing in Science', first) and '"authors": ["P. Kogge"' in first
