"""Commands that read the library: `validate`, `lint`, `list`, `coverage` and `services`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .output import EXIT_OK, EXIT_PROBLEMS, usage_error

if TYPE_CHECKING:
    from ..format.problems import Problem
    from ..play.library import Library


def cmd_validate(args: argparse.Namespace) -> int:
    from ..format.files import library_dir
    from ..format.problems import failed
    from ..play import library

    paths = [Path(p) for p in args.paths] or [library_dir()]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return usage_error(f"no such file or folder: {', '.join(missing)}")
    lib = library.load(paths, with_bundled=False)
    problems = lib.problems
    print(_report(lib, problems, args.format))
    return EXIT_PROBLEMS if failed(problems, args.strict) else EXIT_OK


def _report(lib: Library, problems: list[Problem], fmt: str, skipped: list[str] | None = None
            ) -> str:
    """The report on `lib`, counting its glossaries and misconceptions files beside its
    scenario files (a folder holding only one of them is not "0 files checked")."""
    from ..format.problems import render

    return render(problems, len(lib.entries), fmt, skipped or (),
                  glossaries=len(lib.found_glossaries),
                  misconceptions=len(lib.found_misconceptions))


def cmd_lint(args: argparse.Namespace) -> int:
    import json

    from ..analysis import lint, path_report
    from ..format.files import library_dir
    from ..format.problems import failed
    from ..play import library

    if args.rules:
        print(lint.rules_table())
        return EXIT_OK
    paths = [Path(p) for p in args.paths] or [library_dir()]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return usage_error(f"no such file or folder: {', '.join(missing)}")
    lib = library.load(paths, with_bundled=False)
    problems = list(lib.problems)
    reports = []
    for entry in lib.entries:
        if entry.playable and entry.scenario is not None:
            problems.extend(lint.lint(entry.scenario, lib.glossary))
            if args.path_report:
                reports.append((entry.scenario, path_report.report(entry.scenario)))
    problems.extend(lint.lint_library(
        [e.scenario for e in lib.entries if e.playable and e.scenario is not None],
        str(paths[0]) if len(paths) == 1 else "the files given"))
    skipped = [entry.path for entry in lib.entries if not entry.playable]
    if args.format == "json" and args.path_report:
        payload = json.loads(_report(lib, problems, "json", skipped))
        payload["paths"] = {s.path: {"paths": r.paths, "best": r.best, "worst": r.worst,
                                     "mean": r.mean, "pass_score": r.pass_score,
                                     "passing_paths": r.passing_paths,
                                     "distribution": r.distribution,
                                     "unused_by_passing": [[c.source, c.index, c.label]
                                                           for c in r.unused_by_passing]}
                            for s, r in reports}
        print(json.dumps(payload, indent=2))
    else:
        print(_report(lib, problems, args.format, skipped))
        for scenario, report in reports:
            print("\n" + path_report.render(scenario, report))
    return EXIT_PROBLEMS if failed(problems, args.strict) else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from ..analysis.scoring import analyse
    from ..format.text_safety import one_line, visible
    from ..play import library, packs

    lib = library.load([*packs.roots(args.data_dir), *args.scenarios])
    rows = [("ID", "TITLE", "DIFFICULTY", "DECISIONS", "BEST")]
    for scenario in lib.scenarios.values():
        analysis = analyse(scenario)
        rows.append((scenario.id, one_line(scenario.title, 60), scenario.difficulty,
                     str(analysis.decisions_on_best_path), str(analysis.best_score)))
    for entry in lib.broken:
        first = entry.errors[0] if entry.errors else None
        rows.append((visible(Path(entry.path).stem), f"BROKEN: {first.headline()}"
                     if first else "BROKEN", "-", "-", "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
              + "  " + row[4])
    print(f"\n{len(lib.scenarios)} playable, {len(lib.broken)} broken. "
          "Check files with `scenario-tui validate PATH`.")
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    """`scenario-tui coverage`: the study topics per domain, with the scenarios that teach
    them (the bundled library, the installed packs and every `--scenarios` folder)."""
    from ..analysis.coverage import coverage, render_json, render_text
    from ..format.problems import render
    from ..play import library, packs

    lib = library.load([*packs.roots(args.data_dir), *args.scenarios])
    if lib.syllabus_problems:
        print(render(lib.syllabus_problems, 1, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    report = coverage(lib.syllabus, lib.scenarios.values(), len(lib.broken))
    print(render_json(report) if args.format == "json" else render_text(report))
    return EXIT_OK


def cmd_services(args: argparse.Namespace) -> int:
    """`scenario-tui services`: the ids `services:` accepts, from the bundled glossary and any
    `glossary.yaml` in or beside the `--scenarios` folders (a later card wins)."""
    import json

    from ..format import glossary
    from ..format.files import library_dir
    from ..format.problems import render
    from ..format.text_safety import one_line

    cards, problems = glossary.for_roots([library_dir(), *args.scenarios])
    if problems:
        print(render(problems, 0, "text").rsplit("\n", 1)[0], file=sys.stderr)
    ordered = sorted(cards.values(), key=lambda card: card.id)
    if args.format == "json":
        print(json.dumps([{"id": c.id, "name": c.name, "docs": c.docs} for c in ordered],
                         indent=2))
    else:
        width = max((len(c.id) for c in ordered), default=0)
        for card in ordered:
            print(f"{card.id.ljust(width)}  {one_line(card.name, 80)}")
    return EXIT_PROBLEMS if problems else EXIT_OK
