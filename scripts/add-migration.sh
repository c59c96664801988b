#!/usr/bin/env bash
# Adds a migration with the same name to both providers: scripts/add-migration.sh Name
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Teilhabe.Migrations.$provider" --startup-project "src/Teilhabe.Migrations.$provider" --output-dir Migrations
done
