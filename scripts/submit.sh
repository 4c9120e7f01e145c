#!/usr/bin/env bash
# Submits Newsprism to Spark with spark-submit.
#
#   scripts/submit.sh [spark-submit options] -- [job arguments]
#
#   scripts/submit.sh --master spark://127.0.0.1:7077 -- --input seeds --output /tmp/np
#   scripts/submit.sh --master yarn --deploy-mode cluster -- --conf prod.conf --input hdfs:///news --output hdfs:///np
#
# Without "--" every argument is a job argument. Uses $SPARK_HOME/bin/spark-submit when SPARK_HOME
# names a Spark distribution; otherwise runs SparkSubmit from a Spark home assembled from Maven Central
# jars (target/spark-home; NEWSPRISM_SPARK_PROFILES=s3 adds hadoop-aws for s3a://, "yarn" adds YARN,
# "s3,yarn" both; Kubernetes needs a Spark distribution). The application jar is target/newsprism-*.jar,
# built when needed, or NEWSPRISM_JAR. NEWSPRISM_SUBMIT_DRY_RUN=1 prints the command instead.
#
# The job's configuration files (--conf FILE): the job reads them on the driver, before Spark starts,
# and executors receive the parsed settings with their tasks; they never read the file. In client
# mode (the default) the driver runs here and reads FILE from this disk. In cluster deploy mode the
# driver runs on the cluster: FILE (a local path or a URI such as hdfs://...) is shipped with
# --files and the job is given its file name, which YARN and Kubernetes place in the driver's working
# directory. (Spark standalone does not: there FILE must exist at the same path on the workers.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

spark_opts=()
job_args=()
if printf '%s\n' "$@" | grep -qx -- '--'; then
  while [[ $# -gt 0 && "$1" != "--" ]]; do spark_opts+=("$1"); shift; done
  shift
fi
job_args=("$@")

# What the spark-submit options say (last one wins, as in spark-submit).
master="" deploy_mode="client" files="" driver_memory="" driver_java_options="" driver_class_path=""
kept_opts=()
for ((i = 0; i < ${#spark_opts[@]}; i++)); do
  opt="${spark_opts[$i]}"
  value=""
  case "$opt" in
    --*=*) name="${opt%%=*}"; value="${opt#*=}"; has_value=1 ;;
    *) name="$opt"; has_value=0 ;;
  esac
  case "$name" in
    --master|--deploy-mode|--files|--driver-memory|--driver-java-options|--driver-class-path|--conf|-c)
      if [[ $has_value -eq 0 ]]; then
        ((i + 1 < ${#spark_opts[@]})) || { echo "newsprism: spark-submit option $name needs a value" >&2; exit 2; }
        i=$((i + 1)); value="${spark_opts[$i]}"
      fi
      case "$name" in
        --master) master="$value" ;;
        --deploy-mode) deploy_mode="$value" ;;
        --files) files="$value"; continue ;;
        --driver-memory) driver_memory="$value" ;;
        --driver-java-options) driver_java_options="$value" ;;
        --driver-class-path) driver_class_path="$value" ;;
        --conf|-c) [[ "$value" == spark.submit.deployMode=* ]] && deploy_mode="${value#*=}" ;;
      esac
      kept_opts+=("$name" "$value")
      ;;
    --class)
      echo "newsprism: --class is set by submit.sh (org.newsprism.Job)" >&2; exit 2 ;;
    *) kept_opts+=("$opt") ;;
  esac
done

# Ship the job's --conf files to a cluster-mode driver.
if [[ "$deploy_mode" == cluster ]]; then
  names=" "
  for ((i = 0; i < ${#job_args[@]}; i++)); do
    arg="${job_args[$i]}"
    if [[ "$arg" == --conf ]]; then
      ((i + 1 < ${#job_args[@]})) || break
      i=$((i + 1)); file="${job_args[$i]}"; prefix=""
    elif [[ "$arg" == --conf=* ]]; then
      file="${arg#--conf=}"; prefix="--conf="
    else
      continue
    fi
    if [[ "$file" != *://* ]]; then
      [[ -f "$file" ]] || { echo "newsprism: --conf $file: no such file" >&2; exit 2; }
      file="$(cd "$(dirname "$file")" && pwd)/$(basename "$file")"
    fi
    name="$(basename "$file")"
    [[ "$names" != *" $name "* ]] || { echo "newsprism: two --conf files are named $name; rename one (cluster mode ships them by name)" >&2; exit 2; }
    names+="$name "
    files="${files:+$files,}$file"
    if [[ "$master" == spark://* ]]; then
      echo "newsprism: note: a standalone cluster-mode driver reads $file from its worker's disk" >&2
      job_args[i]="$prefix$file"
    else
      job_args[i]="$prefix$name"
    fi
  done
fi
[[ -z "$files" ]] || kept_opts+=(--files "$files")
# A standalone cluster-mode driver is launched by a worker without Spark's Java 17 module options (YARN
# and Kubernetes add them); give it the same flags as every other JVM here unless the caller set some.
if [[ "$deploy_mode" == cluster && "$master" == spark://* && -z "$driver_java_options" ]]; then
  kept_opts+=(--driver-java-options "${JAVA17_FLAGS[*]}")
fi

# NEWSPRISM_SUBMIT_DRY_RUN=1 prints the command instead of running it.
run() {
  if [[ -n "${NEWSPRISM_SUBMIT_DRY_RUN:-}" ]]; then
    printf '%q ' "$@"; printf '\n'
    exit 0
  fi
  exec "$@"
}

jar="$(app_jar)"

if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  run "$SPARK_HOME/bin/spark-submit" "${kept_opts[@]}" --class org.newsprism.Job "$jar" "${job_args[@]}"
fi

# Spark from Maven: SparkSubmit runs in this JVM, so the driver's memory, Java options and class path are
# this JVM's (spark-submit's --driver-* options would come too late).
home="$(maven_spark_home)"
if [[ -z "$master" || "$master" == local* || "$master" == *127.0.0.1* || "$master" == *localhost* ]]; then
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
fi
jvm_opts=()
# shellcheck disable=SC2206 # --driver-java-options is a space-separated list, as in spark-submit
[[ -z "$driver_java_options" ]] || jvm_opts=($driver_java_options)
# The driver logs Newsprism at INFO and the rest at WARN; NEWSPRISM_LOG4J names another log4j2 file.
log_conf=(-Dlog4j2.configurationFile="${NEWSPRISM_LOG4J:-$NEWSPRISM_HOME/scripts/log4j2-local.properties}")
SPARK_SCALA_VERSION="$(pom_property scala.binary.version)"
export SPARK_HOME="$home" SPARK_SCALA_VERSION
run "$(java_bin)" "${JAVA17_FLAGS[@]}" -Xmx"${driver_memory:-${NEWSPRISM_DRIVER_MEMORY:-4g}}" -Dfile.encoding=UTF-8 \
  "${log_conf[@]}" "${jvm_opts[@]}" \
  -cp "${driver_class_path:+$driver_class_path:}$home/jars/*" \
  org.apache.spark.deploy.SparkSubmit "${kept_opts[@]}" --class org.newsprism.Job "$jar" "${job_args[@]}"
