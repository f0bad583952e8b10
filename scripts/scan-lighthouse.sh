#!/usr/bin/env bash
# Lighthouse 12 on the beneficiary portal's pages, mobile profile (Lighthouse's default emulation and simulated
# throttling), in Debian's Chromium.
#
#   scripts/scan-lighthouse.sh                          a throwaway demo server on a temporary embedded database
#   WASL_URL=http://127.0.0.1:3000 scripts/scan-lighthouse.sh   a running server
#
# Lighthouse is fetched by npx (lighthouse@12), not a dependency: see docs/decisions/010-external-scanners.md.
# Each page is measured LIGHTHOUSE_RUNS times (default 5, as Lighthouse advises for variable scores): the median
# performance score counts, and the lowest accessibility score. LIGHTHOUSE_ONLY=<page name> measures one page.
# Exit status 1 when a page scores below 90 for performance or below 100 for accessibility, 2 when Lighthouse fails.
# Reports (JSON and HTML) go to scan-results/lighthouse/ (gitignored). See docs/scanners.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/demo-server.sh
source scripts/lib/demo-server.sh

RUNS="${LIGHTHOUSE_RUNS:-5}"
ONLY="${LIGHTHOUSE_ONLY:-}" # a page name (home, apply, …): measure only that page
MIN_PERFORMANCE=90
MIN_ACCESSIBILITY=100
RESULTS="scan-results/lighthouse"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"

# name|path — every page of the portal; the survey link is a made-up token, answered with "no longer available".
PAGES=(
  "home|/portal"
  "apply|/portal/apply"
  "track|/portal/track"
  "contact|/portal/contact"
  "follow|/portal/follow"
  "reach|/portal/contact-us"
  "rights|/portal/rights"
  "info|/portal/info"
  "survey-invalid|/portal/survey/not-a-real-survey-token"
)

for tool in curl jq node "$CHROME_PATH"; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

trap stop_demo_server EXIT
trap 'exit 130' INT TERM

start_demo_server
rm -rf -- "$RESULTS"
mkdir -p "$RESULTS"
LIGHTHOUSE_VERSION="$(npx --yes lighthouse@12 --version)"
SUMMARY="$RESULTS/summary.txt"
{
  echo "Lighthouse $LIGHTHOUSE_VERSION, $("$CHROME_PATH" --version 2>/dev/null | head -n 1), Node $(node --version)"
  echo "target $WASL_URL on $(date -u +%Y-%m-%dT%H:%M:%SZ), mobile form factor, simulated throttling, $RUNS run(s) per page"
  printf '%-16s %-40s %5s %5s  %-14s %s\n' page path perf a11y "perf per run" "FCP / LCP / TBT / CLS / SI (median run)"
} | tee "$SUMMARY"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

failed=0
started_all=$SECONDS
for page in "${PAGES[@]}"; do
  IFS='|' read -r name path <<<"$page"
  [[ -z "$ONLY" || "$name" == "$ONLY" ]] || continue
  perfs=()
  a11ys=()
  for run in $(seq 1 "$RUNS"); do
    out="$RESULTS/$name-$run"
    # A busy machine sometimes loses the trace (NO_NAVSTART, NO_FCP): such a run is repeated, twice at most.
    for attempt in 1 2 3; do
      if npx --yes lighthouse@12 "$WASL_URL$path" --quiet --form-factor=mobile \
        --only-categories=performance,accessibility --output=json --output=html --output-path="$out" \
        --chrome-flags="$CHROME_FLAGS" >"$out.log" 2>&1 && [[ -z "$(jq -r '.runtimeError.code // empty' "$out.report.json")" ]]; then
        break
      fi
      if ((attempt == 3)); then
        echo "Lighthouse failed three times on $path (run $run):" >&2
        tail -n 20 "$out.log" >&2
        exit 2
      fi
      echo "  (Lighthouse run on $path failed, trying again: $(grep -m 1 -o 'Runtime error.*' "$out.log" || true))" >&2
    done
    rm -f -- "$out.log"
    perfs+=("$(jq -r '.categories.performance.score * 100 | round' "$out.report.json")")
    a11ys+=("$(jq -r '.categories.accessibility.score * 100 | round' "$out.report.json")")
  done
  perf="$(printf '%s\n' "${perfs[@]}" | median)"
  a11y="$(printf '%s\n' "${a11ys[@]}" | sort -n | head -n 1)"
  # The run whose performance is the median, for the metrics line and the audits below.
  for run in $(seq 1 "$RUNS"); do
    if [[ "${perfs[$((run - 1))]}" == "$perf" ]]; then break; fi
  done
  report="$RESULTS/$name-$run.report.json"
  metrics="$(jq -r '[.audits["first-contentful-paint"], .audits["largest-contentful-paint"],
    .audits["total-blocking-time"], .audits["cumulative-layout-shift"], .audits["speed-index"]]
    | map(.displayValue // "-") | join(" / ")' "$report")"
  printf '%-16s %-40s %5s %5s  %-14s %s\n' "$name" "$path" "$perf" "$a11y" "$(
    IFS=,
    echo "${perfs[*]}"
  )" "$metrics" | tee -a "$SUMMARY"
  if ((perf < MIN_PERFORMANCE || a11y < MIN_ACCESSIBILITY)); then
    failed=1
    # What Lighthouse holds against the page: failed accessibility audits, and performance audits below 0.9.
    for r in $(seq 1 "$RUNS"); do
      jq -r '. as $r | $r.categories.accessibility.auditRefs[] | select(.weight > 0) | $r.audits[.id]
        | select(.score != null and .score < 1) | "    accessibility: \(.id) — \(.title)"' "$RESULTS/$name-$r.report.json"
    done | sort -u | tee -a "$SUMMARY"
    jq -r '. as $r | $r.categories.performance.auditRefs[] | $r.audits[.id] | select(.score != null and .score < 0.9)
      | "    performance: \(.id) — \(.title) \(.displayValue // "")"' "$report" | tee -a "$SUMMARY"
  fi
done

{
  echo "total time: $((SECONDS - started_all)) s (reports in $RESULTS/)"
  if ((failed)); then
    echo "RESULT: below the bar (performance >= $MIN_PERFORMANCE, accessibility = $MIN_ACCESSIBILITY) on a page above"
  else
    echo "RESULT: every page has performance >= $MIN_PERFORMANCE and accessibility $MIN_ACCESSIBILITY"
  fi
} | tee -a "$SUMMARY"
exit "$failed"
