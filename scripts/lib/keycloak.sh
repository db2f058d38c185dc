# shellcheck shell=bash
# Keycloak for the local stack: the Quarkus distribution from Maven Central, run in dev mode as a
# plain process, with the crossline realm imported from infra/keycloak/crossline-realm.json.
# Sourced after common.sh, never run; defines functions only.
#
# start-dev keeps its H2 database inside the install dir (<home>/data/h2), so each environment
# (dev, test) gets its own extracted copy under $ENV_DIR. The realm is imported on the first start
# only; when the realm file changes, the dev database is reset so the new realm is imported.
# The realm file lists Keycloak's built-in client scopes (basic, profile, roles, ...) as well as
# crossline-claims: a realm file that declares any clientScopes gets only those, and without `basic`
# tokens have no `sub`.

KEYCLOAK_REALM_FILE="$CROSSLINE_ROOT/infra/keycloak/crossline-realm.json"

# keycloak_version: the version managed in the root pom (keycloak.version).
keycloak_version() { echo "$KEYCLOAK_VERSION"; }

# keycloak_home: where this environment's Keycloak lives (extracted once per environment).
keycloak_home() { echo "$ENV_DIR/keycloak-$(keycloak_version)"; }

keycloak_issuer() { echo "http://127.0.0.1:$KEYCLOAK_PORT/realms/crossline"; }

# keycloak_install: extract the distribution into keycloak_home unless it is there already.
keycloak_install() {
  local version home archive staging
  version=$(keycloak_version)
  home=$(keycloak_home)
  [ -x "$home/bin/kc.sh" ] && return 0
  archive="$DIST_DIR/archives/keycloak-quarkus-dist-$version.tar.gz"
  [ -f "$archive" ] || fetch_dist
  [ -f "$archive" ] || die "Keycloak $version not found at $archive"
  # Extract next to the target and move it into place, so an interrupted extraction leaves no half install.
  staging=$(mktemp -d "$ENV_DIR/.keycloak-extract.XXXXXX")
  tar -xzf "$archive" -C "$staging" || { rm -rf "$staging"; die "could not extract $archive"; }
  [ -d "$staging/keycloak-$version" ] || { rm -rf "$staging"; die "$archive has no keycloak-$version folder"; }
  mv "$staging/keycloak-$version" "$home"
  rmdir "$staging"
}

# keycloak_stage_realm: put the realm where --import-realm reads it. A realm that is already in the
# database is never re-imported, so a changed realm file resets the (disposable) start-dev database.
keycloak_stage_realm() {
  local home import
  home=$(keycloak_home)
  import="$home/data/import/crossline-realm.json"
  [ -f "$KEYCLOAK_REALM_FILE" ] || die "realm file not found: $KEYCLOAK_REALM_FILE"
  if [ -f "$import" ] && ! cmp -s "$KEYCLOAK_REALM_FILE" "$import"; then
    say "    the realm file changed since Keycloak imported it; resetting Keycloak's $CROSSLINE_ENV database"
    rm -rf "$home/data/h2"
  fi
  mkdir -p "$home/data/import"
  cp "$KEYCLOAK_REALM_FILE" "$import"
}

# keycloak_java_opts: JVM options for Keycloak on top of kc.sh's own. On Java 24+ the jboss-threads
# in Keycloak 26.5 needs java.lang opened (else IllegalAccessError on shutdown), and Netty's use of
# sun.misc.Unsafe would print a warning at every start; older JVMs reject the latter flag.
keycloak_java_opts() {
  local tmp=$1 opts feature
  opts="-Djava.io.tmpdir=$tmp --add-opens=java.base/java.lang=ALL-UNNAMED"
  feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null)
  if [ -n "$feature" ] && [ "$feature" -ge 24 ]; then
    opts="$opts --sun-misc-unsafe-memory-access=allow"
  fi
  echo "$opts"
}

keycloak_start() {
  is_running keycloak && return 0
  ensure_dirs
  keycloak_install
  keycloak_stage_realm
  local home tmp
  home=$(keycloak_home)
  tmp="$DATA_DIR/keycloak-tmp"
  mkdir -p "$tmp"
  # kc.sh does not exec java (it waits on it, and relaunches it after a re-augmentation), but
  # start_process puts both in a session of their own and stop_process signals the whole group.
  # --hostname pins the issuer, so tokens carry the same `iss` whether asked via localhost or 127.0.0.1.
  # The bootstrap admin (admin/admin, master realm) is for the local run only.
  start_process keycloak env \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    JAVA_OPTS_APPEND="$(keycloak_java_opts "$tmp")" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$home/bin/kc.sh" start-dev \
    --import-realm \
    --hostname="http://127.0.0.1:$KEYCLOAK_PORT" \
    --http-host=127.0.0.1 \
    --http-port="$KEYCLOAK_PORT" \
    --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --health-enabled=true \
    --log-console-color=false
}

keycloak_ready() {
  http_ok "http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health/ready" &&
    http_ok "$(keycloak_issuer)/.well-known/openid-configuration"
}

keycloak_wait() { wait_until keycloak 240 keycloak_ready; }

keycloak_stop() { stop_process keycloak; }
