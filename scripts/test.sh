#!/usr/bin/env bash
# The test command: installs the real tools the tests drive (cron, sudo, logrotate,
# tmux, microsocks, nginx, pm2, ...) when they are missing, then runs the whole build
# with its unit and integration tests. Runs as root, needs no terminal (CI).
# Extra arguments go to Maven, e.g. scripts/test.sh -o  or  -Dit.test=InstallScriptIT
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(cron sudo logrotate tmux microsocks nginx curl procps iproute2
  openjdk-17-jdk-headless maven shellcheck prometheus prometheus-node-exporter
  prometheus-alertmanager lintian ansible-core ansible-lint openssh-server)

say() {
  echo "test.sh: $*"
}

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
if ! command -v pm2 >/dev/null && ! command -v npm >/dev/null; then
  for p in nodejs npm; do
    installed "$p" || missing+=("$p")
  done
fi

if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" -ne 0 ]; then
  echo "test.sh: missing packages ${missing[*]}: run as root so they can be installed" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update </dev/null
  apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
else
  say "all packages present: ${packages[*]}"
fi

if ! command -v pm2 >/dev/null; then
  say "installing pm2 with npm"
  npm install -g pm2 </dev/null
fi

say "running: mvn -B verify $*"
status=0
mvn -B verify "$@" </dev/null || status=$?
say "mvn exited with $status"
exit "$status"
