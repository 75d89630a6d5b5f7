#!/usr/bin/env bash
# Installs the Debian packages the pipeline needs, only when they are missing.
# Idempotent and quick when everything is already there. Needs root (or sudo) on first run.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk open-jtalk open-jtalk-mecab-naist-jdic ffmpeg espeak-ng)
CONTRIB_PACKAGES=(hts-voice-nitech-jp-atr503-m001)

missing=()
for p in "${PACKAGES[@]}" "${CONTRIB_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "[setup] system packages: all present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[setup] missing system packages: ${missing[*]} (no apt-get here; install them by hand)" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

echo "[setup] installing system packages: ${missing[*]}"
main_missing=()
for p in "${missing[@]}"; do
  case " ${CONTRIB_PACKAGES[*]} " in *" $p "*) ;; *) main_missing+=("$p") ;; esac
done

if [ ${#main_missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${main_missing[@]}"
fi

# The HTS voice lives in Debian contrib. Fetch it with a private sources list so the
# system's apt configuration is left untouched.
for p in "${CONTRIB_PACKAGES[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then continue; fi
  tmp=$(mktemp -d)
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  echo "deb http://deb.debian.org/debian ${codename} main contrib" > "$tmp/sources.list"
  mkdir -p "$tmp/lists/partial"
  opts=(-o "Dir::Etc::SourceList=$tmp/sources.list" -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::State::Lists=$tmp/lists")
  $SUDO apt-get "${opts[@]}" update -qq
  (cd "$tmp" && $SUDO apt-get "${opts[@]}" download "$p")
  $SUDO dpkg -i "$tmp"/*.deb
  rm -rf "$tmp"
done
echo "[setup] system packages installed"
