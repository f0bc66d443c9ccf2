# shellcheck shell=bash
# A private PostgreSQL 15 cluster in a folder of our choosing, for development and tests.
# Sourced by ptclinic.sh; every function takes the cluster folder ("root") explicitly:
#   <root>/data     the data directory (initdb)
#   <root>/pg.log   the server log (pg_ctl -l)
#   <root>/.s.PGSQL.<port>  the unix socket, so it never clashes with the system's /run/postgresql
# initdb refuses to run as root, so when we are root the cluster belongs to user postgres.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

# Run a command as the cluster owner. From / because the caller's folder may be one that
# postgres cannot enter (initdb and pg_ctl complain about an unreadable working directory).
pg_as_owner() {
  if [[ $EUID -ne 0 ]]; then
    (cd / && "$@")
    return
  fi
  local runuser
  runuser=$(command -v runuser || echo /usr/sbin/runuser)
  (cd / && "$runuser" -u postgres -- "$@")
}

# True if the cluster owner can enter the folder (every parent needs the x bit for it).
pg_owner_can_enter() {
  pg_as_owner test -x "$1" 2>/dev/null
}

# True if something listens on the TCP port, on any address.
port_in_use() {
  local port=$1
  if command -v ss >/dev/null; then
    [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]
  else
    # No iproute2: a connection that succeeds means the port is taken.
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# Print the first free port from $1 on (tries 100 ports).
first_free_port() {
  local port
  for ((port = $1; port < $1 + 100; port++)); do
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
  done
  echo "no free TCP port in $1..$(($1 + 99))" >&2
  return 1
}

# Create the cluster unless it exists. The folder must be reachable by the cluster owner.
pg_cluster_init() {
  local root=$1
  [[ -f $root/data/PG_VERSION ]] && return 0
  mkdir -p "$root"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$root"
  chmod 700 "$root"
  echo "Creating a PostgreSQL cluster in $root"
  pg_as_owner "$PG_BIN/initdb" -D "$root/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 || {
    cat "$root/initdb.log" >&2
    return 1
  }
  # Our settings live in their own file, rewritten at every start (see pg_cluster_write_conf).
  echo "include_if_exists 'ptclinic.conf'" >>"$root/data/postgresql.conf"
}

# Settings for this start. Trust authentication is acceptable only because the server
# listens on 127.0.0.1 and on a socket in a folder only the owner can enter.
# Extra "name = value" lines (e.g. faster, unsafe settings for throwaway test clusters) follow.
pg_cluster_write_conf() {
  local root=$1
  shift
  local socket_dir=$root
  # A unix socket path is limited to 107 bytes: with a deep folder, TCP only.
  ((${#root} > 90)) && socket_dir=''
  {
    echo "# Written by ptclinic.sh at each start: edits here are lost."
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = '${socket_dir//\'/\'\'}'"
    printf '%s\n' "$@"
  } >"$root/data/ptclinic.conf"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$root/data/ptclinic.conf"
  return 0
}

pg_cluster_is_running() {
  [[ -f $1/data/postmaster.pid ]] && pg_as_owner "$PG_BIN/pg_ctl" -D "$1/data" status >/dev/null 2>&1
}

# The port a running cluster listens on (line 4 of postmaster.pid).
pg_cluster_port() {
  sed -n 4p "$1/data/postmaster.pid"
}

# Start the cluster on a port and wait until it accepts connections. Extra arguments are
# settings lines for pg_cluster_write_conf.
pg_cluster_start() {
  local root=$1 port=$2
  shift 2
  pg_cluster_write_conf "$root" "$@"
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$root/data" -l "$root/pg.log" -o "-p $port" \
    -w -t 60 start >/dev/null; then
    echo "PostgreSQL did not start; the end of $root/pg.log:" >&2
    tail -n 20 "$root/pg.log" >&2 || true
    return 1
  fi
  pg_cluster_verify "$root" "$port"
}

# Another server could answer on the same port (e.g. one bound to another address):
# ask the server behind 127.0.0.1:<port> for its data directory and compare with ours.
pg_cluster_verify() {
  local root=$1 port=$2 theirs ours
  ours=$(cd "$root/data" && pwd -P)
  theirs=$("$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtq \
    -c 'show data_directory' 2>/dev/null) || true
  if [[ $theirs != "$ours" ]]; then
    echo "The server on 127.0.0.1:$port is not the cluster in $root (it reports '${theirs:-nothing}')." >&2
    return 1
  fi
}

pg_cluster_stop() {
  local root=$1
  pg_cluster_is_running "$root" || return 0
  # fast: roll back open transactions and disconnect clients instead of waiting for them.
  pg_as_owner "$PG_BIN/pg_ctl" -D "$root/data" -m fast -w -t 60 stop >/dev/null
}

pg_ensure_database() {
  local port=$1 name=$2 exists
  # On standard input: psql substitutes variables there, never in -c.
  exists=$("$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtq \
    -v name="$name" <<<"select 1 from pg_database where datname = :'name'")
  if [[ $exists != 1 ]]; then
    echo "Creating database $name"
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}
