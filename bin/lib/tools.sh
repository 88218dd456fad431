# Sourced by bin/test: makes sure the real third-party clients the tests drive are installed.
# Debian packages: azure-cli (the Azure CLI), python3-azure (the Python management SDKs under /usr/bin/python3),
# chromium (headless browser tests), postgresql (the server of the external-database tests, bin/lib/pg.sh).
# Installed with apt-get when missing and this user may (root, or sudo without a password); otherwise the missing
# ones are named and the tests that need them fail, loudly.

# The newest initdb of the system's PostgreSQL, or nothing.
asyncops_find_initdb() {
  if command -v initdb >/dev/null 2>&1; then
    command -v initdb
    return 0
  fi
  ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true
}

asyncops_missing_packages() {
  local missing=()
  command -v az >/dev/null 2>&1 || missing+=(azure-cli)
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import azure.mgmt.storage, azure.core' >/dev/null 2>&1 \
    || missing+=(python3-azure)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -n "$(asyncops_find_initdb)" ] || missing+=(postgresql)
  printf '%s\n' "${missing[@]}"
}

asyncops_install_tools() {
  local missing
  missing=$(asyncops_missing_packages | tr '\n' ' ')
  missing=${missing% }
  [ -n "$missing" ] || return 0
  local apt=()
  if [ "$(id -u)" -eq 0 ]; then
    apt=(apt-get)
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt=(sudo -n apt-get)
  else
    echo "asyncops: missing Debian packages: $missing (install them: apt-get install -y $missing)" >&2
    return 0
  fi
  echo "asyncops: installing $missing (needed by the tests)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! "${apt[@]}" install -y -q $missing >&2; then
    "${apt[@]}" update -q >&2 || true
    "${apt[@]}" install -y -q $missing >&2 || echo "asyncops: could not install $missing" >&2
  fi
}
