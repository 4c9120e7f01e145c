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
