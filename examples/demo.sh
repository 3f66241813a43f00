#!/bin/bash
# examples/demo.sh: the README's first command. On a fresh Debian machine it installs
# what is missing, builds autogen, starts a scratch PostgreSQL (stopped at the end), and
# walks the bundled recruiting example through the whole workflow:
#   first revision -> upgrade -> model change -> autogen -m "add status column" ->
#   upgrade -> check -> downgrade -1 -> check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/.ci/install-deps"
if [ ! -f "$root/build/build.ninja" ]; then
    meson setup "$root/build" "$root" --werror >/dev/null
fi
ninja -C "$root/build" >/dev/null
autogen="$root/build/cmd/autogen"

work=$(mktemp -d /tmp/autogen-demo-XXXXXX)
chmod 755 "$work"
server="$work/pg"
trap '"$root/tests/e2e/pg.sh" stop "$server" >/dev/null 2>&1; rm -rf "$work"' EXIT
dsn=$("$root/tests/e2e/pg.sh" start "$server")
psql "$dsn" -X -q -c "CREATE DATABASE recruiting"
export DATABASE_URL="$dsn dbname=recruiting"
cp -r "$root/examples/recruiting/." "$work/project"
cd "$work/project"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step "$autogen" -m "create jobs and candidates"
step "$autogen" upgrade
step "$autogen" current
sed -i "s/^    title varchar(200) NOT NULL,$/&\n    status text NOT NULL DEFAULT 'open',/" models/jobs.sql
step grep -n status models/jobs.sql
step "$autogen" -m "add status column"
step cat migrations/*add_status_column.sql
step "$autogen" upgrade
step "$autogen" check
step "$autogen" history --verbose
step "$autogen" downgrade -1
step "$autogen" current
set +e
step "$autogen" check
echo "(exit $?: the database is one revision behind the models)"
