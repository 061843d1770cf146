#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (no browser is downloaded by npm).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  echo 'Chromium is installed'
  exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
