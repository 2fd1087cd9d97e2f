"""Command line: serve the replica for a person, or write its ground truth.

python -m friendship_crawler.replica --port 8000 [--seed 2026] [--articles 240] [--advance 0]
    [--generations v2019,v2021,v2024]
python -m friendship_crawler.replica --truth truth.jsonl [--planted planted.json]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from friendship_crawler.replica.config import ReplicaConfig
from friendship_crawler.replica.corpus import Corpus
from friendship_crawler.replica.server import ReplicaServer
from friendship_crawler.replica.stories import DEFAULT_GENERATIONS, GENERATIONS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m friendship_crawler.replica",
        description="Local replica of thoidai.com.vn's friendship section (Hữu nghị).",
    )
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (0: any free port)")
    parser.add_argument("--seed", type=int, default=2026, help="corpus seed (same seed, same pages)")
    parser.add_argument("--articles", type=int, default=240, help="distinct stories (10000 for load tests)")
    parser.add_argument(
        "--advance", type=int, default=0, metavar="N", help="move the corpus N days forward first"
    )
    parser.add_argument(
        "--generations",
        default=",".join(DEFAULT_GENERATIONS),
        help=f"article template generations served, comma-separated, from {','.join(GENERATIONS)} "
        "(default %(default)s)",
    )
    parser.add_argument(
        "--truth", type=Path, metavar="PATH", help="write ground truth as JSON Lines and exit"
    )
    parser.add_argument(
        "--planted", type=Path, metavar="PATH", help="write the planted hard cases as JSON and exit"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        generations = tuple(g.strip() for g in args.generations.split(",") if g.strip())
        config = ReplicaConfig(
            seed=args.seed, articles=args.articles, port=args.port, generations=generations
        )
    except ValueError as error:
        build_parser().error(str(error))
    if args.advance < 0:
        build_parser().error("--advance must be 0 or more")
    for option, path in (("--truth", args.truth), ("--planted", args.planted)):
        if path is not None and (path.exists() or path.is_symlink()):
            build_parser().error(
                f"{option} {path} exists; give a new file (an existing one is never overwritten)"
            )
    corpus = Corpus(config.seed, config.articles, config.generations)
    corpus.advance(args.advance)
    if args.truth or args.planted:
        try:
            if args.truth:
                lines = (json.dumps(asdict(a), ensure_ascii=False) + "\n" for a in corpus.truth())
                with args.truth.open("x", encoding="utf-8") as truth:
                    truth.writelines(lines)
            if args.planted:
                with args.planted.open("x", encoding="utf-8") as planted:
                    planted.write(json.dumps(corpus.planted(), ensure_ascii=False, indent=1))
        except OSError as error:
            sys.stderr.write(f"Cannot write {error.filename}: {error.strerror or error}\n")
            return 1
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        server = ReplicaServer(config, corpus).start()
    except OSError as error:
        sys.stderr.write(f"Cannot serve on 127.0.0.1:{args.port}: {error.strerror or error}\n")
        return 1
    # The first line on stdout gives the address to scripts that start a replica (bench/crawl.py reads it)
    sys.stdout.write(f"Replica of thoidai.com.vn Hữu nghị serving on {server.base_url}\n")
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
