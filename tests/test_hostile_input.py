"""Hostile and malformed files: a clear one-line error naming the file, exit 1, no traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scenario_tui.cli import main

BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def _make(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


HOSTILE: dict[str, tuple[bytes, str]] = {
    "bomb.yaml": (BOMB.encode(), "E004"),
    "binary.yaml": (bytes(range(256)) * 64, "E001"),
    "latin1.yaml": ("id: caf\xe9\n".encode("latin-1"), "E001"),
    "deep.yaml": (b"a: " + b"[" * 20_000 + b"]" * 20_000 + b"\n", "E004"),
    "deep-map.yaml": (b"".join(b" " * i + b"k:\n" for i in range(2_000)) + b" " * 2000
                      + b"v\n", "E004"),
    "pyobject.yaml": (b"id: !!python/object/apply:os.system ['touch PWNED']\n", "E004"),
    "empty.yaml": (b"", "E001"),
    "blank.yaml": (b"\n   \n# only a comment\n", "E001"),
    "list.yaml": (b"- one\n- two\n", "E010"),
    "scalar.yaml": (b"just words\n", "E010"),
    "recursive.yaml": (b"a: &x [*x]\n", "E004"),
    "two-docs.yaml": (b"id: a\n---\nid: b\n", "E002"),
    "control.yaml": (b"id: a\x07b\n", "E002"),
    "merge.yaml": (b"base: &b {x: 1}\nother:\n  <<: *b\n", "E004"),
    "custom-tag.yaml": (b"id: !Ref Something\n", "E004"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_gets_one_clear_error(name: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    content, code = HOSTILE[name]
    path = _make(tmp_path, name, content)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    first = out[0]
    assert first.startswith(f"{path}:")
    # a tag on a plain value is reported and the rest of the file still checked (`!Ref` is
    # an error, and so is the missing `title:` at 1:1, before it)
    assert f" error {code} " in (first if name != "custom-tag.yaml" else "\n".join(out))
    assert "Traceback" not in "\n".join(out)
    assert not (tmp_path / "PWNED").exists()


def test_huge_file_is_refused_before_parsing(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        line = b"- " + b"x" * 1022 + b"\n"
        for _ in range(50 * 1024):
            handle.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:1:1: error E001 file is larger than 16 MB" in out


def test_crlf_and_bom_still_validate(tiny_path: Path, tmp_path: Path) -> None:
    text = tiny_path.read_text()
    for folder, data in (("crlf", text.replace("\n", "\r\n").encode()),
                         ("bom", b"\xef\xbb\xbf" + text.encode()),
                         ("both", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())):
        (tmp_path / folder).mkdir()
        path = _make(tmp_path / folder, "tiny.yaml", data)
        shutil.copy(tiny_path.with_name("misconceptions.yaml"), tmp_path / folder)
        assert main(["validate", str(path)]) == 0, folder


def test_no_traceback_and_bounded_memory_in_a_real_process(tmp_path: Path) -> None:
    """The bomb and the deep file, in a child process capped at 1 GB of address space."""
    paths = [_make(tmp_path, n, HOSTILE[n][0]) for n in ("bomb.yaml", "deep.yaml")]
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from scenario_tui.cli import main\n"
        "sys.exit(main(['validate', *sys.argv[1:]]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *map(str, paths)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.count(" error E004 ") == 2


def test_markup_and_escapes_are_kept_as_data(tmp_path: Path, tiny_path: Path) -> None:
    from scenario_tui.format import loader

    text = tiny_path.read_text().replace(
        "title: A tiny scenario", 'title: "[bold red]boom[/] \\e[2J\\x1b]0;pwn\\x07"')
    scenario, problems = loader.load_text(text, "tiny.yaml")
    assert scenario is not None and not [p for p in problems if p.is_error]
    assert scenario.title == "[bold red]boom[/] \x1b[2J\x1b]0;pwn\x07"


def test_control_characters_are_shown_not_sent() -> None:
    from scenario_tui.format.text_safety import clean, reflow

    assert clean("a\x1b[31mb\x07\n") == "a\u241b[31mb\u2407\n"
    assert reflow("one\ntwo\n\nthree") == "one two\n\nthree"


def test_bidi_controls_and_invisible_characters_are_neutralised() -> None:
    from scenario_tui.format.text_safety import clean, one_line, visible

    assert clean("admin\u202e\u2066txt.exe\u2069\u202c") == "admin\ufffd\ufffdtxt.exe\ufffd\ufffd"
    assert clean("a\u200bb\u2060c\ufeffd\u00ade\u200ef\u200fg\u061ch\U000e0041i") == "abcdefghi"
    assert clean("\U0001f468\u200d\U0001f469 \u200dx\u200c") == "\U0001f468\U0001f469 x"
    assert clean("one\u2028two\u2029three") == "one\ntwo\nthree"
    assert one_line("one\u2028two \u202eowt") == "one two \ufffdowt"
    assert visible("a\nb\tc\rd\u2028e\x1b") == "a\u240ab\u2409c\u240dd\u240ae\u241b"


def test_text_in_other_scripts_is_kept_as_written() -> None:
    from scenario_tui.format.text_safety import clean, one_line

    for text in ("مرحبا بالعالم", "שלום עולם", "数据库缓存", "می\u200cخواهم",
                 "क्\u200dष", "Ελληνικά", "ñandú café"):
        assert clean(text) == text and one_line(text) == text
