# Sourced by bin/test: starts a throwaway PostgreSQL cluster from the system's (Debian) PostgreSQL for the engine's
# ExternalPostgresEngineTest, which otherwise runs only against a database named by ASYNCOPS_TEST_PG_URL. The
# cluster lives in a temporary folder, listens on 127.0.0.1 at a free port with password authentication, and is
# stopped and deleted when bin/test exits. An ASYNCOPS_TEST_PG_URL already set is left alone. Needs tools.sh.

asyncops_start_test_pg() {
  [ -z "${ASYNCOPS_TEST_PG_URL:-}" ] || return 0
  local initdb bin dir port password run=()
  initdb=$(asyncops_find_initdb)
  if [ -z "$initdb" ]; then
    echo "asyncops: no system PostgreSQL (initdb) found: install it (apt-get install -y postgresql)" >&2
    return 1
  fi
  bin=$(dirname "$(readlink -f "$initdb")")
  dir=$(mktemp -d "${TMPDIR:-/tmp}/asyncops-pg.XXXXXX")
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root
    chown nobody "$dir"
    run=(runuser -u nobody --)
  fi
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" > "$dir/pw"
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U asyncops --pwfile="$dir/pw" --auth=scram-sha-256 -E UTF8 \
      --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  local attempt started=
  for attempt in 1 2 3; do
    # a port free a moment ago can be taken before the server binds it: then another one
    port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null; then
      started=yes
      break
    fi
  done
  [ -n "$started" ] || { cat "$dir/server.log" >&2; return 1; }
  ASYNCOPS_TEST_PG_DIR=$dir
  ASYNCOPS_TEST_PG_RUN="${run[*]}"
  ASYNCOPS_TEST_PG_BIN=$bin
  trap asyncops_stop_test_pg EXIT
  export ASYNCOPS_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres"
  export ASYNCOPS_TEST_PG_USER=asyncops
  export ASYNCOPS_TEST_PG_PASSWORD=$password
  echo "asyncops: a throwaway PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the external-database tests on port $port" >&2
}

asyncops_stop_test_pg() {
  [ -n "${ASYNCOPS_TEST_PG_DIR:-}" ] || return 0
  # shellcheck disable=SC2086 # the runner is a short word list, or empty
  $ASYNCOPS_TEST_PG_RUN "$ASYNCOPS_TEST_PG_BIN/pg_ctl" -D "$ASYNCOPS_TEST_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$ASYNCOPS_TEST_PG_DIR"
}
