"""Commands for authors: `new` writes a starter, `export` a graph, `author` previews a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .output import EXIT_OK, EXIT_PROBLEMS, usage_error, write_file, write_refusal


def _side_file(file: str, command: str) -> str | None:
    """Why `command` refuses `file` when it is a folder's glossary or misconceptions file,
    saying what it is and how to check it; None for any other file."""
    from ..format.files import SIDE_FILES

    what = SIDE_FILES.get(Path(file).name)
    if what is None:
        return None
    return (f"{file} is {what}, not a scenario: check it with `scenario-tui validate "
            f"{file}`; `{command}` takes a scenario file")


def cmd_new(args: argparse.Namespace) -> int:
    import os

    from ..authoring import starter_tags
    from ..format import starter
    from ..format.files import GLOSSARY_NAME, MISCONCEPTIONS_NAME, bundled_dir
    from ..format.model import SLUG
    from ..format.text_safety import visible

    if not SLUG.match(args.slug):
        return usage_error(f"{args.slug!r} is not a slug: use lower-case letters, digits "
                            "and '-', like my-scenario")
    if f"{args.slug}.yaml" in (GLOSSARY_NAME, MISCONCEPTIONS_NAME):
        return usage_error(f"{args.slug!r} is reserved: {args.slug}.yaml is a folder's "
                            f"{args.slug} file, not a scenario; choose another name")
    folder = Path(args.dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return usage_error(f"--dir: {folder} exists and is not a folder")
    except OSError as error:
        return usage_error(f"--dir: cannot create {folder}: {error.strerror or error}")
    target = folder / f"{args.slug}.yaml"
    refusal = write_refusal(target, args.force)
    if refusal:
        return usage_error(refusal)
    tags = starter_tags.plan(target, args.slug)
    schema = bundled_dir("assets") / "scenario.schema.json"
    relative = os.path.relpath(schema, folder.resolve())
    status = write_file(target, starter.render(args.slug, Path(relative).as_posix()), args.force)
    if status != EXIT_OK:
        return status
    beliefs, names = visible(str(tags.path)), ", ".join(tags.tags)
    if tags.text is not None and write_file(tags.path, tags.text, not tags.created) == EXIT_OK:
        print(f"wrote {beliefs} (what the starter's misconception tags mean)" if tags.created
              else f"added the starter's placeholder tags ({names}) to {beliefs}: rename "
              "them there and in the starter to the beliefs they stand for")
    elif tags.refusal:
        print(f"scenario-tui: note: the starter's tags ({names}) are not defined and could not "
              f"be added to {beliefs}: {tags.refusal}; until they are, `validate` reports "
              "them as E028", file=sys.stderr)
    shown, where = visible(str(target)), visible(str(folder))
    print(f"wrote {shown}\nnext: edit it, then `scenario-tui validate {shown}` and "
          f"`scenario-tui play {args.slug} --scenarios {where}`")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ..analysis.validate import check_graph
    from ..format import loader
    from ..format.graph_formats import export
    from ..format.problems import render

    path = Path(args.file)
    if not path.is_file():
        return usage_error(f"no such file: {args.file}")
    side = _side_file(args.file, "export")
    if side:
        return usage_error(side)
    output = Path(args.output) if args.output else None
    refusal = write_refusal(output, args.force) if output else None
    if refusal:
        return usage_error(f"-o: {refusal}")
    from ..authoring.architecture_export import architecture_refusal, write_architecture

    refusal = architecture_refusal(args.architecture, args.format, args.path)
    if refusal:
        return usage_error(refusal)
    scenario, problems = loader.load_file(path)
    if scenario is not None:
        problems = problems + check_graph(scenario)
    errors = [p for p in problems if p.is_error]
    if scenario is None or errors:
        print(render(errors, 1, "text"), file=sys.stderr)
        return EXIT_PROBLEMS
    if args.architecture:
        from ..format import glossary
        from ..format.files import library_dir

        cards = glossary.for_roots([library_dir(), path])[0]  # where each service runs
        text, failure = write_architecture(scenario, args.format or "mermaid", args.path, cards)
        if failure:
            return usage_error(failure)
    else:
        from ..analysis.scoring import analyse

        text = export(scenario, args.format or "node-link", analyse(scenario).best_path(),
                      as_json=output is not None and output.suffix.lower() == ".json")
    if output:
        return write_file(output, text, args.force)
    sys.stdout.write(text)
    return EXIT_OK


def cmd_author(args: argparse.Namespace) -> int:
    """`scenario-tui author FILE`: watch the file and preview it on every save."""
    from ..format.files import SCENARIO_SUFFIXES

    path = Path(args.file)
    if path.is_dir():
        return usage_error(f"{args.file} is a folder: `author` previews one scenario file, "
                            "like my-scenarios/my-scenario.yaml")
    if not path.is_file():
        return usage_error(f"no such file: {args.file}")
    side = _side_file(args.file, "author")
    if side:
        return usage_error(f"{side} (and previews it again when this file beside it "
                           "changes)")
    if path.suffix not in SCENARIO_SUFFIXES:
        return usage_error(f"{args.file} is not a scenario file: name it "
                            f"{', '.join(SCENARIO_SUFFIXES)}")
    from ..ui.author_app import run

    return run(path)
