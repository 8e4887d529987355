"""`scenario-tui progress export|import`: the learner's progress as a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .output import EXIT_OK, EXIT_PROBLEMS, usage_error, write_file, write_refusal


def cmd_progress(args: argparse.Namespace) -> int:
    from ..format.text_safety import one_line
    from ..progress import transfer
    from ..progress.store import open_store
    from ..progress.store_errors import StoreError

    output = Path(args.output) if args.action == "export" and args.output else None
    refusal = write_refusal(output, args.force) if output else None
    if refusal:
        return usage_error(f"-o: {refusal}")
    try:
        store = open_store(args.data_dir)
    except StoreError as error:  # a newer version's store among them: refused, left alone
        print(f"scenario-tui: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    if store.notice:
        print(store.notice, file=sys.stderr)
    try:
        if args.action == "export":
            text = (transfer.export_csv(store) if args.format == "csv"
                    else transfer.export_json(store))
            left_out = transfer.csv_leaves_out(store) if args.format == "csv" else None
            if left_out:
                print(f"scenario-tui: {left_out}", file=sys.stderr)
            if output:
                return write_file(output, text, args.force)
            sys.stdout.write(text)
            return EXIT_OK
        path = Path(args.file)
        if not path.is_file():
            return usage_error(f"no such file: {args.file}")
        try:
            report = transfer.import_file(store, path)
        except (transfer.TransferError, StoreError) as error:
            print(f"scenario-tui: {one_line(str(error))}", file=sys.stderr)
            return EXIT_PROBLEMS
        for rejection in report.rejected:
            print(f"scenario-tui: {one_line(args.file)}, {rejection}", file=sys.stderr)
        answers = (f"; {report.answers} review answer(s), {report.answers_present} already "
                   "here" if report.answers or report.answers_present else "")
        rejected = f"; {len(report.rejected)} rejected" if report.rejected else ""
        print(f"imported {report.added} play-through(s); {report.present} were already "
              f"here{answers}{rejected}")
        return EXIT_OK if report.took_anything else EXIT_PROBLEMS
    finally:
        store.close()
