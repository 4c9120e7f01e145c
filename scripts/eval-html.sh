#!/usr/bin/env bash
# Main-text extraction quality on real pages (not a unit test): scores what the job puts into
# articles.text against gold texts, next to two baselines (all body text; Readability4J alone).
#
#   scripts/eval-html.sh DIR     # DIR/<page>/source.html + DIR/<page>/expected.html
#
# DIR uses the layout of Mozilla Readability's test/test-pages (real pages with reviewed main text).
# Those pages are third-party content: keep them outside the repository. Figures: README.md, "HTML".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$NEWSPRISM_HOME"
[[ $# -eq 1 && -d "$1" ]] || { echo "usage: scripts/eval-html.sh DIR" >&2; exit 2; }
dir="$(cd "$1" && pwd)"
build_if_needed
(mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile) >&2
exec java "${JAVA17_FLAGS[@]}" -Dfile.encoding=UTF-8 \
  -Dlog4j2.configurationFile="$NEWSPRISM_HOME/scripts/log4j2-local.properties" \
  -cp "$NEWSPRISM_HOME/target/test-classes:$(local_classpath)" org.newsprism.normalize.HtmlRealPagesEval "$dir"
