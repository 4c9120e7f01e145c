# Shared by the scripts: Java 17 flags for Spark and an incremental build of the local classpath.
# shellcheck shell=bash

NEWSPRISM_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Spark on Java 17 needs these (the same list as spark.java17.flags in pom.xml).
JAVA17_FLAGS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
)

# Compiles the job and writes target/classpath.txt (runtime + provided dependencies, i.e. with Spark)
# when the sources, conf/ or pom.xml changed since the last build.
build_if_needed() {
  local stamp="$NEWSPRISM_HOME/target/.local-build"
  if [[ -f "$stamp" && -f "$NEWSPRISM_HOME/target/classpath.txt" ]] \
     && [[ -z "$(find "$NEWSPRISM_HOME/src/main" "$NEWSPRISM_HOME/conf" "$NEWSPRISM_HOME/pom.xml" -newer "$stamp" -print -quit)" ]]; then
    return 0
  fi
  echo "Building Newsprism (first run or sources changed)..." >&2
  (cd "$NEWSPRISM_HOME" && mvn -q -B -DskipTests \
      compile \
      dependency:build-classpath@runtime-classpath dependency:build-classpath@provided-classpath) >&2
  printf '%s:%s' "$(cat "$NEWSPRISM_HOME/target/classpath-runtime.txt")" \
      "$(cat "$NEWSPRISM_HOME/target/classpath-provided.txt")" > "$NEWSPRISM_HOME/target/classpath.txt"
  touch "$stamp"
}

local_classpath() {
  printf '%s:%s' "$NEWSPRISM_HOME/target/classes" "$(cat "$NEWSPRISM_HOME/target/classpath.txt")"
}

# --- Application jar and Spark runtime (scripts/submit.sh, scripts/local-cluster.sh) ---

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then printf '%s' "$JAVA_HOME/bin/java"; else printf 'java'; fi
}

# A property of the project's pom.xml, e.g. pom_property spark.version.
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$NEWSPRISM_HOME/pom.xml" | head -n 1
}

project_version() {
  sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$NEWSPRISM_HOME/pom.xml" | head -n 1
}

# The shaded application jar. NEWSPRISM_JAR names a prebuilt one; otherwise it is (re)built with
# `mvn package` when it is missing or older than the sources, conf/ or pom.xml.
app_jar() {
  if [[ -n "${NEWSPRISM_JAR:-}" ]]; then
    [[ -f "$NEWSPRISM_JAR" ]] || { echo "newsprism: NEWSPRISM_JAR=$NEWSPRISM_JAR: no such file" >&2; return 2; }
    printf '%s' "$NEWSPRISM_JAR"
    return 0
  fi
  local jar
  jar="$NEWSPRISM_HOME/target/newsprism-$(project_version).jar"
  if [[ ! -f "$jar" ]] \
     || [[ -n "$(find "$NEWSPRISM_HOME/src/main" "$NEWSPRISM_HOME/conf" "$NEWSPRISM_HOME/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "Building the application jar (mvn package)..." >&2
    (cd "$NEWSPRISM_HOME" && mvn -q -B -DskipTests package) >&2 || return 1
  fi
  printf '%s' "$jar"
}

# A Spark home assembled from Maven Central jars (scripts/spark-home/pom.xml) with the Spark and Scala
# versions of pom.xml: target/spark-home, or target/spark-home-s3 etc. when NEWSPRISM_SPARK_PROFILES
# adds optional modules ("s3" for hadoop-aws, "yarn", or both: "s3,yarn"). Rebuilt when the versions
# or scripts/spark-home/pom.xml change.
maven_spark_home() {
  local profiles="${NEWSPRISM_SPARK_PROFILES:-}"
  profiles="${profiles// /}"
  local home="$NEWSPRISM_HOME/target/spark-home${profiles:+-${profiles//,/-}}"
  local want
  want="spark=$(pom_property spark.version) scala=$(pom_property scala.version) profiles=$profiles"
  if [[ ! -f "$home/.built" || "$(cat "$home/.built")" != "$want" || "$NEWSPRISM_HOME/scripts/spark-home/pom.xml" -nt "$home/.built" ]]; then
    echo "Assembling a Spark home from Maven Central jars in $home ($want)..." >&2
    rm -rf "$home/jars"
    (cd "$NEWSPRISM_HOME" && mvn -q -B -f scripts/spark-home/pom.xml package \
        -Dspark.version="$(pom_property spark.version)" \
        -Dscala.binary.version="$(pom_property scala.binary.version)" \
        -Dscala.version="$(pom_property scala.version)" \
        -Dspark.home.dir="$home" \
        ${profiles:+-P"$profiles"}) >&2 || { echo "newsprism: could not assemble the Spark home" >&2; return 1; }
    printf '%s' "$want" > "$home/.built"
  fi
  printf '%s' "$home"
}
