# shellcheck shell=bash
# A private PostgreSQL 15 cluster in a folder of our choosing, for development and tests.
# Sourced by ptclinic.sh; every function takes the cluster folder ("root") explicitly:
#   <root>/data     the data directory (initdb)
#   <root>/pg.log   the server log (pg_ctl -l)
#   <root>/.s.PGSQL.<port>  the unix socket, so it never clashes with the system's /run/postgresql
#                   (in /var/tmp/ptclinic-sock-<hash> when <root> is too deep for a socket path)
# initdb refuses to run as root, so when we are root the cluster belongs to user postgres.
# Throwaway test clusters keep trust authentication; the dev cluster is locked down by
# pg_cluster_secure: the superuser only over the socket as the cluster's OS user (peer), the app's
# roles with passwords (scram-sha-256), kept in files only their owner can read.

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

# The folder of the cluster's unix socket: the cluster's own, unless that is too deep for a socket
# path (107 bytes), then a short one of its own under /var/tmp that only the cluster owner enters.
pg_socket_dir() {
  local root=$1 dir
  if ((${#root} <= 90)); then
    echo "$root"
    return
  fi
  dir=/var/tmp/ptclinic-sock-$(printf %s "$root" | sha256sum | cut -c1-12)
  mkdir -p "$dir"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  echo "$dir"
}

# Settings for this start. A throwaway test cluster keeps initdb's trust authentication: it
# listens on 127.0.0.1 and on a socket in a folder only the owner can enter, and dies with the run.
# Extra "name = value" lines (e.g. faster, unsafe settings for throwaway test clusters) follow.
pg_cluster_write_conf() {
  local root=$1
  shift
  local socket_dir
  socket_dir=$(pg_socket_dir "$root")
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

# psql as the superuser, through the cluster's own socket, as the cluster's OS user: the one way
# in for the superuser once pg_cluster_secure has run (peer authentication), and before it too.
pg_admin_psql() {
  local root=$1 port=$2
  shift 2
  pg_as_owner "$PG_BIN/psql" -h "$(pg_socket_dir "$root")" -p "$port" -U postgres -XAtq "$@"
}

# Another server could answer on the same port (e.g. one bound to another address): ask the
# server behind our own socket for its data directory and port, and compare with ours. The
# socket is in a folder only the cluster owner enters, so what answers there is ours.
pg_cluster_verify() {
  local root=$1 port=$2 theirs ours
  ours="$(cd "$root/data" && pwd -P) $port"
  theirs=$(pg_admin_psql "$root" "$port" -d postgres \
    -c "select current_setting('data_directory') || ' ' || current_setting('port')" 2>/dev/null) || true
  if [[ $theirs != "$ours" ]]; then
    echo "The server on port $port is not the cluster in $root (it reports '${theirs:-nothing}')." >&2
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
  local root=$1 port=$2 name=$3 owner=${4:-postgres} exists
  # On standard input: psql substitutes variables there, never in -c.
  exists=$(pg_admin_psql "$root" "$port" -d postgres -v name="$name" \
    <<<"select 1 from pg_database where datname = :'name'")
  if [[ $exists != 1 ]]; then
    echo "Creating database $name"
    pg_admin_psql "$root" "$port" -d postgres -v name="$name" -v owner="$owner" \
      <<<'create database :"name" owner :"owner"' >/dev/null
  fi
}

# Who may connect to a dev cluster, and how: written before it starts, so it never listens with
# initdb's trust authentication. The superuser only over the socket, as the cluster's OS user.
pg_cluster_write_hba() {
  local root=$1 os_user
  os_user=$(pg_as_owner id -un)
  {
    echo "# Written by ptclinic.sh at each start: edits here are lost."
    echo "# TYPE DATABASE USER      ADDRESS       METHOD"
    echo "local  all      postgres                peer map=cluster_owner"
    echo "local  all      all                     scram-sha-256"
    echo "host   all      postgres  0.0.0.0/0     reject"
    echo "host   all      postgres  ::/0          reject"
    echo "host   all      all       127.0.0.1/32  scram-sha-256"
    echo "host   all      all       ::1/128       scram-sha-256"
  } >"$root/data/pg_hba.conf"
  echo "cluster_owner $os_user postgres" >"$root/data/pg_ident.conf"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$root/data/pg_hba.conf" "$root/data/pg_ident.conf"
  return 0
}

# The password kept in a file only its owner reads (mode 600), made at the first call.
pg_secret() {
  local file=$1
  if [[ ! -s $file ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$file")
  fi
  chmod 600 "$file"
  cat "$file"
}

# Lock a dev cluster down, on every start (idempotent), and upgrade one made by an earlier
# version (trust authentication, everything owned by postgres) in place:
# - an owner role that owns database <db> and everything in it, and a runtime role that owns
#   nothing (the migrator grants it what the app may do), both with generated passwords kept in
#   <secrets>/<role>.password;
# - pg_hba: the superuser only over the socket as the cluster's OS user (peer); every role over
#   TCP and the socket with its password (scram-sha-256).
pg_cluster_secure() {
  local root=$1 port=$2 secrets=$3 db=$4 owner=$5 runtime=$6
  pg_admin_psql "$root" "$port" -d postgres -v owner="$owner" -v runtime="$runtime" \
    -v owner_pw="$(pg_secret "$secrets/$owner.password")" -v runtime_pw="$(pg_secret "$secrets/$runtime.password")" \
    >/dev/null <<'SQL' || return 1
set password_encryption = 'scram-sha-256';
select format('create role %I', :'owner') where not exists (select 1 from pg_roles where rolname = :'owner') \gexec
select format('create role %I', :'runtime') where not exists (select 1 from pg_roles where rolname = :'runtime') \gexec
alter role :"owner" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'owner_pw';
alter role :"runtime" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'runtime_pw';
SQL
  pg_ensure_database "$root" "$port" "$db" "$owner"
  # A database from before the roles: hand it and what the migrations made in it to the owner.
  pg_admin_psql "$root" "$port" -d "$db" -v owner="$owner" >/dev/null <<'SQL' || return 1
select format('alter database %I owner to %I', current_database(), :'owner')
where (select datdba::regrole::text from pg_database where datname = current_database()) <> :'owner' \gexec
select format('alter schema %I owner to %I', nspname, :'owner') from pg_namespace
where nspname = 'hangfire' and nspowner::regrole::text <> :'owner' \gexec
-- Tables, views and free-standing sequences: indexes and a column's sequence follow their table,
-- and what an extension made stays the extension's.
select format('alter %s %s owner to %I',
              case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
              c.oid::regclass, :'owner')
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname in ('public', 'hangfire') and c.relkind in ('r', 'p', 'v', 'm', 'S')
  and c.relowner::regrole::text <> :'owner'
  and not exists (select 1 from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid
                    and (d.deptype = 'e' or (c.relkind = 'S' and d.deptype in ('a', 'i')))) \gexec
select format('alter routine %s owner to %I', p.oid::regprocedure, :'owner')
from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where n.nspname in ('public', 'hangfire') and p.proowner::regrole::text <> :'owner'
  and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e') \gexec
SQL
  pg_cluster_write_hba "$root"
  pg_admin_psql "$root" "$port" -d postgres -c 'select pg_reload_conf()' >/dev/null
}
