#!/usr/bin/env bash
# One periodic crawl of the friendship section, never two at once.
#
# Takes an exclusive lock (flock -n) for the whole run: while a run holds it, another start exits at once
# with status 75 (EX_TEMPFAIL) and says so. Then activates the virtualenv and runs the crawl, whose exit
# status it returns (3: the run finished but failed a run check; see output/runs/). A project directory
# that does not exist or holds no scrapy.cfg (a mistyped FRIENDSHIP_PROJECT_DIR) exits 2 before anything
# is created.
#
# Environment (all optional):
#   FRIENDSHIP_PROJECT_DIR  project checkout (default: the parent of this script's directory)
#   FRIENDSHIP_VENV         virtualenv to activate (default: $FRIENDSHIP_PROJECT_DIR/.venv)
#   FRIENDSHIP_LOCK_FILE    lock file (default: $FRIENDSHIP_PROJECT_DIR/output/.friendship-crawl.lock)
#   FRIENDSHIP_HOME         directory under which state/ and output/ live (default: the project checkout)
#   FRIENDSHIP_SCRAPYD_URL  schedule the crawl on this Scrapyd (e.g. http://127.0.0.1:6800) instead of
#                           running it here; deploy/schedule_scrapyd.py checks the spider arguments first,
#                           refuses while a job still runs, and points the job at the same state/ and output/
#   FRIENDSHIP_CRAWL_COMMAND  run this shell command instead of the crawl (used by tests)
# Arguments are passed on to `scrapy crawl friendship` (e.g. -a since=2026-01-01).
set -euo pipefail

readonly LOCKED_EXIT=75
readonly USAGE_EXIT=2
project_dir=${FRIENDSHIP_PROJECT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
venv=${FRIENDSHIP_VENV:-$project_dir/.venv}
lock_file=${FRIENDSHIP_LOCK_FILE:-$project_dir/output/.friendship-crawl.lock}

# Checked before the lock's directory is made, so a mistyped path is refused rather than created.
if [[ ! -f $project_dir/scrapy.cfg ]]; then
    echo "friendship-crawl: $project_dir is no project checkout (no scrapy.cfg); check FRIENDSHIP_PROJECT_DIR" >&2
    exit "$USAGE_EXIT"
fi

mkdir -p "$(dirname "$lock_file")"
exec 9>>"$lock_file"
if ! flock -n 9; then
    echo "friendship-crawl: another run holds $lock_file; not starting a second one" >&2
    exit "$LOCKED_EXIT"
fi

cd "$project_dir"
if [[ -n ${FRIENDSHIP_CRAWL_COMMAND:-} ]]; then
    exec bash -c "$FRIENDSHIP_CRAWL_COMMAND"
fi
# shellcheck disable=SC1091
. "$venv/bin/activate"
if [[ -n ${FRIENDSHIP_SCRAPYD_URL:-} ]]; then
    exec python "$project_dir/deploy/schedule_scrapyd.py" "$FRIENDSHIP_SCRAPYD_URL" "$@"
fi
exec scrapy crawl friendship "$@"
