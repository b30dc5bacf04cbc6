#!/usr/bin/env bash
# `make demo`: the tracker's main job on the bundled examples, into demo/tracker.db.
# Everything runs offline and "today" is pinned, so every run prints the same thing.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p demo
rm -rf demo/tracker.db demo/tracker.db-wal demo/tracker.db-shm demo/site
export TRACKER_DATABASE_URL="sqlite:///demo/tracker.db"
export TRACKER_NOW="${TRACKER_NOW:-2026-11-29}"
export TRACKER_CONFIG="examples/demo.toml"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "tracker db upgrade"
tracker db upgrade

step "tracker extract --save: commitments from the bundled announcements"
for f in examples/announcements/*.txt; do
  tracker extract "$f" --save
done

step "tracker add: a promise entered by hand"
tracker add --actor "Glasswing Transit" --text "open a second tram depot" --deadline "by the end of 2027" \
  --stated 2025-03-04 --source "https://courier.example.org/2025/03/04/glasswing-depot"

step "tracker feeds add + tracker poll: evidence from the bundled news feeds"
for f in examples/feeds/*.xml; do
  tracker feeds add "$f" --role evidence
done
tracker poll

step "tracker evidence list: what the tracker found"
tracker evidence list

step "tracker list: statuses as of $TRACKER_NOW"
tracker list

step "tracker resolve: an editor records a decision automation will never overwrite"
tracker resolve 5 --status kept --date 2026-03-20 --by demo-editor \
  --evidence "https://gazette.example.net/2026/03/20/waiting-times" --note "target met in the March figures"

step "tracker show 1"
tracker show 1

step "tracker report"
tracker report --out demo/site

printf '\nDemo database: %s\n' "$(pwd)/demo/tracker.db"
printf 'Status page:   %s\n' "$(pwd)/demo/site/index.html"
