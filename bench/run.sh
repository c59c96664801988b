#!/usr/bin/env bash
# The one bench command (issue 11): builds Release, starts a throwaway PostgreSQL cluster, generates and loads the
# synthetic state into PostgreSQL and into a SQLite file, starts the published app on each and runs the scenarios.
# Results: bench/results/<date>-<provider>.md|.json and bench/results/latest.md.
#   SCALE=0.05 bench/run.sh     quick run (5 % of the state, shorter measuring windows)
#   bench/run.sh                full state (SCALE=1)
# Options (environment): PROVIDERS="Postgres Sqlite", SEED=42, USERS=1,16,64, WARMUP/DURATION (seconds, default 2/10
# at SCALE=1, 1/4 below), ONLY=case-overview,statistics (scenario keys), KEEP=1 keeps the temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
scale=${SCALE:-1}
seed=${SEED:-42}
providers=${PROVIDERS:-Postgres Sqlite}
users=${USERS:-1,16,64}
# The state statistics take seconds each: at full scale they run at 1 and 16 users only (64 would take minutes).
if awk "BEGIN{exit !($scale < 1)}"; then statistics_users=${STATISTICS_USERS:-$users}; else statistics_users=${STATISTICS_USERS:-1,16}; fi
if awk "BEGIN{exit !($scale < 1)}"; then warmup=${WARMUP:-1}; duration=${DURATION:-4}; else warmup=${WARMUP:-2}; duration=${DURATION:-10}; fi
date=$(date -u +%Y-%m-%d)
results="$root/bench/results"
mkdir -p "$results"

log() { printf '\n=== [%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
work=$(mktemp -d /tmp/teilhabe-bench.XXXXXX)
chmod 755 "$work"
if [ "$(id -u)" -eq 0 ]; then
  mkdir -p "$work/pg" && chown postgres:postgres "$work/pg"
  as_pg() { runuser -u postgres -- "$@"; }
else
  mkdir -p "$work/pg"
  as_pg() { "$@"; }
fi

app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  if [ -f "$work/pg/data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ "${KEEP:-0}" != 1 ]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while port_in_use "$p"; do p=$((p + 1)); done; echo "$p"; }

# --- Build ------------------------------------------------------------------------------------------
log "Build (Release): app, generator, runner"
# The generator references the app, so its build compiles the app once; publishing then only copies.
dotnet build bench/Teilhabe.Bench.Data/Teilhabe.Bench.Data.csproj -c Release -nologo -v q </dev/null
dotnet publish src/Teilhabe.Web/Teilhabe.Web.csproj -c Release --no-build -o "$work/app" -nologo -v q </dev/null
dotnet build bench/Teilhabe.Bench/Teilhabe.Bench.csproj -c Release -nologo -v q </dev/null
generator="$root/bench/Teilhabe.Bench.Data/bin/Release/net10.0/Teilhabe.Bench.Data.dll"
runner="$root/bench/Teilhabe.Bench/bin/Release/net10.0/Teilhabe.Bench.dll"

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1" >/dev/null 2>&1

# --- PostgreSQL -------------------------------------------------------------------------------------
if [[ " $providers " == *" Postgres "* ]]; then
  pg_port=$(free_port 54429)
  log "PostgreSQL $(basename "$(dirname "$pg_bin")") on 127.0.0.1:$pg_port"
  as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --no-locale -E UTF8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
  # Durability off (a throwaway cluster); memory settings of a small 2-core server.
  as_pg "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB -c work_mem=16MB -c maintenance_work_mem=256MB" \
    start >/dev/null || { cat "$work/pg/server.log" >&2; exit 1; }
fi

connection_for() {
  case $1 in
    Postgres) echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=teilhabe_bench;Maximum Pool Size=100" ;;
    Sqlite) echo "Data Source=$work/teilhabe-bench.db;Foreign Keys=True" ;;
  esac
}

run_provider() {
  local provider=$1 cs port
  cs=$(connection_for "$provider")
  log "$provider: generate and load (scale $scale, seed $seed)"
  (cd "$root" && dotnet "$generator" --provider "$provider" --connection "$cs" --scale "$scale" --seed "$seed") </dev/null

  port=$(free_port 5490)
  log "$provider: start the app on https://127.0.0.1:$port"
  mkdir -p "$work/storage-$provider"
  # HTTPS as in production (the cookies and the antiforgery token are Secure there), with a throwaway certificate.
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="https://127.0.0.1:$port" \
      ASPNETCORE_Kestrel__Certificates__Default__Path="$work/cert.pem" ASPNETCORE_Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
      Teilhabe__Database__Provider="$provider" Teilhabe__Database__ConnectionString="$cs" \
      Teilhabe__Storage__Path="$work/storage-$provider/documents" Teilhabe__RateLimit__LoginPermitsPerMinute=1000 \
      Serilog__MinimumLevel__Default=Warning \
      dotnet Teilhabe.Web.dll >"$work/app-$provider.log" 2>&1) </dev/null &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -fsk "https://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app-$provider.log" >&2; exit 1; fi
    sleep 1
  done
  # The dotnet host is the app process itself (exec), so its /proc entry is the working set we sample.
  log "$provider: scenarios (users $users, ${warmup}s warm-up + ${duration}s each)"
  dotnet "$runner" run --url "https://127.0.0.1:$port" --provider "$provider" --connection "$cs" --pid "$app_pid" \
    --trust-cert "$work/cert.pem" --scale "$scale" --results "$results" --warmup "$warmup" --duration "$duration" --users "$users" --statistics-users "$statistics_users" --date "$date" \
    ${ONLY:+--only "$ONLY"} </dev/null || { tail -n 50 "$work/app-$provider.log" >&2; exit 1; }
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

for provider in $providers; do run_provider "$provider"; done

dotnet "$runner" summary --results "$results" --date "$date" </dev/null
log "Done: $results/latest.md"
