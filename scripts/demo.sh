#!/usr/bin/env bash
# Runs Teilhabe on SQLite with demo data and prints the URL and the demo logins.
# The demo database lives in ./data (delete the folder to start afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5080}
mkdir -p data
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Teilhabe__Database__ConnectionString="Data Source=$PWD/data/teilhabe-demo.db;Foreign Keys=True"
export Teilhabe__Storage__Path="$PWD/data/documents"
exec dotnet run --project src/Teilhabe.Web --launch-profile Teilhabe -- --demo --urls "http://127.0.0.1:$port"
