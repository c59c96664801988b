#!/usr/bin/env bash
# The one test command: installs what is missing (PostgreSQL, Chromium, npm packages), starts a
# throwaway PostgreSQL cluster, builds once and runs every suite:
#   format check, style sheet lint, unit tests, HTTP tests on SQLite, HTTP tests on PostgreSQL (with a streaming
#   replica for the read-replica tests), browser tests.
# A failing suite does not stop the run. The last line is "N passed, M failed" summed over all
# suites; the exit code is non-zero when anything failed or a suite could not run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
configuration=Release
results="$root/TestResults/test-run"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n=== %s\n' "$*"; }

# --- What the machine needs -------------------------------------------------------------------
missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
  log "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update </dev/null
  apt-get install -y "${missing[@]}" </dev/null
fi

log "npm ci (stylelint for the style sheets, axe-core for the accessibility scan)"
npm ci --no-audit --no-fund --loglevel=error </dev/null
(cd tests/Teilhabe.BrowserTests && npm ci --no-audit --no-fund --loglevel=error </dev/null)

# --- A throwaway PostgreSQL primary and its streaming replica on 127.0.0.1 ---------------------
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/teilhabe-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$pg_dir"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  local cluster
  for cluster in replica data; do
    if [ -f "$pg_dir/$cluster/postmaster.pid" ]; then
      as_pg "$pg_bin/pg_ctl" -D "$pg_dir/$cluster" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$pg_dir"
}
trap cleanup EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=54329
while port_in_use "$pg_port"; do pg_port=$((pg_port + 1)); done

log "PostgreSQL $(basename "$(dirname "$pg_bin")") on 127.0.0.1:$pg_port ($pg_dir)"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --no-locale -E UTF8 >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 1; }
# Durability is irrelevant for a throwaway test cluster; speed is not.
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c wal_level=replica -c max_wal_senders=4" \
  start >/dev/null || { cat "$pg_dir/server.log" >&2; exit 1; }
pg_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres"

# The replica (Teilhabe:Database:ReadOnlyConnectionString): a base backup of the primary that streams its WAL
# (-R writes primary_conninfo and standby.signal); initdb's trust authentication covers replication on loopback.
replica_port=$((pg_port + 1))
while port_in_use "$replica_port"; do replica_port=$((replica_port + 1)); done
log "PostgreSQL streaming replica on 127.0.0.1:$replica_port"
as_pg "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U postgres -D "$pg_dir/replica" -R -X stream >"$pg_dir/basebackup.log" 2>&1 \
  || { cat "$pg_dir/basebackup.log" >&2; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/replica" -l "$pg_dir/replica.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $replica_port -k $pg_dir -c fsync=off -c max_connections=200 -c hot_standby=on" \
  start >/dev/null || { cat "$pg_dir/replica.log" >&2; exit 1; }
replica_connection="Host=127.0.0.1;Port=$replica_port;Username=postgres"

# --- Build once, then every suite --------------------------------------------------------------
rm -rf "$results"
mkdir -p "$results"
passed=0
failed=0

log "Build ($configuration)"
build_ok=true
dotnet build Teilhabe.slnx -c "$configuration" -nologo </dev/null || build_ok=false

log "Format (dotnet format --verify-no-changes)"
if dotnet format Teilhabe.slnx --verify-no-changes </dev/null; then
  passed=$((passed + 1))
else
  echo "Formatting differs: run 'dotnet format' and commit." >&2
  failed=$((failed + 1))
fi

log "Style sheets (stylelint, .stylelintrc.json)"
if npm run --silent lint:css </dev/null; then
  passed=$((passed + 1))
else
  echo "stylelint found problems in the style sheets (npx stylelint --fix fixes most)." >&2
  failed=$((failed + 1))
fi

# Adds the counters of a suite's TRX file; a suite without TRX, or one that failed without
# reporting a failed test (crash, aborted test host), counts as one failed test.
count_suite() {
  local name=$1 status=$2 trx="$results/$1.trx"
  if [ ! -f "$trx" ]; then
    echo "Suite $name produced no results (exit $status): counted as 1 failed." >&2
    failed=$((failed + 1))
    return
  fi
  local counters p f
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  p=$(attr passed)
  f=$(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) ))
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "Suite $name exited with $status without a failed test: counted as 1 failed." >&2
    f=1
  fi
  echo "Suite $name: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
}

run_suite() {
  local name=$1 project=$2
  shift 2
  log "Suite $name"
  if [ "$build_ok" != true ]; then
    count_suite "$name" 1
    return
  fi
  local status=0
  env "$@" dotnet test "$project" -c "$configuration" --no-build \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" </dev/null 2>&1 | tee "$results/$name.log" || status=$?
  count_suite "$name" "$status"
}

run_suite unit tests/Teilhabe.UnitTests/Teilhabe.UnitTests.csproj
run_suite http-sqlite tests/Teilhabe.HttpTests/Teilhabe.HttpTests.csproj TEILHABE_TEST_DB=Sqlite
run_suite http-postgres tests/Teilhabe.HttpTests/Teilhabe.HttpTests.csproj TEILHABE_TEST_DB=Postgres "TEILHABE_TEST_PG=$pg_connection" "TEILHABE_TEST_PG_REPLICA=$replica_connection"
run_suite browser tests/Teilhabe.BrowserTests/Teilhabe.BrowserTests.csproj TEILHABE_TEST_DB=Sqlite

# The failed tests once more at the end, where a CI log shows them even when it keeps only its tail.
if [ "$failed" -gt 0 ]; then
  log "Failed tests"
  for suite_log in "$results"/*.log; do
    [ -f "$suite_log" ] || continue
    grep -E -A 6 '^[[:space:]]+Failed [A-Za-z]' "$suite_log" | cut -c 1-240 | sed "s|^|[$(basename "$suite_log" .log)] |" | head -n 60 || true
  done
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
