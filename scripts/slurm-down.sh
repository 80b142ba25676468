#!/usr/bin/env bash
# Stop the local cluster started by scripts/slurm-up.sh: exactly the daemons
# recorded in its pid files (never by process name), slurmd first, munged last
# (slurmctld and slurmd still talk through munge while they shut down).
# SIGTERM, then SIGKILL after SLURM_DOWN_GRACE seconds (default 10). Idempotent.
#
# Jobs still active are cancelled first (scancel, while slurmctld is up):
# a running job's slurmstepd outlives slurmd, so without that it would be left
# behind as an orphan. Set SLURM_DOWN_KEEP_JOBS=1 to skip that; the job state
# is kept in the state dir either way and slurmctld recovers it on the next start.
set -uo pipefail

t_start=$(date +%s.%N)
log() { echo "slurm-down: $*"; }

STATE_DIR=${SLURM_STATE_DIR:-$PWD/.slurm}
GRACE=${SLURM_DOWN_GRACE:-10}
RUN=$STATE_DIR/run
export PATH=$PATH:/usr/sbin:/sbin

if [ ! -d "$RUN" ]; then
    log "nothing to stop (no $RUN)"
    exit 0
fi

# still running: alive, same name, and not a zombie. Daemons are reparented to
# PID 1, which may reap them late, and a zombie has exited already.
running() { # pid comm
    [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] || return 1
    [ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# pid from a pid file, only if that process is alive and has the expected name
live_pid() { # pidfile comm
    local pid
    [ -s "$1" ] || return 1
    pid=$(tr -dc '0-9' <"$1")
    [ -n "$pid" ] && running "$pid" "$2" && echo "$pid"
}

if [ "${SLURM_DOWN_KEEP_JOBS:-0}" != 1 ] && [ -f "$STATE_DIR/etc/slurm.conf" ] \
    && live_pid "$RUN/slurmctld.pid" slurmctld >/dev/null; then
    export SLURM_CONF=$STATE_DIR/etc/slurm.conf
    active=$(squeue -h -t PENDING,RUNNING,SUSPENDED,CONFIGURING,COMPLETING -o '%i' 2>/dev/null | tr '\n' ' ')
    if [ -n "${active// /}" ]; then
        log "cancelling active jobs: $active"
        for s in PENDING RUNNING SUSPENDED CONFIGURING; do
            scancel --state="$s" >/dev/null 2>&1 || true
        done
        for _ in $(seq 50); do
            [ -z "$(squeue -h -t RUNNING,COMPLETING,CONFIGURING -o '%i' 2>/dev/null)" ] && break
            sleep 0.1
        done
    fi
fi

stopped=()
for d in slurmd slurmctld munged; do
    pidfile=$RUN/$d.pid
    if ! pid=$(live_pid "$pidfile" "$d"); then
        [ -e "$pidfile" ] && log "$d: not running (stale $pidfile removed)"
        rm -f "$pidfile"
        continue
    fi
    t_d=$(date +%s.%N)
    kill -TERM "$pid" 2>/dev/null
    how=SIGTERM
    deadline=$(awk -v g="$GRACE" 'BEGIN { printf "%d", g * 10 }')
    i=0
    while running "$pid" "$d"; do
        if [ "$i" -ge "$deadline" ]; then
            kill -KILL "$pid" 2>/dev/null
            how=SIGKILL
            sleep 0.1
            break
        fi
        sleep 0.1
        i=$((i + 1))
    done
    rm -f "$pidfile"
    log "stopped $d (pid $pid, $how, $(awk -v a="$t_d" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s)"
    stopped+=("$d")
done
rm -f "$STATE_DIR/munge/munge.socket.2" "$STATE_DIR/munge/munge.socket.2.lock"

t=$(awk -v a="$t_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
if [ "${#stopped[@]}" = 0 ]; then
    log "nothing was running (${t} s)"
else
    log "stopped ${stopped[*]} in ${t} s (state kept in $STATE_DIR)"
fi
