"""`python -m bench [--quick]`: every measurement side by side in one run, printed and saved as Markdown.

python -m bench                  # full plan, writes bench/RESULTS.md (about 5-10 minutes)
python -m bench --quick          # smaller sample in under a minute; prints only, unless --out
python -m bench --parts quality,speed --out /tmp/results.md
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bench.report import render
from bench.run import PARTS, Plan, run_benchmark

RESULTS_FILE = Path(__file__).resolve().parent / "RESULTS.md"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="smaller sample, under a minute")
    parser.add_argument(
        "--parts", default=",".join(PARTS), help=f"comma-separated subset of {', '.join(PARTS)}"
    )
    parser.add_argument("--repeats", type=int, help="timing repeats per page (default: 3)")
    parser.add_argument(
        "--out", type=Path, help=f"where to write the report (default: {RESULTS_FILE.name} for the full plan)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log each measurement as it is taken")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(name)s %(message)s"
    )
    plan = Plan.quick() if args.quick else Plan.full()
    try:
        plan = replace(
            plan,
            parts=tuple(part.strip() for part in args.parts.split(",") if part.strip()),
            repeats=args.repeats or plan.repeats,
        )
    except ValueError as error:
        parser.error(str(error))
    report = render(run_benchmark(plan))
    sys.stdout.write(report)
    out = args.out or (None if args.quick else RESULTS_FILE)
    if out is not None:
        out.write_text(report, encoding="utf-8")
        sys.stderr.write(f"Report written to {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
