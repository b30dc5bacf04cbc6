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

step "tracker edit: correct the record (who, when and why go into the history)"
tracker edit 2 --tag fares --tag transport --by demo-editor --reason "filed under the transport desk's topics"
tracker edit 10 --deadline "by mid-2027" --by demo-editor \
  --reason "the depot plan says mid-2027, not the end of the year"

step "tracker retract: a wrong entry leaves the lists and the page, and stays in the database"
tracker add --actor "Riverbend Courier" --text "print a weekend edition" --deadline "next year" --stated 2026-11-01
tracker retract 11 --by demo-editor --reason "a newspaper's own plan, not a public promise we track"
# (history also prints when each row was recorded: wall-clock time, left out here so runs match)
tracker history 10 | sed -E 's/  \[recorded [^]]*\]$//'
tracker history 11 | sed -E 's/  \[recorded [^]]*\]$//'

step "tracker show 1"
tracker show 1

step "tracker report: the published page (only accepted evidence; says when the sources were last checked)"
tracker report --out demo/site
grep -o '<p class="last-checked">[^<]*' demo/site/index.html | sed 's/<[^>]*>//'

printf '\nDemo database: %s\n' "$(pwd)/demo/tracker.db"
printf 'Status page:   %s\n' "$(pwd)/demo/site/index.html"
