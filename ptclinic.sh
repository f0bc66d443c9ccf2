#!/usr/bin/env bash
# PtClinic from a clean checkout on Debian/Ubuntu:
#   ./ptclinic.sh run       the app on http://127.0.0.1:5080 with its own PostgreSQL in .data/
#   ./ptclinic.sh test      build (warnings as errors) and run every test project; the last
#                           line is "tests: N passed, N failed, N skipped"
#   ./ptclinic.sh migrate   apply the migrations and the demo data to the local database
#                           (as its owner role; the app then runs as a role that owns nothing)
#   ./ptclinic.sh stop      stop the local PostgreSQL if a killed session left it running
#   ./ptclinic.sh bench     benchmarks against a throwaway PostgreSQL; writes docs/benchmarks.md
#   ./ptclinic.sh audit-verify  check the local database's audit trail, chain by chain (exit 3: broken)
#   ./ptclinic.sh seed [--episodes N] [--clinics K] [--seed S] [--months M] [--no-demo]
#                           synthetic clinics, patients and episodes in the local database
#                           (docs/synthetic-data.md); prints the rows written and the time
# Installs the missing Debian packages it needs (as root). Environment knobs:
#   PTCLINIC_WEB_PORT (5080), PTCLINIC_TEST_TIMEOUT (60m), PTCLINIC_TEST_MODULES_IN_PARALLEL (1),
#   PTCLINIC_BENCH_TIMEOUT (30m)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
cd "$REPO"
# shellcheck source=deploy/local-postgres.sh
source "$REPO/deploy/local-postgres.sh"

SOLUTION=PtClinic.sln
WEB_DIR=src/PtClinic.Web
WEB_DLL=bin/Release/net10.0/linux-x64/PtClinic.Web.dll # relative to WEB_DIR
WEB_PORT=${PTCLINIC_WEB_PORT:-5080}
DEV_PG_PORT=5433   # first choice for the dev cluster; the port in use is kept in .data/port
DEV_DB=ptclinic
DEV_OWNER=ptclinic_owner # owns the tables and migrates them; its password is in .data/ptclinic_owner.password
DEV_APP=ptclinic_app     # what the app connects as; its password is in .data/ptclinic_app.password
TEST_PG_PORT=55433 # first choice for throwaway test clusters, away from the dev one
RESULTS_DIR=$REPO/TestResults/ptclinic
TEST_TIMEOUT=${PTCLINIC_TEST_TIMEOUT:-60m}
TEST_PARALLEL=${PTCLINIC_TEST_MODULES_IN_PARALLEL:-1}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ ${CI:-} == true ]]; then
  # No MSBuild nodes left behind after a CI run.
  export MSBUILDDISABLENODEREUSE=1
fi

# What the exit handler cleans up.
PG_ROOT=''      # cluster to stop
PG_TEMP_ROOT='' # folder to delete (throwaway test cluster)
APP_PID=''      # app to stop, before the database it uses
TESTS_PID=''    # test run to stop (the timeout process leading its process group)
TAIL_PID=''     # the tail showing the test log as it grows
TEST_MODE=0     # 1: the exit handler prints the totals line last
PASSED=0 FAILED=0 SKIPPED=0

say() { printf '==> %s\n' "$*"; }

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------- exit and signals

# Stop a background child: SIGTERM, then SIGKILL after 40 s. ASP.NET Core shuts down
# gracefully on SIGTERM (waiting up to 30 s for requests); timeout(1) passes it on to the
# whole test run. bash reaps an ended child at once, so kill -0 fails as soon as it is gone.
stop_child() {
  local pid=$1 i
  [[ -n $pid ]] || return 0
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 200; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

# Whatever way the script ends: stop the app or the tests, then PostgreSQL; in test mode
# print the totals as the very last line.
on_exit() {
  local rc=$?
  set +e
  trap '' INT TERM HUP PIPE # a second Ctrl-C must not cut the cleanup short
  [[ -n $APP_PID ]] && say "Stopping the app"
  stop_child "$APP_PID"
  [[ -n $TESTS_PID ]] && say "Stopping the tests"
  stop_child "$TESTS_PID"
  stop_child "$TAIL_PID"
  if [[ -n $PG_ROOT ]] && pg_cluster_is_running "$PG_ROOT"; then
    say "Stopping PostgreSQL"
    pg_cluster_stop "$PG_ROOT"
  fi
  [[ -n $PG_TEMP_ROOT ]] && rm -rf "$PG_TEMP_ROOT"
  # The compiler servers would outlive the job.
  [[ ${CI:-} == true && $TEST_MODE == 1 ]] && dotnet build-server shutdown >/dev/null 2>&1
  if [[ $TEST_MODE == 1 ]]; then
    ((rc != 0)) && say "FAILED (exit code $rc)"
    echo "tests: $PASSED passed, $FAILED failed, $SKIPPED skipped"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE # output piped into e.g. head, which has quit

# ---------------------------------------------------------------- packages

package_present() {
  case $1 in
  postgresql) [[ -x $PG_BIN/initdb && -x $PG_BIN/psql ]] ;;
  chromium) command -v chromium >/dev/null ;;
  poppler-utils) command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null ;;
  *) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' ;;
  esac
}

# Install the Debian packages that are missing, with a single apt-get update.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    package_present "$p" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  [[ $EUID -eq 0 ]] || die "missing packages: ${missing[*]} (sudo apt-get install ${missing[*]})"
  say "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Wait for another apt (e.g. unattended upgrades) instead of failing on its lock.
  apt-get -o DPkg::Lock::Timeout=300 update -q
  apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}"
  for p in "${missing[@]}"; do
    package_present "$p" || die "$p is still missing after apt-get install"
  done
}

require_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK is not installed (global.json names the version)"
}

# ---------------------------------------------------------------- local PostgreSQL

# The dev cluster lives in .data/pg, unless user postgres cannot enter the checkout (e.g. it
# is under /root): then in /var/tmp/ptclinic-<hash of the checkout path>, and .data/pg is a
# symlink to it.
dev_cluster_root() {
  local link=$REPO/.data/pg target
  mkdir -p "$REPO/.data"
  if [[ -L $link ]]; then
    target=$(readlink "$link")
  elif [[ -d $link ]] || pg_owner_can_enter "$REPO/.data"; then
    target=$link
  else
    target=/var/tmp/ptclinic-$(printf %s "$REPO" | sha256sum | cut -c1-12)
    ln -sfn "$target" "$link"
  fi
  mkdir -p "$target"
  echo "$target"
}

# Start the dev cluster, or adopt it if a killed session left it running, and lock it down
# (pg_cluster_secure: passwords over TCP, the superuser only over the socket; a .data/ from
# before the roles is upgraded in place). Sets PG_PORT.
dev_cluster_up() {
  local root port_file=$REPO/.data/port taken
  ensure_packages postgresql
  root=$(dev_cluster_root)
  pg_cluster_init "$root"
  PG_ROOT=$root
  if pg_cluster_is_running "$root"; then
    PG_PORT=$(pg_cluster_port "$root")
    say "Reusing the PostgreSQL already running in $root"
  else
    PG_PORT=$(cat "$port_file" 2>/dev/null || true)
    [[ $PG_PORT =~ ^[0-9]+$ ]] || PG_PORT=$DEV_PG_PORT
    if port_in_use "$PG_PORT"; then
      taken=$PG_PORT
      PG_PORT=$(first_free_port $((taken + 1)))
      say "Port $taken is taken by another program: using $PG_PORT (kept in .data/port)"
    fi
    pg_cluster_write_hba "$root"
    pg_cluster_start "$root" "$PG_PORT" "password_encryption = scram-sha-256" || die "could not start PostgreSQL"
  fi
  pg_cluster_verify "$root" "$PG_PORT" || die "could not reach our PostgreSQL"
  echo "$PG_PORT" >"$port_file"
  pg_cluster_secure "$root" "$PG_PORT" "$REPO/.data" "$DEV_DB" "$DEV_OWNER" "$DEV_APP" ||
    die "could not set up the database roles"
  say "PostgreSQL 15 on 127.0.0.1:$PG_PORT (data: $root/data, log: $root/pg.log)"
}

# A throwaway cluster in a fresh folder under /var/tmp, which user postgres can always
# enter. Durability is off: the data dies with the run, and the tests create many databases.
test_cluster_up() {
  PG_TEMP_ROOT=$(mktemp -d /var/tmp/ptclinic-test-pg.XXXXXX)
  PG_ROOT=$PG_TEMP_ROOT
  pg_cluster_init "$PG_ROOT" || die "could not create the test cluster"
  PG_PORT=$(first_free_port "$TEST_PG_PORT")
  pg_cluster_start "$PG_ROOT" "$PG_PORT" \
    "fsync = off" "synchronous_commit = off" "full_page_writes = off" \
    "max_connections = 300" || die "could not start the test PostgreSQL"
  say "Test PostgreSQL 15 on 127.0.0.1:$PG_PORT (in $PG_ROOT)"
}

cmd_stop() {
  local root=$REPO/.data/pg
  if [[ -e $root ]] && pg_cluster_is_running "$root"; then
    pg_cluster_stop "$root"
    say "Stopped the PostgreSQL in $root"
  else
    say "The local PostgreSQL is not running"
  fi
}

# ---------------------------------------------------------------- the app

build_web() {
  say "Building the web app (Release)"
  dotnet build "$WEB_DIR/PtClinic.Web.csproj" -c Release -nologo
  [[ -f $WEB_DIR/$WEB_DLL ]] || die "the build did not produce $WEB_DIR/$WEB_DLL"
}

# A connection string to the dev database as a role, with the password from its file in .data/.
dev_connection() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$DEV_DB;Username=$1;Password=$(cat "$REPO/.data/$1.password")"
}

# The app as the runtime role, migrating nothing: the migrate step did it, as the owner.
export_app_env() {
  export ASPNETCORE_ENVIRONMENT=Development
  export ConnectionStrings__Postgres
  ConnectionStrings__Postgres=$(dev_connection "$DEV_APP")
  unset ConnectionStrings__PostgresOwner
  export Database__MigrateOnStartup=false Database__SeedDemo=false
  # The app makes this certificate (mode 600) on first start: dev data-protection keys are encrypted too.
  export DataProtection__CertificatePath="$REPO/.data/data-protection.pfx" DataProtection__CreateCertificate=true
}

# Migrations, Hangfire's schema, the runtime role's grants and the demo clinic, as the owner.
migrate_as_owner() {
  say "Applying the migrations and the demo data (as $DEV_OWNER)"
  (
    export ASPNETCORE_ENVIRONMENT=Development Database__SeedDemo=true Jobs__RunServer=false
    export ConnectionStrings__PostgresOwner ConnectionStrings__Postgres
    ConnectionStrings__PostgresOwner=$(dev_connection "$DEV_OWNER")
    ConnectionStrings__Postgres=$(dev_connection "$DEV_APP")
    cd "$WEB_DIR" && exec dotnet "$WEB_DLL" --migrate-only
  ) &
  APP_PID=$!
  wait_app
}

# Start the app in the background: bash runs a trap only once its foreground child has
# ended, and the exit handler must be able to stop the app (then the database) at any time.
# The project folder is the content root, where appsettings*.json and wwwroot are.
start_app() {
  (cd "$WEB_DIR" && exec dotnet "$WEB_DLL" "$@") &
  APP_PID=$!
}

# Wait for the app to end on its own; returns its exit code.
wait_app() {
  local rc=0
  wait "$APP_PID" || rc=$?
  APP_PID=''
  return "$rc"
}

# Poll /health/live while the app is alive.
wait_until_live() {
  local url=$1 i
  for ((i = 0; i < 300; i++)); do
    kill -0 "$APP_PID" 2>/dev/null || return 1
    curl -fsS -o /dev/null --max-time 2 "$url/health/live" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}

print_banner() {
  cat <<EOF

  ------------------------------------------------------------------
   PtClinic is running at   $1

   Demo sign-ins, all with the password   Demo-Clinic-2026!   (no authenticator app needed)
     therapist      therapist@demo.ptclinic.org    Maya Lindqvist
     therapist      therapist2@demo.ptclinic.org   Jonas Berg (for cover)
     therapist      therapist3@demo.ptclinic.org   Leila Haddad (joined two months ago)
     manager        manager@demo.ptclinic.org      Tomás Herrera
     front desk     frontdesk@demo.ptclinic.org    Priya Nair
     admin          admin@demo.ptclinic.org        Sam Okafor (staff, clinic settings)

   Ctrl-C stops the app, then PostgreSQL (the data stays in .data/).
  ------------------------------------------------------------------

EOF
}

cmd_run() {
  local url=http://127.0.0.1:$WEB_PORT rc=0
  require_dotnet
  if port_in_use "$WEB_PORT"; then
    die "port $WEB_PORT is in use (is PtClinic already running?); pick another with PTCLINIC_WEB_PORT=..."
  fi
  dev_cluster_up
  build_web
  migrate_as_owner || die "the migration failed"
  export_app_env
  say "Starting PtClinic on $url (as the database role $DEV_APP)"
  start_app --urls "$url"
  if ! command -v curl >/dev/null; then
    print_banner "$url"
  elif wait_until_live "$url"; then
    print_banner "$url"
  elif kill -0 "$APP_PID" 2>/dev/null; then
    say "The app has not answered $url/health/live yet; still waiting for it"
    print_banner "$url"
  fi
  wait_app || rc=$?
  ((rc == 0)) || die "the app exited with code $rc"
}

cmd_migrate() {
  require_dotnet
  dev_cluster_up
  build_web
  migrate_as_owner || die "the migration failed"
  say "Database $DEV_DB is up to date"
}

# Walks every audit chain of the local database from its first row and names the first broken
# link of each (docs/security.md).
cmd_audit_verify() {
  local rc=0
  require_dotnet
  dev_cluster_up
  build_web
  export_app_env
  say "Checking the audit trail"
  start_app --audit-verify
  wait_app || rc=$?
  if ((rc != 0)); then
    echo "error: the audit trail does not hold (see above)" >&2
    exit "$rc"
  fi
}

# Synthetic data at scale into the dev database (docs/synthetic-data.md): migrated first, as
# `run` does, then the generator writes as the owner with binary COPY. Extra arguments go to it.
SEED_DIR=tools/PtClinic.Seed
SEED_DLL=bin/Release/net10.0/linux-x64/PtClinic.Seed.dll # relative to SEED_DIR

cmd_seed() {
  require_dotnet
  dev_cluster_up
  build_web
  say "Building the generator (Release)"
  dotnet build "$SEED_DIR/PtClinic.Seed.csproj" -c Release -nologo -v quiet || die "the build failed"
  [[ -f $SEED_DIR/$SEED_DLL ]] || die "the build did not produce $SEED_DIR/$SEED_DLL"
  migrate_as_owner || die "the migration failed"
  say "Generating synthetic data (as $DEV_OWNER)"
  dotnet "$SEED_DIR/$SEED_DLL" --connection "$(dev_connection "$DEV_OWNER")" "$@" </dev/null &
  APP_PID=$!
  wait_app || die "the generator failed (exit code $?)"
}

# ---------------------------------------------------------------- tests

cmd_test() {
  TEST_MODE=1
  require_dotnet
  ensure_packages postgresql chromium poppler-utils fonts-liberation
  test_cluster_up
  export PTCLINIC_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  say "Building $SOLUTION (Release, warnings as errors)"
  dotnet build "$SOLUTION" -c Release -warnaserror -nologo || die "the build failed"
  run_tests
  count_results
  list_failures
  if ((FAILED > 0)); then
    exit 1
  fi
  ((PASSED > 0)) || die "no test ran"
}

# All test modules through Microsoft.Testing.Platform, each writing xunit's XML report.
# Sets TESTS_RC.
# - One module at a time by default: two cores, and the browser tests are timing-sensitive.
# - timeout(1) keeps a hung test from eating the whole CI budget; it runs the tests in a
#   process group of their own and kills all of it, test hosts included, so no orphan keeps
#   the job alive. Ctrl-C does not reach that group: the exit handler sends it SIGTERM.
# - In the background, so that the exit handler runs as soon as a signal comes; the log is
#   shown as it grows by a tail that ends with the run.
run_tests() {
  local log=$RESULTS_DIR/dotnet-test.log
  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"
  : >"$log"
  say "Running the tests (reports and log in ${RESULTS_DIR#"$REPO"/})"
  timeout -k 30 "$TEST_TIMEOUT" \
    dotnet test --solution "$SOLUTION" -c Release --no-build --no-ansi --progress off \
    --max-parallel-test-modules "$TEST_PARALLEL" \
    --results-directory "$RESULTS_DIR" --report-xunit-xml \
    >>"$log" 2>&1 </dev/null &
  TESTS_PID=$!
  tail -n +1 -f --pid="$TESTS_PID" "$log" &
  TAIL_PID=$!
  TESTS_RC=0
  wait "$TESTS_PID" || TESTS_RC=$?
  TESTS_PID=''
  wait "$TAIL_PID" || true
  TAIL_PID=''
  if ((TESTS_RC == 124 || TESTS_RC == 137)); then
    echo "error: the tests did not finish within $TEST_TIMEOUT (PTCLINIC_TEST_TIMEOUT)" >&2
  fi
}

# The value of one attribute in one XML start tag, or $3 if it is absent.
xml_attr() {
  local re="[[:space:]]$1=\"([^\"]*)\""
  if [[ $2 =~ $re ]]; then echo "${BASH_REMATCH[1]}"; else echo "${3:-}"; fi
}

count_attr() {
  local v
  v=$(xml_attr "$1" "$2" 0)
  [[ $v =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

# The test modules that must report: the solution's projects under tests/ named *Tests,
# plus any module dotnet test said it started. One name per line, without extension.
expected_modules() {
  {
    dotnet sln "$SOLUTION" list 2>/dev/null | sed -n 's#\\#/#g; s#^tests/.*/\([^/]*Tests\)\.csproj$#\1#p'
    sed -n 's#^Running tests from .*/\([^/]*\)\.dll (.*#\1#p' "$RESULTS_DIR/dotnet-test.log"
  } | sort -u
}

counted_as_failure() {
  echo "error: $*: counted as 1 failed" >&2
  FAILED=$((FAILED + 1))
}

# Totals from xunit's XML reports (one <assembly> element per module, with its passed, failed,
# skipped and errors counts; errors are failures outside a test, e.g. in a fixture), not from
# console text. A module that left no report (crashed, killed, never started) or ran no test
# is counted as one failure, and so is a failing dotnet test with no failure otherwise
# explained: the last line must never look clean when the run was not.
count_results() {
  local report tag module total
  local -A module_total=()
  for report in "$RESULTS_DIR"/*.xml; do
    [[ -e $report ]] || continue
    while IFS= read -r tag; do
      module=$(basename "$(xml_attr name "$tag")" .dll)
      total=$(count_attr total "$tag")
      module_total[$module]=$((${module_total[$module]:-0} + total))
      PASSED=$((PASSED + $(count_attr passed "$tag")))
      FAILED=$((FAILED + $(count_attr failed "$tag") + $(count_attr errors "$tag")))
      SKIPPED=$((SKIPPED + $(count_attr skipped "$tag")))
    done < <(grep -o '<assembly [^>]*>' "$report")
  done
  while IFS= read -r module; do
    [[ -n $module ]] || continue
    if [[ -z ${module_total[$module]+set} ]]; then
      counted_as_failure "$module left no test report (crashed, timed out or did not start)"
    elif ((module_total[$module] == 0)); then
      counted_as_failure "$module ran no tests"
    fi
  done < <(expected_modules)
  if ((TESTS_RC != 0 && FAILED == 0)); then
    counted_as_failure "dotnet test exited with code $TESTS_RC"
  fi
  return 0
}

# The failed tests by name, each with the first lines of its message, just above the last line,
# so a CI log cut to its tail still says what failed (the full story is in the report and log).
list_failures() {
  ((FAILED > 0)) || return 0
  local report
  for report in "$RESULTS_DIR"/*.xml; do
    [[ -e $report ]] || continue
    perl -0777 -ne '
      while (/<test [^>]*?name="([^"]*)"[^>]*?result="Fail"[^>]*>(.*?)<\/test>/sg) {
        my ($name, $body) = ($1, $2);
        my ($message) = $body =~ /<message>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?<\/message>/s;
        $message //= "";
        $message =~ s/&lt;/</g; $message =~ s/&gt;/>/g; $message =~ s/&quot;/"/g; $message =~ s/&amp;/&/g;
        my @lines = grep { /\S/ } split /\n/, $message;
        print "failed: $name\n";
        print "    $_\n" for @lines[0 .. ($#lines < 5 ? $#lines : 5)];
      }' "$report" >&2
  done
}

# ---------------------------------------------------------------- benchmarks

BENCH_DIR=bench/PtClinic.Benchmarks
BENCH_DLL=bin/Release/net10.0/linux-x64/PtClinic.Benchmarks.dll # relative to BENCH_DIR

# The real pipeline against the same SQL sent raw, on a throwaway cluster; a few minutes. Extra
# arguments go to the program (e.g. --quick, --only note-save). It runs in the background like the
# app, so the exit handler can stop it (then PostgreSQL) whenever the script is interrupted.
cmd_bench() {
  require_dotnet
  ensure_packages postgresql
  test_cluster_up
  say "Building the benchmarks (Release, warnings as errors)"
  dotnet build "$BENCH_DIR/PtClinic.Benchmarks.csproj" -c Release -warnaserror -nologo || die "the build failed"
  [[ -f $BENCH_DIR/$BENCH_DLL ]] || die "the build did not produce $BENCH_DIR/$BENCH_DLL"
  say "Running the benchmarks"
  timeout -k 30 "${PTCLINIC_BENCH_TIMEOUT:-30m}" dotnet "$BENCH_DIR/$BENCH_DLL" \
    --server "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
    --output "$REPO/docs/benchmarks.md" "$@" </dev/null &
  APP_PID=$!
  wait_app || die "the benchmarks failed (exit code $?)"
}

# ---------------------------------------------------------------- main

usage() {
  sed -n '2,15s/^# \{0,1\}//p' "$0"
}

case ${1:-} in
run) cmd_run ;;
test) cmd_test ;;
migrate) cmd_migrate ;;
stop) cmd_stop ;;
bench) shift && cmd_bench "$@" ;;
audit-verify) cmd_audit_verify ;;
seed) shift && cmd_seed "$@" ;;
-h | --help | help) usage ;;
*)
  usage >&2
  exit 2
  ;;
esac
