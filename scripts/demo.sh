#!/usr/bin/env bash
# `make demo` (after `make build`): runs a Huawu node on the embedded defaults and places real SIP calls at it from real
# user agents on 127.0.0.1, then prints what the node saw. Leaves demo-data/ (configuration, log, data) behind.
#
#   1. A simulated carrier (SIPp) sends a call to the `echo` test extension: 7 s of speech and DTMF 1 #.
#   2. A softphone (baresip) registers as extension 1001 with digest authentication and calls `tone`.
#   3. The carrier calls `playback`, which plays a prompt and hangs up by itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

data="$PWD/demo-data"
sip_port=5070 carrier_port=5080 phone_port=5090 http_port=8090
scenarios="$PWD/tests/Huawu.Interop.Tests/Scenarios"

rm -rf "$data"
mkdir -p "$data/baresip"
cat > "$data/huawu.yaml" <<YAML
# Written by scripts/demo.sh: the embedded defaults plus a carrier to call from and one phone.
data: $data
http: { address: 127.0.0.1, port: $http_port }
sip:
  listen:
    - { transport: udp, address: 127.0.0.1, port: $sip_port }
    - { transport: tcp, address: 127.0.0.1, port: $sip_port }
  digest_algorithms: [md5]   # baresip 1.0 gives up when offered SHA-256
rtp: { address: 127.0.0.1, ports: 31000-31999 }
trunks:
  - { name: carrier-sim, host: 127.0.0.1, port: $carrier_port, options_interval_seconds: 0 }
extensions:
  - { number: "1001", password: demo-1001, display_name: Demo Phone }
YAML

node_pid=""
cleanup() { [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null; true; }
trap cleanup EXIT

echo "== Starting Huawu: ./huawu serve --config $data/huawu.yaml"
./huawu serve --config "$data/huawu.yaml" > "$data/huawu.log" 2>&1 &
node_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$http_port/readyz" > /dev/null 2>&1 && break
  kill -0 "$node_pid" 2>/dev/null || { cat "$data/huawu.log"; echo "demo: the node did not start" >&2; exit 1; }
  sleep 0.2
done
curl -fs "http://127.0.0.1:$http_port/readyz" && echo

step() { echo; echo "== $*"; }
sipp_call() { # service scenario
  sipp -sf "$scenarios/$2" -s "$1" "127.0.0.1:$sip_port" -i 127.0.0.1 -p "$carrier_port" -mp 32000 \
       -m 1 -nostdin -timeout 30s -timeout_error -trace_err -error_file "$data/sipp-$1-errors.log" \
       > "$data/sipp-$1.log" 2>&1 && echo "SIPp: call to $1 succeeded" || { echo "SIPp: call to $1 failed (see $data/sipp-$1.log)" >&2; exit 1; }
}

step "1. The carrier (SIPp) calls 'echo' with 7 s of speech and DTMF 1 #"
sipp_call echo uac_call_media.xml

step "2. A softphone (baresip) registers as 1001 and calls 'tone' for 4 s"
control_port=5095
cat > "$data/baresip/config" <<CFG
poll_method epoll
sip_listen 127.0.0.1:$phone_port
audio_source ausine,440
ausrc_srate 48000
ausrc_channels 2
audio_player
audio_alert
statmode_default off
ringback_disabled yes
snd_path $data/baresip
module_path /usr/lib/baresip/modules
module g711.so
module ausine.so
module sndfile.so
module_app account.so
module_app menu.so
module_app ctrl_tcp.so
ctrl_tcp_listen 127.0.0.1:$control_port
CFG
echo "<sip:1001@127.0.0.1:$sip_port>;auth_pass=demo-1001;regint=60;audio_codecs=PCMU" > "$data/baresip/accounts"
baresip -f "$data/baresip" > "$data/baresip.log" 2>&1 < /dev/null &
phone_pid=$!
phone() { # sends one ctrl_tcp command (a netstring-framed JSON object) to baresip
  local json="{\"command\":\"$1\",\"params\":\"${2:-}\"}"
  exec 3<>"/dev/tcp/127.0.0.1/$control_port" && printf '%d:%s,' "${#json}" "$json" >&3 && sleep 0.3 && exec 3>&-
}
for _ in $(seq 1 50); do grep -q "200 OK" "$data/baresip.log" 2>/dev/null && break; sleep 0.2; done
phone dial "sip:tone@127.0.0.1:$sip_port"
sleep 4
phone hangup
sleep 0.5
kill "$phone_pid" 2>/dev/null; wait "$phone_pid" 2>/dev/null || true
grep -aE "200 OK|established|closed|terminated" "$data/baresip.log" | sed 's/^/baresip: /' | head -6
heard=$(ls "$data"/baresip/*-dec.wav 2>/dev/null | head -1)
if [ -n "$heard" ]; then
  echo "baresip recorded what it heard in $heard: $(sox "$heard" -n stat 2>&1 | awk '/Length/ {printf "%s s", $3} /Rough/ {printf ", dominant frequency about %s Hz", $3}')"
fi

step "3. The carrier calls 'playback', which plays a prompt and hangs up"
sipp_call playback uac_remote_bye.xml

step "What the node logged about calls and registrations"
sleep 0.5
grep -E "call [0-9a-f]{16}:|registered|Registered" "$data/huawu.log" | sed -E 's/^\s+//' || true

cleanup; node_pid=""
echo
echo "Demo finished. The node's configuration, log and data are in $data/"
