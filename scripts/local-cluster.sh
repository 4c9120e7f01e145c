#!/usr/bin/env bash
# A real Spark standalone cluster on this machine: one master and one worker on 127.0.0.1, run from
# a Spark home assembled from Maven Central jars (no Spark distribution needed).
#
#   scripts/local-cluster.sh start     # master spark://127.0.0.1:7077 and a worker (2 cores, 6g)
#   scripts/local-cluster.sh status    # what runs; exit code 0 when master and worker are both up
#   scripts/local-cluster.sh stop      # ends the master, the worker and their executors, nothing else
#
# Then: scripts/submit.sh --master spark://127.0.0.1:7077 -- --input seeds --output /tmp/np
#
# Logs, PID files and the worker's work directory (executor logs) are under target/local-cluster/.
# NEWSPRISM_CLUSTER_PORT (7077), NEWSPRISM_CLUSTER_CORES (2) and NEWSPRISM_CLUSTER_MEMORY (6g) change
# the master port and the worker's resources. `stop` only signals the processes whose PIDs `start`
# recorded (after checking they are still this cluster's) and the executors their worker launched.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DIR="$NEWSPRISM_HOME/target/local-cluster"
PORT="${NEWSPRISM_CLUSTER_PORT:-7077}"
CORES="${NEWSPRISM_CLUSTER_CORES:-2}"
MEMORY="${NEWSPRISM_CLUSTER_MEMORY:-6g}"
MASTER_URL="spark://127.0.0.1:$PORT"
MASTER_CLASS=org.apache.spark.deploy.master.Master
WORKER_CLASS=org.apache.spark.deploy.worker.Worker
# Every process started here carries this marker, so `stop` never signals a stranger that reused a PID.
MARKER="-Dnewsprism.local-cluster=$DIR"

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints the PID recorded for a role when that process still runs and is ours.
live_pid() {
  local role="$1" class="$2" pid
  [[ -f "$DIR/$role.pid" ]] || return 1
  pid="$(cat "$DIR/$role.pid")"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
  local cmd
  cmd="$(tr '\0' ' ' < "/proc/$pid/cmdline")"
  [[ "$cmd" == *"$MARKER"* && "$cmd" == *"$class"* ]] || return 1
  printf '%s' "$pid"
}

# Processes (executors, drivers in cluster deploy mode) that our worker launched: they run inside its
# work directory.
worker_children() {
  local proc cwd
  for proc in /proc/[0-9]*; do
    cwd="$(readlink "$proc/cwd" 2>/dev/null || true)"
    if [[ "$cwd" == "$DIR/work/"* ]]; then
      printf '%s\n' "${proc#/proc/}"
    fi
  done
}

launch() {
  local role="$1" home="$2"
  shift 2
  SPARK_HOME="$home" SPARK_SCALA_VERSION="$(pom_property scala.binary.version)" SPARK_LOCAL_IP=127.0.0.1 \
    SPARK_WORKER_DIR="$DIR/work" \
    nohup "$(java_bin)" "${JAVA17_FLAGS[@]}" "$MARKER" -Xmx1g -cp "$home/jars/*" "$@" \
    < /dev/null > "$DIR/logs/$role.log" 2>&1 &
  echo $! > "$DIR/$role.pid"
}

# Waits up to $2 seconds for a condition; fails early when the process died. (Checks the recorded PID
# itself: right after the launch it may still be the forked shell, not yet java.)
wait_for() {
  local what="$1" seconds="$2" role="$3" condition="$4" i
  for ((i = 0; i < seconds * 4; i++)); do
    if eval "$condition"; then return 0; fi
    if ! kill -0 "$(cat "$DIR/$role.pid")" 2>/dev/null; then
      echo "local-cluster: the $role exited before $what; last lines of $DIR/logs/$role.log:" >&2
      tail -n 20 "$DIR/logs/$role.log" >&2 || true
      return 1
    fi
    sleep 0.25
  done
  echo "local-cluster: no $what after ${seconds}s; see $DIR/logs/$role.log" >&2
  return 1
}

start() {
  if live_pid master "$MASTER_CLASS" > /dev/null || live_pid worker "$WORKER_CLASS" > /dev/null; then
    echo "local-cluster: already running (scripts/local-cluster.sh status)"
    return 0
  fi
  if port_open "$PORT"; then
    echo "local-cluster: port $PORT on 127.0.0.1 is taken by another process; set NEWSPRISM_CLUSTER_PORT" >&2
    return 1
  fi
  local home
  home="$(NEWSPRISM_SPARK_PROFILES="${NEWSPRISM_SPARK_PROFILES:-}" maven_spark_home)"
  # A fresh start: the previous cluster's logs and executor directories (each holds a copy of the jar) go.
  rm -rf "$DIR/logs" "$DIR/work" "$DIR"/*.pid
  mkdir -p "$DIR/logs" "$DIR/work"

  launch master "$home" "$MASTER_CLASS" --host 127.0.0.1 --port "$PORT" --webui-port "${NEWSPRISM_CLUSTER_UI_PORT:-8080}"
  wait_for "master listening on port $PORT" 60 master "port_open $PORT" || { stop; return 1; }

  launch worker "$home" "$WORKER_CLASS" "$MASTER_URL" --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" \
    --work-dir "$DIR/work" --webui-port "${NEWSPRISM_CLUSTER_WORKER_UI_PORT:-8081}"
  wait_for "worker registration" 60 worker \
    "grep -qs 'Successfully registered with master' '$DIR/logs/worker.log'" || { stop; return 1; }

  echo "local-cluster: master $MASTER_URL (pid $(cat "$DIR/master.pid")), worker with $CORES cores and $MEMORY (pid $(cat "$DIR/worker.pid"))"
  echo "local-cluster: logs in $DIR/logs, executor logs in $DIR/work"
}

# Sends TERM, waits up to 20 s, then KILL.
end_process() {
  local pid="$1" name="$2" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 80; i++)); do
    kill -0 "$pid" 2>/dev/null || { echo "local-cluster: stopped $name (pid $pid)"; return 0; }
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
  echo "local-cluster: killed $name (pid $pid) after 20 s"
}

stop() {
  local pid child
  if pid="$(live_pid worker "$WORKER_CLASS")"; then end_process "$pid" worker; fi
  # The worker ends its executors on TERM; these are the ones left if it was killed.
  for child in $(worker_children); do
    end_process "$child" "executor/driver"
  done
  if pid="$(live_pid master "$MASTER_CLASS")"; then end_process "$pid" master; fi
  rm -f "$DIR/master.pid" "$DIR/worker.pid"
}

status() {
  local pid up=0 ui
  if pid="$(live_pid master "$MASTER_CLASS")"; then
    ui="$(sed -n 's/.*MasterWebUI.*started at \(http[^ ]*\).*/\1/p' "$DIR/logs/master.log" | tail -n 1)"
    echo "master: running, pid $pid, $MASTER_URL${ui:+, web UI $ui}"
    up=$((up + 1))
  else
    echo "master: not running"
  fi
  if pid="$(live_pid worker "$WORKER_CLASS")"; then
    echo "worker: running, pid $pid, $CORES cores, $MEMORY"
    up=$((up + 1))
  else
    echo "worker: not running"
  fi
  local children
  children="$(worker_children | tr '\n' ' ')"
  [[ -z "$children" ]] || echo "executors/drivers: pid $children"
  echo "logs: $DIR/logs"
  [[ $up -eq 2 ]]
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
