#!/usr/bin/env bash
# sqlmap (Debian package) against every GET parameter that searches, filters, pages or bounds a list.
#
#   scripts/scan-sqlmap.sh                          a throwaway demo server on a temporary embedded database
#   WASL_URL=http://127.0.0.1:3000 scripts/scan-sqlmap.sh   a running server with the demo users (no data is added)
#
# One sqlmap run per (endpoint, parameter), signed in as a demo user with the right role. Exit status: 0 when no
# parameter is injectable, 1 when sqlmap reports or suspects an injection, 2 when a run could not give a verdict.
# Console logs of every run go to scan-results/sqlmap/ (gitignored). See docs/scanners.md.
#
# Settings (environment): SQLMAP_LEVEL (5), SQLMAP_RISK (3), SQLMAP_TECHNIQUE (BEUSTQ), SQLMAP_TIME_SEC (2),
# SQLMAP_ONLY (a substring: only targets whose path contains it).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=lib/demo-server.sh
source scripts/lib/demo-server.sh

LEVEL="${SQLMAP_LEVEL:-5}"
RISK="${SQLMAP_RISK:-3}"
TECHNIQUE="${SQLMAP_TECHNIQUE:-BEUSTQ}"
TIME_SEC="${SQLMAP_TIME_SEC:-2}"
ONLY="${SQLMAP_ONLY:-}"
SQLMAP="${SQLMAP:-/usr/bin/sqlmap}"
RESULTS="scan-results/sqlmap"

for tool in "$SQLMAP" curl jq node; do
  command -v "$tool" >/dev/null || { echo "$tool is needed (sqlmap: apt-get install sqlmap)" >&2; exit 2; }
done

WORK="$(mktemp -d -t wasl-sqlmap-XXXXXX)"
cleanup() {
  stop_demo_server
  rm -rf -- "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SEEDED=0
start_demo_server

# --- Data, so that a true and a false condition give different answers (boolean-based detection needs rows) ---
# Only on the throwaway server: a server named by WASL_URL is scanned as it is.
BENEFICIARY_ID="00000000-0000-4000-8000-000000000000"
api() { # METHOD PATH [JSON] — as the signed-in user of the last login_as
  local body=()
  if [[ $# -ge 3 ]]; then body=(-H 'content-type: application/json' --data "$3"); fi
  curl -fsS -X "$1" -H "cookie: $SESSION_COOKIE" -H "x-csrf-token: $SESSION_CSRF" "${body[@]}" "$WASL_URL$2"
}
login_as officer
OFFICER_COOKIE="$SESSION_COOKIE"
BRANCH_ID="$(api GET /api/branches | jq -r '.items[0].id')"
if [[ "$DEMO_SERVER_STARTED" == 1 ]]; then
  SERVICE_ID="$(api GET /api/services | jq -r '.items[0].id')"
  # 1000000016 is a valid national ID (Luhn) reserved for this scan; the mobile is a valid Saudi number.
  BENEFICIARY_ID="$(api POST /api/beneficiaries "$(
    jq -nc --arg branch "$BRANCH_ID" '{nationalId:"1000000016", firstName:"عبدالله", fatherName:"محمد",
      grandfatherName:"سعد", familyName:"الشمري", gender:"male", birthDate:{calendar:"gregorian", date:"1970-01-01"},
      mobile:"0501234567", district:"قرية الشقة", branchId:$branch, monthlyIncome:2500, housing:"owned",
      familyStatus:"married", water:{source:"tank", storageLitres:1000, peopleAtHome:5},
      consent:{accepted:true, channel:"meeting"}, confirmNotDuplicate:true}'
  )" | jq -r '.id')"
  api POST /api/applications "$(jq -nc --arg b "$BENEFICIARY_ID" --arg s "$SERVICE_ID" \
    '{beneficiaryId:$b, serviceIds:[$s], channel:"meeting"}')" >/dev/null
  api POST /api/interactions "$(jq -nc --arg b "$BENEFICIARY_ID" \
    '{channel:"phone", direction:"inbound", summary:"استفسار عن موعد التوصيل", beneficiaryId:$b}')" >/dev/null
  api POST /api/cases "$(jq -nc --arg b "$BENEFICIARY_ID" \
    '{kind:"inquiry", channel:"phone", subject:"موعد توصيل الماء", description:"يسأل عن موعد التوصيل", beneficiaryId:$b}')" \
    >/dev/null
  SEEDED=1
fi
login_as manager
MANAGER_COOKIE="$SESSION_COOKIE"
MANAGER_ID="$SESSION_USER_ID"
login_as admin
ADMIN_COOKIE="$SESSION_COOKIE"

YEAR="$(date +%Y)"
FROM="$YEAR-01-01"
TO="$YEAR-12-31"
NAME_Q="$(jq -rn --arg q 'الشمري' '$q|@uri')"
KNOWLEDGE_Q="$(jq -rn --arg q 'التوصيل' '$q|@uri')"

# --- Targets: user | path with valid values for every parameter | parameters to inject, one sqlmap run each ---
# Valid values matter: sqlmap compares each payload's answer with the original one, which must be a 200.
TARGETS=(
  "manager|/api/beneficiaries?q=2026-00001&status=applicant&page=1&pageSize=20|q status page pageSize"
  "manager|/api/beneficiaries?q=$NAME_Q&page=1&pageSize=20|q"
  "officer|/api/beneficiaries/reverification?withinDays=30|withinDays"
  "manager|/api/applications?queue=to_verify&stage=draft&beneficiaryId=$BENEFICIARY_ID&page=1&pageSize=20|queue stage beneficiaryId page pageSize"
  "officer|/api/cases?kind=inquiry&channel=phone&status=new&owner=me&page=1&pageSize=25|kind channel status owner page pageSize"
  "officer|/api/cases?sla=at_risk|sla"
  "officer|/api/tasks?open=true|open"
  "officer|/api/deliveries?from=$FROM&to=$TO&assignee=me&status=scheduled&beneficiaryId=$BENEFICIARY_ID|from to assignee status beneficiaryId"
  "officer|/api/interactions?beneficiaryId=$BENEFICIARY_ID&channel=phone&unlinked=false&limit=50|beneficiaryId channel unlinked limit"
  "manager|/api/knowledge?q=$KNOWLEDGE_Q&kind=answer|q kind"
  "manager|/api/knowledge/answers?q=$KNOWLEDGE_Q|q"
  "manager|/api/audit?actorUserId=$MANAGER_ID&entityType=beneficiary&entityId=$BENEFICIARY_ID&action=beneficiary.created&from=${FROM}T00:00:00Z&to=${TO}T23:59:59Z&limit=50|actorUserId entityType entityId action from to limit"
  "manager|/api/reports/kpis?from=$FROM&to=$TO&branchId=$BRANCH_ID|from to branchId"
  "manager|/api/reports/evidence?from=$FROM&to=$TO&branchId=$BRANCH_ID|from to branchId"
  "manager|/api/reports/my-figures?from=$FROM&to=$TO&userId=$MANAGER_ID|from to userId"
  "manager|/api/reports/export/cases?format=csv&from=$FROM&to=$TO|format from to"
  "officer|/api/appointment-slots?branchId=$BRANCH_ID&from=$FROM&to=$TO|branchId from to"
  "admin|/api/notifications?status=queued&limit=100|status limit"
  "manager|/api/services?active=true|active"
)

cookie_for() {
  case "$1" in
    officer) echo "$OFFICER_COOKIE" ;;
    manager) echo "$MANAGER_COOKIE" ;;
    admin) echo "$ADMIN_COOKIE" ;;
  esac
}

rm -rf -- "$RESULTS"
mkdir -p "$RESULTS"
SUMMARY="$RESULTS/summary.txt"
{
  echo "sqlmap $("$SQLMAP" --version 2>/dev/null | head -n 1) against $WASL_URL on $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "options: --level $LEVEL --risk $RISK --technique $TECHNIQUE --dbms PostgreSQL --time-sec $TIME_SEC (seeded: $SEEDED)"
  printf '%-30s %-14s %-14s %8s %6s %6s %6s %5s\n' endpoint parameter verdict requests 2xx 400 other secs
} | tee "$SUMMARY"

found=0
unclear=0
started_all=$SECONDS
run=0
for target in "${TARGETS[@]}"; do
  IFS='|' read -r user url params <<<"$target"
  endpoint="${url%%\?*}"
  [[ -z "$ONLY" || "$endpoint" == *"$ONLY"* ]] || continue
  cookie="$(cookie_for "$user")"
  base_status="$(curl -sS -o /dev/null -w '%{http_code}' -H "cookie: $cookie" "$WASL_URL$url")"
  for param in $params; do
    run=$((run + 1))
    log="$RESULTS/$(printf '%02d' "$run")-$(tr '/' '_' <<<"${endpoint#/api/}")-$param.log"
    traffic="$WORK/traffic-$run.txt"
    started=$SECONDS
    if [[ "$base_status" != 200 ]]; then
      verdict="NO-BASELINE"
      echo "$user GET $url answered $base_status, not 200: nothing to compare payloads with" >"$log"
    else
      "$SQLMAP" -u "$WASL_URL$url" -p "$param" --cookie "$cookie" --drop-set-cookie \
        --batch --dbms PostgreSQL --level "$LEVEL" --risk "$RISK" --technique "$TECHNIQUE" --time-sec "$TIME_SEC" \
        --skip-waf --flush-session --disable-coloring --output-dir "$WORK/sqlmap" -t "$traffic" >"$log" 2>&1 || true
      if grep -Eq "identified the following injection point|parameter '$param' (is|appears to be) .*injectable" "$log"; then
        verdict="INJECTABLE"
      elif grep -q "parameter '$param' does not seem to be injectable" "$log"; then
        verdict="not-injectable"
      else
        verdict="NO-VERDICT"
      fi
    fi
    statuses="$(grep -oE '^HTTP response \[#[0-9]+\] \([0-9]+' "$traffic" 2>/dev/null | grep -oE '[0-9]+$' || true)"
    total="$(grep -c . <<<"$statuses" || true)"
    ok="$(grep -c '^2' <<<"$statuses" || true)"
    bad="$(grep -c '^400$' <<<"$statuses" || true)"
    other=$((total - ok - bad))
    rm -f -- "$traffic"
    case "$verdict" in
      INJECTABLE) found=1 ;;
      not-injectable) ;;
      *) unclear=1 ;;
    esac
    printf '%-30s %-14s %-14s %8s %6s %6s %6s %5s\n' \
      "${endpoint#/api}" "$param" "$verdict" "$total" "$ok" "$bad" "$other" "$((SECONDS - started))" | tee -a "$SUMMARY"
  done
done

{
  echo "runs: $run, total time: $((SECONDS - started_all)) s"
  echo "(2xx: the payload reached the query code; 400: refused by the route's Zod schema before any query; other: see the log)"
  if ((found)); then
    echo "RESULT: sqlmap reports an injectable parameter — see the INJECTABLE lines and their logs in $RESULTS/"
  elif ((unclear)); then
    echo "RESULT: no injection found, but some runs gave no verdict — see their logs in $RESULTS/"
  else
    echo "RESULT: no injectable parameter"
  fi
} | tee -a "$SUMMARY"

if ((found)); then exit 1; fi
if ((unclear)); then exit 2; fi
exit 0
