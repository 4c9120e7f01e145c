#!/usr/bin/env bash
# Runs one Spark SQL statement over the output tables (each registered as a view of its name).
#
#   scripts/query.sh "SELECT entity_name, sum(mentions) m FROM entity_daily GROUP BY 1 ORDER BY m DESC"
#   scripts/query.sh --output /data/np --rows 20 "SELECT * FROM mentions"
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_if_needed
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java "${JAVA17_FLAGS[@]}" -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$NEWSPRISM_HOME/scripts/log4j2-local.properties" \
  -cp "$(local_classpath)" org.newsprism.Query "$@"
