# Shared by scripts/scan-*.sh (sourced, not run): a throwaway demo server for external scanners.
#
#   start_demo_server      sets WASL_URL; uses $WASL_URL as given if it is already set
#   stop_demo_server       stops the server this file started and removes its data folder (safe to call twice)
#   login_as USER          signs a demo user in (password $WASL_PASSWORD, default the demo one) and sets
#                          SESSION_COOKIE ("wasl_sid=…"), SESSION_CSRF and SESSION_USER_ID
#
# The server runs in its own process group (setsid) so that stopping it also stops tsx's child process.

WASL_PASSWORD="${WASL_PASSWORD:-wasl-demo-2026}"
DEMO_SERVER_PID=""
DEMO_SERVER_DIR=""
DEMO_SERVER_STARTED=0

free_port() {
  node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start_demo_server() {
  if [[ -n "${WASL_URL:-}" ]]; then
    WASL_URL="${WASL_URL%/}"
    echo "Using the server at $WASL_URL"
    return 0
  fi
  if [[ ! -f dist/web/index.html || ! -f dist/web/portal/index.html ]]; then
    echo "dist/web is missing: building the web apps (npx vite build)"
    npx vite build --logLevel warn
  fi
  DEMO_SERVER_DIR="$(mktemp -d -t wasl-scan-XXXXXX)"
  local port
  port="$(free_port)"
  # A new embedded database in a temporary folder: demo users and demo knowledge are seeded on first start.
  # DATABASE_URL is dropped so that a developer's PostgreSQL server is never the target.
  env -u DATABASE_URL DATA_DIR="$DEMO_SERVER_DIR/data" PORT="$port" HOST=127.0.0.1 LOG_LEVEL=warn \
    NODE_ENV=development setsid npx tsx src/server/main.ts >"$DEMO_SERVER_DIR/server.log" 2>&1 &
  DEMO_SERVER_PID=$!
  DEMO_SERVER_STARTED=1
  WASL_URL="http://127.0.0.1:$port"
  local waited=0
  until curl -fsS -o /dev/null "$WASL_URL/api/health" 2>/dev/null; do
    if ! kill -0 "$DEMO_SERVER_PID" 2>/dev/null; then
      echo "The demo server stopped while starting:" >&2
      cat "$DEMO_SERVER_DIR/server.log" >&2
      return 1
    fi
    if ((waited >= 120)); then
      echo "The demo server did not answer within 120 s:" >&2
      cat "$DEMO_SERVER_DIR/server.log" >&2
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "Demo server on $WASL_URL (pid $DEMO_SERVER_PID, data in $DEMO_SERVER_DIR, ready after ${waited} s)"
}

stop_demo_server() {
  if [[ "$DEMO_SERVER_STARTED" == 1 && -n "$DEMO_SERVER_PID" ]]; then
    # SIGTERM lets the server close the database and release its lock; the group id is the setsid pid.
    kill -TERM -- "-$DEMO_SERVER_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 20); do
      kill -0 -- "-$DEMO_SERVER_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$DEMO_SERVER_PID" 2>/dev/null || true
    DEMO_SERVER_PID=""
  fi
  if [[ -n "$DEMO_SERVER_DIR" && -d "$DEMO_SERVER_DIR" ]]; then
    rm -rf -- "$DEMO_SERVER_DIR"
    DEMO_SERVER_DIR=""
  fi
}

login_as() {
  local user="$1" headers body
  headers="$(mktemp)"
  body="$(curl -fsS -D "$headers" -H 'content-type: application/json' \
    --data "{\"username\":\"$user\",\"password\":\"$WASL_PASSWORD\"}" "$WASL_URL/api/auth/login")" || {
    rm -f "$headers"
    echo "Signing in as $user failed" >&2
    return 1
  }
  # The cookie is wasl_sid, or __Host-wasl_sid behind a TLS proxy (TRUST_PROXY=1).
  SESSION_COOKIE="$(tr -d '\r' <"$headers" | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*wasl_sid=[^;]*\).*/\1/p' | head -n 1)"
  SESSION_CSRF="$(jq -r '.csrfToken' <<<"$body")"
  SESSION_USER_ID="$(jq -r '.user.id' <<<"$body")"
  rm -f "$headers"
  [[ -n "$SESSION_COOKIE" ]] || { echo "No session cookie for $user" >&2; return 1; }
}
