#!/usr/bin/env bash
# Start a private single-node Slurm 22.05 cluster (munged + slurmctld + slurmd)
# bound to loopback, for tests and for the mock server's Slurm engine.
#
#   scripts/slurm-up.sh            # state in ./.slurm (repo root when run from there)
#   SLURM_STATE_DIR=/tmp/s scripts/slurm-up.sh
#   source .slurm/env              # sets SLURM_CONF for sbatch/squeue/... and for Python
#   scripts/slurm-down.sh          # stops exactly these daemons, by pid file
#
# Needs root (daemons run as root; apt-get installs the packages if missing).
# Creates the unprivileged OS users the mock's jobs run as (scnet-demo, scnet-other).
# No systemd: the daemons are started directly and record pid files under the
# state dir. Running it again while all three daemons are alive is a no-op.
#
# Timing on a 2-core Debian 12 machine: ~1 s to `idle`. The FIRST job after a
# cold start still waits ~3 s: slurmctld's scheduler places nothing during its
# first seconds (batch_sched_delay=0 does not change that). Warm, jobs start in
# < 1 s (sched_interval=2). Callers that time out on the first job should allow
# for that. Time limits are whole minutes (a TIMEOUT takes ~70 s to show).
#
# Why each line of the generated slurm.conf is there: the comments next to it below.
set -euo pipefail

t_start=$(date +%s.%N)
elapsed() { awk -v a="$t_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
log() { echo "slurm-up: $*"; }
die() { echo "slurm-up: ERROR: $*" >&2; exit 1; }

STATE_DIR=${SLURM_STATE_DIR:-$PWD/.slurm}
mkdir -p "$STATE_DIR"
STATE_DIR=$(cd "$STATE_DIR" && pwd -P)
HOST=$(hostname -s)
CONF=$STATE_DIR/etc/slurm.conf
RUN=$STATE_DIR/run
MUNGE_DIR=$STATE_DIR/munge
MUNGE_SOCKET=$MUNGE_DIR/munge.socket.2
WAIT_IDLE_SECONDS=${SLURM_UP_TIMEOUT:-60}

[ "$(id -u)" = 0 ] || die "must run as root (daemons run as root, SlurmUser=root)"

# --- is it already up? --------------------------------------------------------
# A pid counts only if the process is alive AND has the expected name, so a
# stale pid file whose pid was reused by something else is not mistaken for ours.
# (The daemons are reparented to PID 1, which may reap them late.)
pid_alive() { # pidfile comm
    local pid
    [ -s "$1" ] || return 1
    pid=$(tr -dc '0-9' <"$1")
    [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] \
        && [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" != Z ] # zombie = exited, not yet reaped
}
declare -A COMM=([munged]=munged [slurmctld]=slurmctld [slurmd]=slurmd)
alive=0
for d in munged slurmctld slurmd; do
    if pid_alive "$RUN/$d.pid" "${COMM[$d]}"; then alive=$((alive + 1)); fi
done
if [ "$alive" = 3 ]; then
    log "already running (munged $(cat "$RUN/munged.pid"), slurmctld $(cat "$RUN/slurmctld.pid"), slurmd $(cat "$RUN/slurmd.pid")); source $STATE_DIR/env"
    log "ready in $(elapsed) s (state dir $STATE_DIR)"
    exit 0
fi
if [ "$alive" != 0 ]; then
    log "only $alive of 3 daemons alive: stopping them before a clean start"
    SLURM_STATE_DIR=$STATE_DIR "$(dirname "${BASH_SOURCE[0]}")/slurm-down.sh"
fi

# --- packages -----------------------------------------------------------------
need_install=0
for b in slurmctld slurmd sbatch squeue sinfo scontrol scancel munged; do
    command -v "$b" >/dev/null 2>&1 || { [ -x "/usr/sbin/$b" ] || need_install=1; }
done
if [ "$need_install" = 1 ]; then
    log "installing Debian packages slurmctld slurmd slurm-client munge"
    t_inst=$(date +%s.%N)
    PKGS=(slurmctld slurmd slurm-client munge)
    export DEBIAN_FRONTEND=noninteractive
    # policy-rc.d may deny the postinst service starts: harmless, we start them ourselves.
    if ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 \
        || ! apt-get install -y --no-install-recommends "${PKGS[@]}"; then
        log "apt-get install failed or no package lists: running apt-get update first"
        apt-get update
        apt-get install -y --no-install-recommends "${PKGS[@]}"
    fi
    log "packages installed in $(awk -v a="$t_inst" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
fi
export PATH=$PATH:/usr/sbin:/sbin

# --- hostname must resolve (slurmctld binds the hostname's address) ------------
if ! getent hosts "$HOST" >/dev/null 2>&1; then
    log "hostname $HOST does not resolve: adding '127.0.0.1 $HOST' to /etc/hosts"
    echo "127.0.0.1 $HOST" >>/etc/hosts
fi
case "$(getent hosts "$HOST" | awk '{print $1; exit}')" in
    127.*) ;;
    *) log "warning: $HOST resolves to $(getent hosts "$HOST" | awk '{print $1; exit}'), not loopback; slurmctld will listen there" ;;
esac

# --- directories, munge key ---------------------------------------------------
mkdir -p "$STATE_DIR"/{etc,state,spool/slurmd,run,log} "$MUNGE_DIR"
chmod 700 "$STATE_DIR/state"
# Non-root clients need x on the socket dir ("Socket is inaccessible"); the key stays 0400.
chmod 755 "$MUNGE_DIR"
if [ ! -s "$MUNGE_DIR/munge.key" ]; then
    dd if=/dev/urandom of="$MUNGE_DIR/munge.key" bs=1024 count=1 status=none
fi
chmod 400 "$MUNGE_DIR/munge.key"
rm -f "$RUN"/*.pid "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"

# --- the OS users jobs run as (deployment/slurm-deployment.yaml's os_user) ------
# Each API account runs its jobs as its own unprivileged OS user, never as root. Created once
# (idempotent), homes under $USER_HOMES, closed to other users. SCNET_SLURM_USERS overrides
# the list; the tests use both (two users who must not see each other's files).
USER_HOMES=${SCNET_SLURM_HOMES:-/var/lib/scnet-hpc-mock/home}
mkdir -p "$USER_HOMES"
chmod 755 "$(dirname "$USER_HOMES")" "$USER_HOMES"
for u in ${SCNET_SLURM_USERS:-scnet-demo scnet-other}; do
    if ! id -u "$u" >/dev/null 2>&1; then
        useradd --create-home --home-dir "$USER_HOMES/$u" --shell /bin/bash --user-group "$u" \
            || die "useradd $u failed"
        log "created OS user $u (home $USER_HOMES/$u)"
    fi
    home=$(getent passwd "$u" | cut -d: -f6)
    [ "$(id -u "$u")" != 0 ] || die "OS user $u is root; jobs must not run as root"
    mkdir -p "$home"
    chown "$u:$(id -gn "$u")" "$home"
    chmod 700 "$home"
done

# --- configuration (regenerated every start; job state lives in state/) -------
CPUS=$(nproc)
mem_mb=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
# slurmd drains the node if RealMemory exceeds what it measures itself; keep a margin.
if [ "$mem_mb" -gt 4096 ]; then REAL_MEM=$((mem_mb - 1024)); else REAL_MEM=$((mem_mb * 9 / 10)); fi

cat >"$CONF" <<EOF
# Generated by scripts/slurm-up.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); regenerated on every start.
ClusterName=scnetlocal
# one machine is controller and compute node; the address is given so nothing binds elsewhere
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=6817
SlurmdPort=6818
# bind slurmctld (NoCtldInAddrAny) and slurmd (NoInAddrAny) to the hostname's address, not 0.0.0.0
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
# the daemons run as root (no slurm user to set up); jobs run as whoever submits them
SlurmUser=root
SlurmdUser=root
# munge, with a private key and socket under the state dir (not the system's /run/munge):
# it costs nothing at start and is what every current Slurm release supports (auth/none,
# which 22.05 still ships undocumented, lets any user claim any uid and was later dropped)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
# job state survives a restart; everything lives under the state dir so slurm-down leaves
# the machine as it was. The spool dir is created above: slurmd does not create it, and a
# %n in its name would point at a directory nobody made ("Domain socket directory ... No such file")
StateSaveLocation=$STATE_DIR/state
SlurmdSpoolDir=$STATE_DIR/spool/slurmd
# pid files: slurm-down stops exactly these daemons by pid, never by name
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd.pid
SlurmctldLogFile=$STATE_DIR/log/slurmctld.log
SlurmdLogFile=$STATE_DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
# without a mailer slurmctld logs "Configured MailProg is invalid" on every start
MailProg=/bin/true
# container-friendly: no cgroups anywhere (so no CPU or memory enforcement on the node;
# the engine checks requests against the partition, and EnforcePartLimits below refuses)
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# no MPI: libpmix is not installed (its errors in the logs are harmless with none)
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
# a scheduling pass every 2 s: warm jobs start within a second. The first job after a cold
# start still waits ~3 s (the controller places nothing in its first seconds;
# batch_sched_delay=0 does not change that)
SchedulerParameters=batch_sched_delay=0,sched_interval=2
# cores and memory are consumable, so several small jobs share the node as on a real cluster
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
DefMemPerCPU=256
# a node that was down comes back by itself when slurmd registers again
ReturnToService=2
# a cancelled or timed-out job gets 2 s between SIGTERM and SIGKILL (tests wait less)
KillWait=2
# keep finished jobs visible to squeue --json / scontrol for a day (0 is clamped to 2 s in 22.05)
MinJobAge=86400
# reject at submit time what the partition can never run (-c 64, --time over MaxTime,
# unknown partition) with sbatch's own error, as a real site would; the default (NO)
# accepts such jobs and leaves them PENDING forever (Reason=PartitionConfig/PartitionTimeLimit)
EnforcePartLimits=ALL
# no limit on idle srun/salloc clients; generous daemon timeouts on a busy 2-core machine
InactiveLimit=0
SlurmctldTimeout=30
SlurmdTimeout=60
# history without a database: one key=value line per finished job
JobCompType=jobcomp/filetxt
JobCompLoc=$STATE_DIR/log/jobcomp.log
# no slurmdbd (it would need a database and always binds 0.0.0.0): sacct does not work,
# history comes from the job completion log above and from squeue (MinJobAge)
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$REAL_MEM State=UNKNOWN
# the two queues of deployment/slurm-deployment.yaml: debug (30 min, whole minutes as all
# Slurm time limits: a TIMEOUT shows ~70 s after a 1-minute limit) and normal (unlimited)
PartitionName=debug  Nodes=$HOST Default=YES MaxTime=30 State=UP
PartitionName=normal Nodes=$HOST Default=NO MaxTime=INFINITE State=UP
EOF

# the job users run sbatch/scancel themselves: they must read the configuration
chmod 755 "$STATE_DIR" "$STATE_DIR/etc"
chmod 644 "$CONF"

cat >"$STATE_DIR/env" <<EOF
# source this file to talk to the local cluster started by scripts/slurm-up.sh
export SLURM_CONF=$CONF
export SCNET_SLURM_STATE_DIR=$STATE_DIR
export SCNET_SLURM_JOBCOMP=$STATE_DIR/log/jobcomp.log
EOF

# --- start daemons (they daemonize and write their pid files) -----------------
start_log=$STATE_DIR/log/start.log
munged --force --socket="$MUNGE_SOCKET" --key-file="$MUNGE_DIR/munge.key" \
    --pid-file="$RUN/munged.pid" --log-file="$STATE_DIR/log/munged.log" \
    --seed-file="$MUNGE_DIR/munged.seed" </dev/null >>"$start_log" 2>&1 \
    || die "munged failed to start; see $start_log and $STATE_DIR/log/munged.log"
for _ in $(seq 100); do [ -S "$MUNGE_SOCKET" ] && break; sleep 0.05; done
[ -S "$MUNGE_SOCKET" ] || die "munged socket $MUNGE_SOCKET did not appear"

export SLURM_CONF=$CONF
slurmctld -f "$CONF" </dev/null >>"$start_log" 2>&1 \
    || die "slurmctld failed to start; see $STATE_DIR/log/slurmctld.log"
slurmd_started=$(date +%s)
slurmd -f "$CONF" </dev/null >>"$start_log" 2>&1 \
    || die "slurmd failed to start; see $STATE_DIR/log/slurmd.log"

# --- wait for the node to be exactly `idle` (`idle*` = not yet responding) -----
# After a restart slurmctld recovers the node as `idle` from its saved state before
# the new slurmd has registered, so also wait for SlurmdStartTime to be this start.
registered() {
    local t
    t=$(scontrol show node -o "$HOST" 2>/dev/null | grep -o 'SlurmdStartTime=[^ ]*' | cut -d= -f2)
    [ -n "$t" ] && [ "$t" != None ] && [ "$(date -d "$t" +%s 2>/dev/null || echo 0)" -ge "$slurmd_started" ]
}
deadline=$(($(date +%s) + WAIT_IDLE_SECONDS))
state=""
while :; do
    state=$(sinfo -h -N -n "$HOST" -o '%t' 2>/dev/null | sort -u | tr '\n' ' ' | sed 's/ $//') || true
    [ "$state" = idle ] && registered && break
    if [ "$(date +%s)" -ge "$deadline" ]; then
        tail -n 20 "$STATE_DIR/log/slurmctld.log" "$STATE_DIR/log/slurmd.log" >&2 || true
        die "node $HOST not idle after ${WAIT_IDLE_SECONDS} s (state: '${state:-no answer}')"
    fi
    sleep 0.1
done

log "munged $(cat "$RUN/munged.pid"), slurmctld $(cat "$RUN/slurmctld.pid"), slurmd $(cat "$RUN/slurmd.pid"); node $HOST idle, CPUs=$CPUS RealMemory=$REAL_MEM"
log "source $STATE_DIR/env   # export SLURM_CONF=$CONF"
log "note: the first job after a cold start waits ~3 s for the scheduler"
log "ready in $(elapsed) s (state dir $STATE_DIR)"
