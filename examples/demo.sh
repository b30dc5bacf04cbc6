#!/usr/bin/env bash
# `make demo`: the tracker's main job on the bundled examples, into demo/tracker.db.
# Everything runs offline and "today" is pinned, so every run prints the same thing.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p demo
rm -f demo/tracker.db demo/tracker.db-wal demo/tracker.db-shm
export TRACKER_DATABASE_URL="sqlite:///demo/tracker.db"
export TRACKER_NOW="${TRACKER_NOW:-2026-11-29}"
export TRACKER_CONFIG="examples/demo.toml"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "tracker db upgrade"
tracker db upgrade

step "tracker add: promises entered by hand"
tracker add --actor "Glasswing Transit" --text "launch a night bus network across Riverbend" \
  --deadline "by the end of September 2025" --stated 2025-03-04 \
  --source "https://courier.example.org/2025/03/04/glasswing-promises" \
  --quote "Glasswing Transit will launch a night bus network across Riverbend by the end of September 2025."
tracker add --actor "Pellucid Software" --text "release Lantern 4" --due 2026-06-30 --stated 2025-09-30
tracker add --actor "Norhaven Ministry of Health" --text "open three walk-in clinics in the eastern districts" \
  --deadline "within 12 months" --stated 2025-06-12

step "tracker list"
tracker list

step "tracker resolve: an editor records outcomes"
tracker resolve 1 --status kept --date 2025-10-20 --by demo-editor \
  --evidence "https://courier.example.org/2025/10/20/night-buses-launch" --note "six night routes started on 19 October"
tracker resolve 2 --status kept --date 2026-04-14 --by demo-editor \
  --evidence "https://techwire.example.com/2026/04/14/lantern-4-released"

step "tracker show 1"
tracker show 1

step "tracker list (after decisions and the date rules)"
tracker list

printf '\nDemo database: %s\n' "$(pwd)/demo/tracker.db"
