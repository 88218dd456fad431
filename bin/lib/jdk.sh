# Sourced by the scripts in bin/: finds a JDK >= 21 and exports JAVA_HOME.
# Order: $JAVA_HOME, then every JDK under /usr/lib/jvm (newest first).

asyncops_java_feature() { # prints the feature version of the java at $1/bin/java, or nothing
  local out
  out=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p') || return 0
  printf '%s' "${out%%.*}"
}

asyncops_find_jdk() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(asyncops_java_feature "$candidate")
    if [ -n "$version" ] && [ "$version" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "asyncops: no JDK 21 or newer found (looked at \$JAVA_HOME='${JAVA_HOME:-}' and /usr/lib/jvm/*)." >&2
  echo "asyncops: install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it." >&2
  return 1
}
