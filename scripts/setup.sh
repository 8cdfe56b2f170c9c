#!/usr/bin/env bash
# Installs what building and testing Huawu needs on Debian 12, idempotently:
# only missing apt packages are installed, and `apt-get update` runs only when one is missing.
set -euo pipefail

# Real SIP peers for interop tests and the demo (SIPp, baresip, linphone-daemon), audio tools (sox), packet captures (tshark),
# curl for readiness probes, sqlite3 and bc for the demo (its summary from the store, its callees' timing), python3 for its agent screen.
# PostgreSQL 15 for the data layer's tests: they start their own throw-away cluster from
# /usr/lib/postgresql/15/bin on 127.0.0.1 (the package's own cluster is not used); pg_dump/pg_restore for backups.
# Speech: espeak-ng (the embedded TTS, Mandarin and English), pocketsphinx with its US English model (the embedded
# ASR for constrained answers), and Asterisk's English prompts with their transcripts (real 8 kHz test speech).
apt_packages=(sip-tester baresip linphone-cli sox tshark curl sqlite3 bc python3 postgresql-15 postgresql-client-15
  espeak-ng libespeak-ng1 libpocketsphinx3 pocketsphinx-en-us asterisk-core-sounds-en asterisk-core-sounds-en-wav)

missing=()
for package in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: apt packages present"
fi

# sherpa-onnx's native libraries (libsherpa-onnx-c-api.so, libonnxruntime.so) come in an npm package; the build
# copies them next to the program (src/Huawu.Speech/Huawu.Speech.csproj).
if [ ! -f native/node_modules/sherpa-onnx-linux-x64/libsherpa-onnx-c-api.so ]; then
  echo "setup: installing native/ npm packages"
  (cd native && npm ci --no-audit --no-fund --loglevel=error)
else
  echo "setup: native libraries present"
fi

dotnet restore Huawu.slnx --verbosity quiet
