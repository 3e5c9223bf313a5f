"""schema/jsonl.py: the shared JSON Lines opener and line loop."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from schema.jsonl import iter_jsonl, open_text

TEXT = '{"id": "a"}\n\n   \n{"id": "b", "n": [1, 2]}\nnot json\n"x"\n{"id": "c"}'


def _write(path, text):
    if path.name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _plain(rows):
    """The rows with each decode error replaced by ("error", its message), to compare."""
    return [(n, ("error", v.msg) if isinstance(v, json.JSONDecodeError) else v) for n, v in rows]


EXPECTED = [
    (1, {"id": "a"}),
    (4, {"id": "b", "n": [1, 2]}),
    (5, ("error", "Expecting value")),
    (6, "x"),
    (7, {"id": "c"}),
]


@pytest.mark.parametrize("name", ["r.jsonl", "r.jsonl.gz"])
def test_a_file_is_read_plain_or_gzipped_with_blank_lines_skipped_and_counted(tmp_path, name):
    path = _write(tmp_path / name, TEXT)
    assert _plain(iter_jsonl(path)) == EXPECTED
    assert _plain(iter_jsonl(str(path))) == EXPECTED


def test_lines_already_open_are_read_and_left_open():
    fh = io.StringIO(TEXT)
    assert _plain(iter_jsonl(fh)) == EXPECTED
    assert not fh.closed


def test_a_bad_line_yields_its_error_and_the_next_lines_are_still_read():
    rows = list(iter_jsonl(['{"id": 1}\n', '{"id": \n', "[1,\n", '{"id": 2}\n']))
    assert [n for n, _ in rows] == [1, 2, 3, 4]
    errors = [v for _, v in rows if isinstance(v, json.JSONDecodeError)]
    assert len(errors) == 2 and errors[0].msg == "Expecting value"
    assert rows[-1] == (4, {"id": 2})


def test_non_ascii_text_is_read_as_utf8(tmp_path):
    path = _write(tmp_path / "u.jsonl.gz", '{"name": "Schrödinger–Bridge 🤖"}\n')
    assert list(iter_jsonl(path)) == [(1, {"name": "Schrödinger–Bridge 🤖"})]


def test_the_file_is_closed_when_the_reader_stops_early(tmp_path, monkeypatch):
    import schema.jsonl

    opened = []

    def recording_open_text(path):
        opened.append(open_text(path))
        return opened[-1]

    monkeypatch.setattr(schema.jsonl, "open_text", recording_open_text)
    rows = iter_jsonl(_write(tmp_path / "r.jsonl.gz", TEXT))
    assert next(rows) == (1, {"id": "a"})
    assert len(opened) == 1 and not opened[0].closed
    rows.close()
    assert opened[0].closed


@pytest.mark.parametrize("name,gzipped", [("x.jsonl.gz", True), ("x.jsonl", False), ("x.gz.jsonl", False)])
def test_open_text_uses_gzip_only_for_a_gz_name(tmp_path, name, gzipped):
    path = _write(tmp_path / name, '{"a": 1}\n')
    with open_text(path) as fh:
        assert isinstance(fh.buffer, gzip.GzipFile) == gzipped
        assert fh.read() == '{"a": 1}\n'


def test_a_gz_name_holding_plain_text_is_an_error_not_read_as_text(tmp_path):
    path = tmp_path / "x.jsonl.gz"
    path.write_text('{"a": 1}\n', encoding="utf-8")
    with pytest.raises(gzip.BadGzipFile):
        list(iter_jsonl(path))


def test_open_text_raises_oserror_for_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        open_text(tmp_path / "none.jsonl")
    with pytest.raises(FileNotFoundError):
        list(iter_jsonl(tmp_path / "none.jsonl.gz"))
