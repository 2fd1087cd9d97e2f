"""`python -m bench [--quick]`: every measurement side by side in one run, printed and saved as Markdown.

python -m bench                  # full plan, writes bench/RESULTS.md (about 5-10 minutes)
python -m bench --quick          # smaller sample in under a minute; prints only, unless --out
python -m bench --parts quality,speed --out /tmp/results.md
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
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
    parser.add_argument("--repeats", type=int, help="timing repeats per page (default 3)")
    parser.add_argument(
        "--dedup-sizes",
        help="comma-separated article counts for the dedup stage (full plan default 10000; "
        "100000 takes several minutes)",
    )
    parser.add_argument(
        "--out", type=Path, help=f"where to write the report (default {RESULTS_FILE.name} for the full plan)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log each measurement as it is taken")
    return parser


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError as error:
        raise ValueError(f"--dedup-sizes takes comma-separated whole numbers (got {text!r})") from error
    if not sizes or min(sizes) < 1:
        raise ValueError(f"--dedup-sizes needs positive sizes (got {text!r})")
    return sizes


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
            repeats=plan.repeats if args.repeats is None else args.repeats,
            dedup_sizes=_sizes(args.dedup_sizes) if args.dedup_sizes else plan.dedup_sizes,
        )
    except ValueError as error:
        parser.error(str(error))
    out = args.out or (None if args.quick else RESULTS_FILE)
    refusal = _out_refusal(out) if out is not None else None
    if refusal:
        parser.error(f"--out {out}: {refusal}")
    # a terminated run unwinds like an interrupted one, so the replica it started in a subprocess stops too
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    report = render(run_benchmark(plan, note=lambda line: print(line, file=sys.stderr)))
    sys.stdout.write(report)
    if out is not None:
        out.write_text(report, encoding="utf-8")
        sys.stderr.write(f"Report written to {out}\n")
    return 0


REPORT_HEADING = "# Benchmark results"
"""How a report this command wrote begins: the only file `--out` may replace."""


def _out_refusal(out: Path) -> str | None:
    """Why the report cannot go to `out`, checked before measuring: no directory to write it in, a directory,
    or a file of something other than an earlier report (never overwritten)."""
    if out.is_dir():
        return "is a directory; name the report file"
    if not out.parent.is_dir():
        return f"no directory {out.parent} to write it in"
    if not os.access(out.parent, os.W_OK):
        return f"directory {out.parent} cannot be written"
    if out.is_file():
        with out.open(encoding="utf-8", errors="replace") as existing:
            if existing.read(len(REPORT_HEADING)) != REPORT_HEADING:
                return "holds something other than a benchmark report; not overwriting it"
    return None


if __name__ == "__main__":
    sys.exit(main())
