#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 only.
#
#   pg-cluster.sh start DIR   creates DIR, initdb, starts the server on a free port, creates the
#                             database checkin_test, writes its URL to DIR/url and prints it
#   pg-cluster.sh stop DIR    stops the server and removes DIR (a missing DIR is a no-op)
#
# As root the server runs as the user postgres (initdb refuses root); as any other user it runs as
# that user, who must be able to create DIR. Trust authentication, for local and 127.0.0.1 only.
# Every wait is bounded. Environment: PG_BINDIR overrides where initdb, pg_ctl... are found.
#
# Layout: DIR/url, DIR/port, DIR/initdb.log, DIR/.pg-cluster (marks DIR as ours), DIR/root (where the
# cluster lives: DIR itself, or a /tmp/checkin-pg.* directory when the user postgres cannot reach DIR
# or its path is too long for a unix socket); ROOT/data, ROOT/server.log and the socket in ROOT.
set -euo pipefail

readonly db_name=checkin_test
readonly port_first=54320 port_count=1000 port_attempts=25
readonly marker=.pg-cluster

say() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() {
    say "error: $*"
    exit 1
}
usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Settings from the caller's environment must not redirect our clients elsewhere.
while read -r var; do
    [[ $var == PG_BINDIR ]] || unset "$var"
done < <(compgen -e | grep '^PG' || true)

# --- who runs the server ------------------------------------------------------------------------
if [[ $(id -u) -eq 0 ]]; then
    as_server_user=postgres
    id postgres >/dev/null 2>&1 ||
        die "there is no user postgres: PostgreSQL 15 is not installed: run installers/setup-debian.sh"
else
    as_server_user=
fi

# as_pg SECONDS COMMAND...: runs COMMAND as the server's user, from / (the caller's directory may be
# unreadable to it), killed after SECONDS.
as_pg() {
    local secs=$1
    shift
    if [[ -z $as_server_user ]]; then
        (cd / && timeout "$secs" "$@")
    elif command -v runuser >/dev/null; then
        (cd / && timeout "$secs" runuser -u "$as_server_user" -- "$@")
    else
        (cd / && timeout "$secs" su -s /bin/bash "$as_server_user" -c "$(printf '%q ' "$@")")
    fi
}

# Gives a path we created as root to the server's user.
give() { [[ -z $as_server_user ]] || chown "$as_server_user:" "$@"; }

# --- PostgreSQL binaries ------------------------------------------------------------------------
has_server_tools() {
    local d=$1 tool
    [[ -n $d ]] || return 1
    for tool in initdb pg_ctl pg_isready createdb postgres; do
        [[ -x $d/$tool ]] || return 1
    done
}

# Sets bindir; returns 1 when no server installation is found.
find_bindir() {
    local candidates=()
    [[ -n ${PG_BINDIR:-} ]] && candidates+=("$PG_BINDIR")
    command -v pg_config >/dev/null && candidates+=("$(pg_config --bindir 2>/dev/null || true)")
    local newest
    newest=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    [[ -n $newest ]] && candidates+=("$newest")
    command -v initdb >/dev/null && candidates+=("$(dirname "$(command -v initdb)")")
    for bindir in "${candidates[@]}"; do
        has_server_tools "$bindir" && return 0
    done
    bindir=
    return 1
}

# --- helpers ------------------------------------------------------------------------------------
# Whether something already listens on 127.0.0.1:port (the start retries anyway on a clash).
port_in_use() {
    local port=$1
    if command -v ss >/dev/null; then
        [[ -n $(ss -Htln "sport = :$port" 2>/dev/null) ]] && return 0
    fi
    timeout 1 bash -c ": </dev/tcp/127.0.0.1/$port" 2>/dev/null
}

# Whether DIR holds nothing or is missing.
dir_is_empty() { [[ ! -e $1 ]] || [[ -z $(ls -A -- "$1") ]]; }

# The directory that holds data, log and socket of the cluster registered in DIR.
cluster_root() {
    local dir=$1 root
    root=$(cat -- "$dir/root" 2>/dev/null || true)
    if [[ -z $root ]]; then
        echo "$dir"
    elif [[ $root == "$dir" || $root == /tmp/checkin-pg.* ]]; then
        echo "$root"
    else
        die "$dir/root names '$root', which is not a pg-cluster.sh directory; remove $dir by hand"
    fi
}

# Whether a process runs (a zombie, not yet reaped by init, does not count).
alive() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }
    [[ ${stat%% *} != Z ]]
}

postmaster_pid() {
    local pidfile=$1/postmaster.pid pid
    [[ -f $pidfile ]] || return 1
    pid=$(head -n 1 -- "$pidfile" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    alive "$pid" && [[ $(cat "/proc/$pid/comm" 2>/dev/null || true) == postgres ]] || return 1
    echo "$pid"
}

wait_gone() {
    local pid=$1 deadline=$(($(now_ms) + $2 * 1000))
    while alive "$pid"; do
        (($(now_ms) < deadline)) || return 1
        sleep 0.1
    done
}

# Stops the server whose data directory is $1, if it runs; fast, then immediate, then SIGKILL.
stop_server() {
    local data=$1 pid
    pid=$(postmaster_pid "$data") || return 0
    if [[ -n $bindir ]]; then
        as_pg 40 "$bindir/pg_ctl" stop -D "$data" -m fast -w -t 30 -s && wait_gone "$pid" 5 && return 0
        say "no fast shutdown (pg_ctl failed or 30 s passed): trying an immediate one"
        as_pg 20 "$bindir/pg_ctl" stop -D "$data" -m immediate -w -t 10 -s && wait_gone "$pid" 5 && return 0
    fi
    say "killing the server (pid $pid) and its processes"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || die "the server (pid $pid) does not stop"
}

# --- stop ---------------------------------------------------------------------------------------
cmd_stop() {
    local dir=$1 root t0
    t0=$(now_ms)
    if [[ ! -e $dir ]]; then
        say "$dir does not exist: nothing to stop"
        return 0
    fi
    if [[ ! -e $dir/$marker ]]; then
        dir_is_empty "$dir" || die "$dir was not made by pg-cluster.sh (no $marker in it); not touching it"
        rmdir -- "$dir"
        return 0
    fi
    find_bindir || true
    root=$(cluster_root "$dir")
    stop_server "$root/data"
    [[ $root == "$dir" ]] || rm -rf -- "$root"
    rm -rf -- "$dir"
    say "stopped and removed $dir in $(($(now_ms) - t0)) ms"
}

# --- start --------------------------------------------------------------------------------------
launched_data=
on_start_exit() {
    local rc=$?
    if ((rc != 0)) && [[ -n $launched_data ]] && postmaster_pid "$launched_data" >/dev/null; then
        say "start failed: stopping the server; its log stays in ${launched_data%/data}/server.log"
        stop_server "$launched_data" || true
    fi
}

cmd_start() {
    local dir=$1 t0 root data log
    t0=$(now_ms)
    find_bindir || die "PostgreSQL 15 is not installed (no initdb, pg_ctl, pg_isready, createdb found via" \
        "PG_BINDIR, pg_config --bindir or /usr/lib/postgresql/*/bin): run installers/setup-debian.sh"

    # A previous cluster in DIR (running or not) goes first.
    if [[ -e $dir/$marker ]]; then
        say "$dir holds a cluster already: stopping and removing it first"
        cmd_stop "$dir"
    elif ! dir_is_empty "$dir"; then
        die "$dir exists, is not empty and was not made by pg-cluster.sh; choose another directory"
    fi

    mkdir -p -- "$dir" || die "cannot create $dir"
    touch -- "$dir/$marker"
    chmod 755 -- "$dir"
    give "$dir" "$dir/$marker"

    # The socket path (ROOT/.s.PGSQL.PORT.lock) must fit in 107 bytes.
    root=$dir
    if ! as_pg 10 test -w "$dir" -a -x "$dir" || ((${#dir} > 80)); then
        root=$(mktemp -d /tmp/checkin-pg.XXXXXX)
        give "$root"
        say "the cluster lives in $root ($dir is out of reach for ${as_server_user:-the server} or too long)"
    fi
    echo "$root" >"$dir/root"
    data=$root/data
    log=$root/server.log

    local locale_args=(--no-locale)
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' && locale_args=(--locale=C.UTF-8)
    as_pg 120 "$bindir/initdb" -D "$data" -U postgres -E UTF8 "${locale_args[@]}" \
        --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 ||
        die "initdb failed (as ${as_server_user:-$(id -un)}), see $dir/initdb.log:
$(tail -n 20 "$dir/initdb.log")"

    cat >"$data/pg_hba.conf" <<'EOF'
# pg-cluster.sh: trust, local socket and 127.0.0.1 only.
# TYPE  DATABASE     USER  ADDRESS       METHOD
local   all          all                 trust
host    all          all   127.0.0.1/32  trust
local   replication  all                 trust
host    replication  all   127.0.0.1/32  trust
EOF
    echo "include = 'checkin.conf'" >>"$data/postgresql.conf"

    # A free port: try from a random point in the range, skip ports in use, retry on a clash.
    local attempt port="" offset=$((RANDOM % port_count)) logsize started=0
    launched_data=$data
    for ((attempt = 0; attempt < port_attempts; attempt++)); do
        port=$((port_first + (offset + attempt * 37) % port_count))
        port_in_use "$port" && continue
        cat >"$data/checkin.conf" <<EOF
# pg-cluster.sh
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '${root//\'/\'\'}'
EOF
        give "$data/checkin.conf"
        logsize=$(stat -c %s "$log" 2>/dev/null || echo 0)
        if as_pg 40 "$bindir/pg_ctl" start -D "$data" -l "$log" -w -t 30 -s >/dev/null 2>&1; then
            started=1
            break
        fi
        if tail -c +$((logsize + 1)) "$log" 2>/dev/null | grep -iE 'could not (bind|create any TCP)|address already in use' >/dev/null; then
            say "port $port was taken meanwhile: trying another"
            continue
        fi
        die "the server did not start, see $log:
$(tail -n 20 "$log" 2>/dev/null)"
    done
    ((started)) || die "no free port found in $port_first..$((port_first + port_count - 1)) after $port_attempts attempts"

    local deadline=$(($(now_ms) + 30000))
    until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2; do
        (($(now_ms) < deadline)) || die "the server on port $port does not accept connections after 30 s, see $log"
        sleep 0.2
    done

    PGCONNECT_TIMEOUT=10 timeout 60 "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres -E UTF8 \
        -T template0 "$db_name" || die "createdb $db_name failed, see $log"

    local url="postgresql://postgres@127.0.0.1:$port/$db_name"
    echo "$url" >"$dir/url"
    echo "$port" >"$dir/port"
    give "$dir/root" "$dir/initdb.log" "$dir/url" "$dir/port"
    launched_data=
    say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, data in $data," \
        "started in $(($(now_ms) - t0)) ms"
    echo "$url"
}

# --- main ---------------------------------------------------------------------------------------
[[ $# -eq 2 && -n $2 ]] || usage
dir=$(realpath -m -- "$2")
[[ $dir != / ]] || die "refusing to use / as the cluster directory"
bindir=
case $1 in
start)
    trap on_start_exit EXIT
    cmd_start "$dir"
    ;;
stop) cmd_stop "$dir" ;;
*) usage ;;
esac
