"""Readers: one fixture per format, format detection, Daily Papers layouts, bad input."""
from __future__ import annotations

import gzip
import inspect
import json
from pathlib import Path

import pytest

from schema.errors import Diagnostics, InputError
from kg.sources import FORMATS, detect_format, read_papers
from kg.sources.bibtex import latex_to_text
from kg.sources.dailypapers import (
    looks_like_abstract,
    parse_date_line,
    parse_organization,
)
from kg.sources.openalex import rebuild_abstract
from kg.sources.records import extract_urls, parse_date

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "kg" / "data" / "sample_daily_papers.txt"

ABSTRACT_1 = ("We propose Gated Token Mixing, a layer that mixes tokens with learned gates instead of attention. "
              "It matches a transformer of equal size on language modeling while running twice as fast.")
ABSTRACT_2 = ("We study how reward models generalize across domains and find that ensembles of small reward models "
              "are better calibrated than one large model on out-of-domain prompts.")


@pytest.fixture
def readers_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "readers"


@pytest.fixture
def diag() -> Diagnostics:
    return Diagnostics(echo=False)


def read(paths, diag, **kwargs):
    return list(read_papers([str(p) for p in paths], diag=diag, **kwargs))


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --- one fixture per format ---------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("papers.jsonl", "jsonl"), ("papers.json", "json"), ("papers.csv", "csv"), ("papers.tsv", "tsv"),
        ("arxiv_feed.xml", "arxiv"), ("openalex_work.json", "json"), ("references.bib", "bibtex"),
    ],
)
def test_format_detected_from_content(readers_dir, tmp_path, name, fmt):
    # copy under a neutral name: detection must not rely on the extension
    path = write(tmp_path, "input.dat", (readers_dir / name).read_bytes())
    head = path.read_bytes()[:65536].decode("utf-8")
    assert detect_format(head, path.name) == fmt


def test_jsonl_fixture(readers_dir, diag):
    papers = read([readers_dir / "papers.jsonl"], diag)
    assert [p.id for p in papers] == ["arxiv:2403.01234", "doi:10.1234/sae.2024.7", "arxiv:2402.05678"]
    first, second, hf = papers
    assert first.urls == ["https://github.com/example/tomed"]
    assert (first.date, first.authors_count, first.upvotes) == ("2024-03-02", 3, 12)
    assert second.abstract.startswith("We train sparse autoencoders") and second.date == "2024"
    # Hugging Face API record: {"paper": {...}}; the blank line 3 is skipped, so line 4
    assert (hf.date, hf.upvotes, hf.authors) == ("2024-02-08", 30, ["Dan Lee", "Eve Park"])
    assert hf.sources == [f"{readers_dir / 'papers.jsonl'}:4"]
    assert diag.problems == []


def test_json_fixture_keeps_record_lines(readers_dir, diag):
    papers = read([readers_dir / "papers.json"], diag)
    assert [p.id for p in papers] == ["arxiv:2310.04567", "arxiv:2311.09876"]
    assert [p.sources[0].rsplit(":", 1)[1] for p in papers] == ["2", "8"]
    assert papers[0].date == "2023-10-06"
    assert papers[1].authors == ["Fay Wong", "Gil Katz"]
    assert papers[1].urls == []  # the arXiv page is kept as an id, not a url


def test_csv_fixture_multiline_field(readers_dir, diag):
    papers = read([readers_dir / "papers.csv"], diag)
    assert [p.title for p in papers] == ["Learning to Compress Prompts", "Quantized Low-Rank Adapters, Revisited"]
    assert "read, keeping 95%" in papers[0].abstract
    assert [p.sources[0].rsplit(":", 1)[1] for p in papers] == ["2", "4"]
    assert papers[0].authors_count == 2 and papers[1].date == "2023-11"


def test_tsv_fixture(readers_dir, diag):
    papers = read([readers_dir / "papers.tsv"], diag)
    assert [p.id for p in papers] == ["arxiv:2405.11111", "arxiv:2406.22222"]


def test_arxiv_atom_fixture(readers_dir, diag):
    papers = read([readers_dir / "arxiv_feed.xml"], diag)
    assert [p.id for p in papers] == ["arxiv:2404.12345", "arxiv:hep-th/9901001"]
    first = papers[0]
    assert first.title == "Linear Attention with Learned Feature Maps"
    assert first.ids == {"arxiv": "2404.12345", "doi": "10.5555/lla.2024"}
    assert first.urls == ["https://github.com/example/learned-linear-attention"]
    assert (first.date, first.authors_count) == ("2024-04-18", 2)
    assert first.sources == [f"{readers_dir / 'arxiv_feed.xml'}:10"]


def test_openalex_single_work(readers_dir, diag):
    (paper,) = read([readers_dir / "openalex_work.json"], diag)
    assert paper.id == "arxiv:2401.00001"  # from the arXiv DOI and landing page
    assert paper.abstract == ("Reward models prefer longer answers even when they are models wrong. "
                              "We measure this bias.")
    assert paper.ids["openalex"] == "W4390000001"
    assert paper.references == [{"openalex": "W2963403868"}, {"openalex": "W3030163527"}]
    assert paper.authors == ["Nora Quinn", "Omar Haddad"]


def test_openalex_results_page(readers_dir, diag):
    papers = read([readers_dir / "openalex_results.json"], diag, fmt="openalex")
    assert [p.title for p in papers] == ["Curriculum Learning for Sparse Reward Navigation"]
    assert papers[0].references == [{"openalex": "W4390000003"}]
    assert diag.skipped == {"no abstract": 1}
    assert "W4390000004" in str(diag.problems[0])


def test_s2_papers(readers_dir, diag):
    papers = read([readers_dir / "s2_papers.json"], diag)
    (paper,) = papers
    assert paper.id == "arxiv:2305.18290"
    assert paper.ids["s2"] == "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"
    assert paper.references[0] == {"s2": "ffeeddccbbaa99887766554433221100ffeeddcc", "arxiv": "1706.03741",
                                   "title": "Deep reinforcement learning from human preferences"}
    assert paper.references[1]["doi"] == "10.5555/rlhf.2022"
    assert diag.skipped == {"no abstract": 1}


def test_bibtex_fixture(readers_dir, diag):
    papers = read([readers_dir / "references.bib"], diag)
    assert [p.id for p in papers] == ["arxiv:2312.00042", "doi:10.5555/calib.2024"]
    moe, calib = papers
    assert moe.title == "Mixture-of-Experts Routing with Expert Choice"
    assert moe.authors == ["Sara Ortiz", "Tom Müller", "Uche Ba"] and moe.date == "2023-12"
    assert calib.abstract.startswith("We measure how calibration degrades")  # "#" concatenation
    assert calib.authors == ["Xu Wei", "Zoe Yáñez"]
    assert diag.skipped == {"no abstract": 1}
    assert ":17:" in str(diag.problems[0])


def test_forced_format_overrides_detection(readers_dir, diag):
    # a JSON Lines file forced to csv has no usable header: one warning, no paper
    assert read([readers_dir / "papers.jsonl"], diag, fmt="csv") == []
    assert len(diag.problems) == 1


def test_unknown_format_is_an_input_error():
    with pytest.raises(InputError, match="unknown format 'xls'"):
        read_papers(["x"], fmt="xls")
    assert "dailypapers" in FORMATS


def test_read_papers_streams(readers_dir, diag):
    stream = read_papers([readers_dir / "papers.jsonl"], diag=diag)
    assert inspect.isgenerator(stream)
    assert next(stream).id == "arxiv:2403.01234"


def test_gzip_by_magic_bytes(readers_dir, tmp_path, diag):
    data = gzip.compress((readers_dir / "papers.jsonl").read_bytes())
    path = write(tmp_path, "papers.data", data)  # no .gz suffix: detected by the magic bytes
    assert read([path], diag)[0].id == "arxiv:2403.01234"
    assert diag.problems == []


def test_folder_input_reads_its_files(readers_dir, tmp_path, diag):
    for name in ("papers.jsonl", "papers.tsv"):
        write(tmp_path, name, (readers_dir / name).read_bytes())
    assert len(read([tmp_path], diag)) == 5


def test_title_and_abstract_field_options(tmp_path, diag):
    path = write(tmp_path, "x.csv", f'headline,body\nGated Token Mixing,"{ABSTRACT_1}"\n')
    assert read([path], diag) == []
    assert "--title-field" in str(diag.problems[0]) and "--abstract-field" in str(diag.problems[0])
    papers = read([path], Diagnostics(echo=False), title_field="headline", abstract_field="body")
    assert [(p.title, p.abstract) for p in papers] == [("Gated Token Mixing", ABSTRACT_1)]


# --- Daily Papers layouts -------------------------------------------------------------

def test_sample_daily_papers_file(diag):
    papers = read([SAMPLE], diag)
    assert diag.problems == []
    assert len(papers) == 13
    assert all(p.date for p in papers)
    assert all((p.authors_count is None) != (p.organization is None) for p in papers)
    assert sum(1 for p in papers if p.organization) == 2
    assert sum(1 for p in papers if any("github.com" in u for u in p.urls)) >= 4
    text = " ".join(p.abstract for p in papers)
    for needle in ("(SRA)", "GPT-4o", "Llama-3.1-8B", "Qwen2.5-7B", "GSM8K", "MATH500", "HumanEval",
                   "AlpacaEval 2.0", "pass@1", "win rate", "(Wang et al., 2023)", "reaches 31.2 win rate"):
        assert needle in text, needle


def test_flat_layout_with_glued_subscribe(tmp_path, diag):
    text = ("Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n"
            f"SubscribeGated Token Mixing\n{ABSTRACT_1}\nReward Model Ensembles\n{ABSTRACT_2}\n")
    papers = read([write(tmp_path, "flat.txt", text)], diag)
    assert [(p.title, p.sources[0].rsplit(":", 1)[1]) for p in papers] == [
        ("Gated Token Mixing", "3"), ("Reward Model Ensembles", "5")]
    assert diag.problems == []


def test_blank_layout_with_metadata(tmp_path, diag):
    text = ("new\n\nSubscribe\n\nDaily Papers\n\nbyAK and the research community\n\nOct 29\n\n"
            f"Gated Token Mixing\n\n{ABSTRACT_1} Code: https://github.com/gtm/gtm.\n\n  • 3 authors\n·\nJan 15 2\n\n"
            f"Reward Model Ensembles\n\n{ABSTRACT_2}\n\nacme-ai Acme AI\n·\nMar 22, 2024\n")
    first, second = read([write(tmp_path, "page.txt", text)], diag)
    assert (first.title, first.authors_count, first.date, first.upvotes) == ("Gated Token Mixing", 3, "--01-15", 2)
    assert first.urls == ["https://github.com/gtm/gtm"]
    assert (second.organization, second.date, second.upvotes, second.authors_count) == (
        "Acme AI", "2024-03-22", None, None)
    assert diag.problems == []


def test_title_without_abstract_is_reported_not_glued(tmp_path, diag):
    text = f"Orphan Title Here\n\nGated Token Mixing\n\n{ABSTRACT_1}\n\n{ABSTRACT_2}\n\nLast Title\n"
    papers = read([write(tmp_path, "gaps.txt", text)], diag)
    assert [(p.title, p.abstract) for p in papers] == [("Gated Token Mixing", ABSTRACT_1)]
    assert diag.skipped == {"title without abstract": 2, "abstract without title": 1}
    lines = sorted(p.line for p in diag.problems)
    assert lines == [1, 7, 9]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jan 15 2", ("--01-15", 2)),
        ("Mar 22, 2024", ("2024-03-22", None)),
        ("Sep 19, 2024 9", ("2024-09-19", 9)),
        ("Feb 29", ("--02-29", None)),
        ("2024-05-01", ("2024-05-01", None)),
        ("Jan 15: a Title", None),
        ("Self-Play Fine-Tuning", None),
    ],
)
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("value", "year", "expected"),
    [
        ("Jan 15", None, "--01-15"), ("Jan 15", 2023, "2023-01-15"), ("Feb 29", 2023, "--02-29"),
        ("Mar 22, 2024", 1999, "2024-03-22"), ("22 March 2024", None, "2024-03-22"), ("2024-03", None, "2024-03"),
        ("2024-03-22T17:59:00Z", None, "2024-03-22"), (2021, None, "2021"), ("yesterday", None, None),
        ("2024-13-01", None, None),
    ],
)
def test_parse_date(value, year, expected):
    assert parse_date(value, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Code is at https://github.com/a/b.", ["https://github.com/a/b"]),
        ("see https://github.com/a/b, and ~https://x.io/y).", ["https://github.com/a/b", "https://x.io/y"]),
        ("(https://en.wikipedia.org/wiki/Go_(game))", ["https://en.wikipedia.org/wiki/Go_(game)"]),
        ("available at learning-from-play.github.io", ["https://learning-from-play.github.io"]),
        ("hosted on github.com/org/repo!", ["https://github.com/org/repo"]),
        ("no links on github.com here", []),
    ],
)
def test_extract_urls(text, expected):
    assert extract_urls(text) == expected


def test_shape_of_titles_and_abstracts():
    assert not looks_like_abstract("Can We Generate Images with CoT? Let's Verify and Reinforce Image Generation")
    assert not looks_like_abstract("LLMs cannot find reasoning errors, but can correct them!")
    assert looks_like_abstract(ABSTRACT_1)
    assert parse_organization("acme-ai Acme AI") == "Acme AI"


def test_rebuild_abstract_and_latex():
    assert rebuild_abstract({"b": [1], "a": [0, 2]}) == "a b a"
    assert latex_to_text(r"G{\"o}del and {\'E}cole \& {GPT}-4") == "Gödel and École & GPT-4"


# --- bad input ------------------------------------------------------------------------

def test_missing_path(diag, readers_dir):
    papers = read(["/nonexistent/papers.txt", readers_dir / "papers.tsv"], diag)
    assert len(papers) == 2
    assert [str(p) for p in diag.problems] == ["/nonexistent/papers.txt: no such file: check the path"]


def test_empty_file(tmp_path, diag):
    assert read([write(tmp_path, "empty.txt", "\n  \n")], diag) == []
    assert diag.skipped == {"empty file": 1}
    assert "empty.txt: empty file" in str(diag.problems[0])


def test_binary_file(tmp_path, diag):
    path = write(tmp_path, "figure.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    assert read([path], diag) == []
    assert diag.skipped == {"binary file": 1}


def test_truncated_json_line(tmp_path, diag):
    good = json.dumps({"title": "Gated Token Mixing", "abstract": ABSTRACT_1})
    path = write(tmp_path, "cut.jsonl", f'{good}\n{good[:40]}\n{json.dumps({"title": "B", "abstract": ABSTRACT_2})}\n')
    papers = read([path], diag)
    assert [p.title for p in papers] == ["Gated Token Mixing", "B"]
    (problem,) = diag.problems
    assert problem.line == 2 and "not valid JSON" in problem.message


def test_invalid_json_document(tmp_path, diag):
    path = write(tmp_path, "bad.json", '[\n  {"title": "A",\n   "abstract": \n')
    assert read([path], diag) == []
    assert diag.skipped == {"invalid JSON": 1}


def test_latin1_text_is_read_with_a_warning(tmp_path, diag):
    text = f"Caf\xe9 Agents for Na\xefve Users\n\n{ABSTRACT_1} Tested in a caf\xe9.\n"
    path = write(tmp_path, "latin.txt", text.encode("latin-1"))
    (paper,) = read([path], diag)
    assert paper.title == "Café Agents for Naïve Users"
    (problem,) = diag.problems
    assert "UTF-8" in problem.message and problem.line == 1


def test_csv_without_abstract_column(tmp_path, diag):
    path = write(tmp_path, "meta.csv", "title,authors,year\nGated Token Mixing,Ann,2024\n")
    assert read([path], diag) == []
    (problem,) = diag.problems
    assert "'title', 'authors', 'year'" in problem.message and "--abstract-field" in problem.message
    assert diag.skipped == {"no abstract column": 1}


def test_truncated_gzip_keeps_lines_before(tmp_path, diag):
    lines = "".join(json.dumps({"title": f"Paper {i}", "abstract": ABSTRACT_1 + f" Variant {i}."}) + "\n"
                    for i in range(400))
    data = gzip.compress(lines.encode("utf-8"))
    path = write(tmp_path, "cut.jsonl.gz", data[: len(data) // 2])
    papers = read([path], diag)
    assert 0 < len(papers) < 400
    assert diag.skipped.get("damaged file") == 1


def test_records_without_abstract_warn_with_a_cap(tmp_path, diag):
    rows = "".join(json.dumps({"title": f"T{i}", "body": "x"}) + "\n" for i in range(50))
    assert read([write(tmp_path, "noabs.jsonl", rows)], diag) == []
    assert diag.skipped == {"no abstract": 50}
    assert len(diag.problems) == 21  # 20 lines, then one summary line
    assert "--abstract-field" in diag.problems[0].message and "'body'" in diag.problems[0].message


#: Text another tool wrote garbled: (title, abstract) as written, then as read.
GARBLED_TEXT = {
    # old proceedings abstracts carry pdfminer's "(cid:173)" (or U+00AD) where a word broke at a line end
    "pdf-soft-hyphen": (
        "Learning to Play Back\u00adgammon",
        "We bound the gen(cid:173) eralization error for differ(cid:173) ent input patterns "
        "in e(cid:14)cient classi(cid:12)cation, di(cid:11)erent from K(cid:0)means. Non(cid:173) Gaussian "
        "Expectation(cid:173) Maximization of second(cid:173) order terms is supe(cid:173) rIOr.",
        "Learning to Play Backgammon",
        "We bound the generalization error for different input patterns "
        "in efficient classification, different from K(cid:0)means. Non-Gaussian "
        "Expectation-Maximization of second-order terms is superior.",
    ),
    # some exports hold UTF-8 bytes decoded as Latin-1: "Mercerâ\x80\x99s Kernels" made a node "Mercerâs Kernels"
    "utf8-read-as-latin1": (
        "MÃ¶biusGCN for 360Â° Views",
        "Widely known as Mercer\u00e2\u0080\u0099s Kernels, they help the robotâ\u0080\u0099s arm; "
        "Brânzei and Ioana's results hold.",
        "MöbiusGCN for 360° Views",
        "Widely known as Mercer’s Kernels, they help the robot’s arm; Brânzei and Ioana's results hold.",
    ),
    # "Fr\\'echet inception distance" was read as a Metric "inception distance"; "\ufb01lters" as a broken word;
    # a font macro's braces stayed in names ("entropic} optimal transport" of "\\emph{entropic} optimal transport")
    "latex-accents-and-ligature-glyphs": (
        "Schr\\\"odinger Bridges and Gr{\\\"o}bner Bases",
        "We improve the Fr\\'echet inception distance of Fr\\'{e}chet-style particle \ufb01lters and "
        "e\ufb03cient \\textbf{Gar\\c{c}on} models, na\\\"ively; \\cite{a} and \\varepsilon stay.",
        "Schrödinger Bridges and Gröbner Bases",
        "We improve the Fréchet inception distance of Fréchet-style particle filters and "
        "efficient Garçon models, naïvely; \\cite{a} and \\varepsilon stay.",
    ),
    # some PDFs' fonts give "fi" the "fl" ligature glyph: "classi\ufb02cation" was the ninth split audit's twin of
    # classification; where "fl" makes the word ("\ufb02ow", "re\ufb02ect") it stays
    "pdf-fl-glyph-for-fi": (
        "Robust Classi\ufb02cation of Flows",
        "We \ufb02nd a con\ufb02guration that makes classi\ufb02cation of \ufb02ows re\ufb02ect their in\ufb02ow, and the "
        "most probable con\ufb02gu- ration of a graph.",
        "Robust Classification of Flows",
        "We find a configuration that makes classification of flows reflect their inflow, and the most probable "
        "configuration of a graph.",
    ),
    # an old PDF's font mapped "fi" to the pound sign: "classi\u00a3cation" was a broken Task name
    "pdf-pound-sign-for-fi": (
        "1-norm Support Vector Machines",
        "An ef\u00a3cient algorithm for two-class classi\u00a3cation con\u00a3rmed on \u00a3elds, at \u00a35 a run.",
        "1-norm Support Vector Machines",
        "An efficient algorithm for two-class classification confirmed on fields, at \u00a35 a run.",
    ),
    # a title in capitals gave nodes such as "THE", "EFFECTIVENESS", "FRAGILE": its words are words again
    "title-in-capitals": (
        "THE EFFECTIVENESS OF A TWO-LAYER NEURAL NETWORK WITH LSTM FOR GAN",
        "We study it.",
        "The Effectiveness of a Two-Layer Neural Network with LSTM for GAN",
        "We study it.",
    ),
    # a decimal point a PDF set apart: "C4 .5" was read as the corpus C4 (TB49); a sentence's end stays one
    "pdf-spaced-decimal-point": (
        "Trees Beat C4 .5",
        "Error falls from 15 .7% to 9 .2% in 2019. 5 runs confirm it.",
        "Trees Beat C4.5",
        "Error falls from 15.7% to 9.2% in 2019. 5 runs confirm it.",
    ),
    # a text layer's capital I for l: "Q-Iearning" was a Method node of 14 papers beside "Q-learning"
    "pdf-capital-i-for-l": (
        "Q-Iearning with Hidden Iayers",
        "Watkins's Q-Iearning on a milIion states, with Ising models and Inference.",
        "Q-learning with Hidden layers",
        "Watkins's Q-learning on a million states, with Ising models and Inference.",
    ),
    # a word set alone in math for emphasis hid a definition: "${Weight}$ $Experience$ $Replay$ (WER)" was read as
    # an undefined WER and joined to word error rate; variables and formulas stay
    "words-set-in-math": (
        "Replay for $K$-Shot Recommendation",
        "We propose a ${\\textbf{W}eight}$ $\\textbf{E}xperience$ $\\textbf{R}eplay$ (WER) approach with "
        "$\\gamma$-divergence, $x_i$, $ab$, $n$log$n$ steps, ($qPOTS$) and a $gamma$ term.",
        "Replay for $K$-Shot Recommendation",
        "We propose a Weight Experience Replay (WER) approach with "
        "$\\gamma$-divergence, $x_i$, $ab$, $n$log$n$ steps, (qPOTS) and a gamma term.",
    ),
    # arXiv and OpenReview abstracts written in Markdown: "Da**ta Augmentation" and "*Stein Score Distillation"
    # were Method nodes; a star or underscore that is part of a name or a formula stays
    "markdown-emphasis": (
        "**CoDa**: *Constrained* Generation based Data Augmentation",
        "We present CoDa (**Co**nstrained Generation based **Da**ta Augmentation), _Test-Time Model Merging_ "
        "(TTMM) and a method called *Reward Balancing*, beside A* search, RRT* and IDA*, for $x_i$ and "
        "$\\|A\\|_f \\min_{k}$, with 3*3 kernels.",
        "CoDa: Constrained Generation based Data Augmentation",
        "We present CoDa (Constrained Generation based Data Augmentation), Test-Time Model Merging "
        "(TTMM) and a method called Reward Balancing, beside A* search, RRT* and IDA*, for $x_i$ and "
        "$\\|A\\|_f \\min_{k}$, with 3*3 kernels.",
    ),
}


@pytest.mark.parametrize("title,abstract,read_title,read_abstract", GARBLED_TEXT.values(), ids=GARBLED_TEXT.keys())
def test_text_another_tool_garbled_is_read_as_written(tmp_path, diag, title, abstract, read_title, read_abstract):
    path = write(tmp_path, "garbled.jsonl", json.dumps({"id": "p1", "title": title, "abstract": abstract}) + "\n")
    [paper] = read([path], diag)
    assert paper.title == read_title
    assert paper.abstract == read_abstract


def test_a_word_broken_at_a_line_end_is_read_whole(tmp_path, diag):
    # PDF text keeps "x- y" where a line ended inside a word or at a compound's hyphen
    path = write(tmp_path, "old.jsonl", json.dumps({
        "id": "p1", "title": "Bayesian Meth- ods for Simultane- ous Localization",
        "abstract": "Our gradi- ent estimator is unbiased; its low- rank, two- way and fine- tuning variants beat "
                    "RNN- and attention-based first- or second-order methods. The zorbli- fication of "
                    "inputs (zorblification) is new. A generative adversar- ial convo- lutional network.",
    }) + "\n")
    [paper] = read([path], diag)
    assert paper.title == "Bayesian Methods for Simultaneous Localization"
    assert paper.abstract == (
        "Our gradient estimator is unbiased; its low-rank, two-way and fine-tuning variants beat "
        "RNN- and attention-based first- or second-order methods. The zorblification of "
        "inputs (zorblification) is new. A generative adversarial convolutional network.")


def test_english_words_ship_with_the_package():
    from schema.words import english_words

    words = english_words()
    assert len(words) > 40_000 and {"methods", "simultaneous", "gradient"} <= words
    assert "lowrank" not in words
