#!/usr/bin/env bash
# `make demo` (after `make build`): the robot calls four simulated callees on 127.0.0.1 with the English loan follow-up
# sample (src/Huawu.Robot/Samples/loan-followup.en.yaml) on the embedded defaults (SQLite, espeak-ng, pocketsphinx, DTMF),
# printing each conversation live, then a summary from what the node stored. Leaves demo-data/ behind.
#
# Callees are SIPp user agents answering through a simulated carrier trunk. What they say is real speech made here with
# espeak-ng, streamed as RTP (SIPp rtp_stream); before each answer it holds silence as long as the robot's line before it
# (synthesized here with the robot's voice) plus the robot's reply time, one answer per question; a number is keyed:
#   1. Alex is interested: "yep", "what is the offer?", keys 5000#, "yep" (the link by text message).
#   2. Sam refuses: "yep", "do not call" — the number is on the do-not-call list at once.
#   3. Kim asks the knowledge base: "yep", "do you check my credit?", hears the answer, then stays silent.
#   4. Lee asks for a person: "yep", "real agent" — the robot hands the call to extension 1001, where baresip,
#      registered as the agent's phone, answers; the hand-off is printed from the call's events.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

data="$PWD/demo-data"
sip_port=5070 carrier_port=5080 phone_port=5090
script="$PWD/src/Huawu.Robot/Samples/loan-followup.en.yaml"
voice=en-us               # the robot's English voice (speech.tts default)
reply_gap=2.2             # seconds from the end of an answer to the robot's next line, with a margin

rm -rf "$data"
mkdir -p "$data/audio" "$data/baresip" "$data/calls"
cat > "$data/huawu.yaml" <<YAML
# Written by scripts/demo.sh: the embedded defaults, a simulated carrier to call through, the agent phone's extension.
data: $data
sip:
  listen:
    - { transport: udp, address: 127.0.0.1, port: $sip_port }
  digest_algorithms: [md5]   # baresip 1.0 gives up when offered SHA-256
rtp: { address: 127.0.0.1, ports: 31000-31999 }
trunks:
  - { name: carrier-sim, host: 127.0.0.1, port: $carrier_port, options_interval_seconds: 0 }
extensions:
  - { number: "1001", password: demo-1001, display_name: Loan Advisor }
dialer: { enabled: false }
YAML

pids=()
cleanup() {
  for pid in "${pids[@]}" $(cat "$data/baresip/pid" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

seconds() { soxi -D "$1"; }
# callee_audio NAME ROBOT_LINE ANSWER [ROBOT_LINE ANSWER]...: NAME.ulaw, 8 kHz G.711 µ-law, one answer per robot line, each
# after the silence that line takes (synthesized here with the robot's voice) plus the robot's reply time. An ANSWER is
# VOICE@WORDS_PER_MINUTE:TEXT, or keys:DIGITS — pressed (RFC 4733, SIPp play_dtmf) at that moment, listed in NAME.keys.
callee_audio() {
  local name=$1 dir="$data/audio" parts=() i=0 gap at=0
  shift
  : > "$dir/$name.keys"
  while [ $# -ge 2 ]; do
    espeak-ng -v "$voice" -w "$dir/$name-robot$i.wav" "$1"
    gap=$([ $i -eq 0 ] && echo 1.2 || echo "$reply_gap")
    sox -n -r 22050 -c 1 -b 16 "$dir/$name-wait$i.wav" trim 0 "$(echo "$(seconds "$dir/$name-robot$i.wav") + $gap" | bc)"
    at=$(echo "$at + $(seconds "$dir/$name-wait$i.wav")" | bc)
    if [ "${2%%:*}" = keys ]; then
      echo "$(echo "$at * 1000 / 1" | bc) ${2#keys:}" >> "$dir/$name.keys"
      sox -n -r 22050 -c 1 -b 16 "$dir/$name-says$i.wav" trim 0 2.5
    else
      espeak-ng -v "${2%%@*}" -s "$(echo "${2%%:*}" | cut -d@ -f2)" -w "$dir/$name-says$i.wav" "${2#*:}"
    fi
    at=$(echo "$at + $(seconds "$dir/$name-says$i.wav")" | bc)
    parts+=("$dir/$name-wait$i.wav" "$dir/$name-says$i.wav")
    i=$((i + 1)); shift 2
  done
  sox -n -r 22050 -c 1 -b 16 "$dir/$name-tail.wav" trim 0 1
  sox "${parts[@]}" "$dir/$name-tail.wav" -r 8000 -c 1 -t ul "$dir/$name.ulaw"
}

# callee_scenario NAME: a SIPp answering scenario streaming NAME.ulaw, then waiting for the node's BYE (the robot's, or
# after a hand-off the one that follows the agent's).
# keys_at NAME: the scenario's key presses, each at its time from the start of the stream.
keys_at() {
  local before=0 at digits
  while read -r at digits; do
    echo "  <pause milliseconds=\"$((at - before))\"/>"
    echo "  <nop><action><exec play_dtmf=\"$digits\"/></action></nop>"
    before=$at
  done < "$data/audio/$1.keys"
}

callee_scenario() {
  cat > "$data/calls/$1.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="demo callee $1">
  <recv request="INVITE"/>
  <send retrans="500">
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:[local_ip]:[local_port];transport=[transport]>
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=sipp 1 1 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 101
      a=rtpmap:0 PCMU/8000
      a=rtpmap:101 telephone-event/8000
      a=fmtp:101 0-15
    ]]>
  </send>
  <recv request="ACK"/>
  <nop><action><exec rtp_stream="$data/audio/$1.ulaw,1,0"/></action></nop>
$(keys_at "$1")
  <recv request="BYE" timeout="120000"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0
    ]]>
  </send>
</scenario>
XML
}

# place_call NAME NUMBER: SIPp answers as the callee while `huawu call` runs the script on the call; the conversation is
# printed live and kept in calls/NAME.log.
place_call() {
  local name=$1 number=$2 sipp_pid
  sipp -sf "$data/calls/$name.xml" -i 127.0.0.1 -p "$carrier_port" -mi 127.0.0.1 -mp 32000 -m 1 -nostdin \
       -timeout 150s -timeout_error -trace_err -error_file "$data/calls/$name-sipp-errors.log" > "$data/calls/$name-sipp.log" 2>&1 &
  sipp_pid=$!
  pids+=("$sipp_pid")
  ./huawu call "$number" --script "$script" --var "customer_name=$name" --config "$data/huawu.yaml" 2>&1 | tee "$data/calls/$name.log" || true
  wait "$sipp_pid" 2>/dev/null || echo "(SIPp: see $data/calls/$name-sipp.log)"
}

# The agent's phone: baresip registers as extension 1001 once the node listens, answers by itself, plays a tone as the
# agent's voice, and hangs up (ctrl_tcp) a few seconds after the hand-off.
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
echo "<sip:1001@127.0.0.1:$sip_port>;auth_pass=demo-1001;regint=60;answermode=auto;audio_codecs=PCMU" > "$data/baresip/accounts"
phone() { # one ctrl_tcp command (a netstring-framed JSON object)
  local json="{\"command\":\"$1\",\"params\":\"${2:-}\"}"
  exec 3<>"/dev/tcp/127.0.0.1/$control_port" && printf '%d:%s,' "${#json}" "$json" >&3 && sleep 0.3 && exec 3>&-
}
agent_phone() { # waits for the node of the call in calls/Lee.log, registers, hangs up after the hand-off
  local log="$data/calls/Lee.log"
  for _ in $(seq 1 300); do grep -q "answered" "$log" 2>/dev/null && break; sleep 0.1; done
  baresip -f "$data/baresip" > "$data/baresip.log" 2>&1 < /dev/null &
  local phone_pid=$!
  echo "$phone_pid" > "$data/baresip/pid"
  # Until the hand-off, or the call's end without one (the robot hung up: nothing to wait for).
  for _ in $(seq 1 600); do
    grep -q "robot.handoff" "$log" 2>/dev/null && break
    grep -q "^call ended\|^outcome" "$log" 2>/dev/null && { kill "$phone_pid" 2>/dev/null; return 0; }
    sleep 0.1
  done
  sleep 4
  phone hangup || true
  sleep 1
  kill "$phone_pid" 2>/dev/null || true
}

echo "== Making the callees' answers with espeak-ng (the robot's lines timed with its own voice)"
disclosure="Hello, this is an AI voice assistant calling on behalf of Harbor Credit. This call may be recorded."
intro() { echo "Hi $1. You applied for a personal loan with us, and you now qualify for a credit line from 3.6 percent a year. Would you like to hear more?"; }
# What each callee says is a phrase of the script's intents (or a slot's words) in a voice and pace measured with
# `./huawu asr` on 8 kHz µ-law espeak-ng audio against the node's grammar: pocketsphinx's model is a 16 kHz one, and over
# the telephone band it hears synthetic speech poorly (full-band, the same phrases are heard 7 of 7; over G.711 most
# are missed or taken for "who are you"), so only the phrasings it hears right are used.
callee_audio Alex "$disclosure Am I speaking with Alex?" "en-gb@120:Yep." "$(intro Alex)" "en-us@120:What is the offer?" \
  "Great. Roughly how much would you need? For example five thousand, or twenty thousand dollars." "keys:5000#" \
  "5000 dollars can be applied for right in the app, funds arrive in minutes. Shall I text you the link?" "en-gb@120:Yep."
callee_audio Sam "$disclosure Am I speaking with Sam?" "en-gb@120:Yep." "$(intro Sam)" "en-gb@120:Do not call."
callee_audio Kim "$disclosure Am I speaking with Kim?" "en-gb@120:Yep." "$(intro Kim)" "en-gb-scotland@120:Do you check my credit?"
callee_audio Lee "$disclosure Am I speaking with Lee?" "en-gb@120:Yep." "$(intro Lee)" "en-us@120:Real agent."
for name in Alex Sam Kim Lee; do callee_scenario "$name"; done

echo; echo "== 1. Alex, interested"
place_call Alex +15550100001
echo; echo "== 2. Sam, refusing"
place_call Sam +15550100002
echo; echo "== 3. Kim, asking a question"
place_call Kim +15550100003
echo; echo "== 4. Lee, asking for a person (baresip answers as the advisor at extension 1001)"
agent_phone &
agent_pid=$!
pids+=("$agent_pid")
place_call Lee +15550100004
wait "$agent_pid" 2>/dev/null || true

db="$data/huawu.db"
q() { sqlite3 -batch -noheader "$db" "$1"; }
echo
echo "== What the node stored"
echo "Do-not-call list: $(q "SELECT count(*) FROM do_not_call") number(s)"
echo "Hand-off to the agent: $(q "SELECT group_concat(detail, '; ') FROM call_events WHERE kind = 'robot.handoff'")"
echo
echo "== Summary"
q "SELECT printf('calls %d, connected %d (connect rate %d%%), average talk time %.1f s',
          count(*), count(answered_at), 100 * count(answered_at) / count(*), coalesce(avg(talk_ms), 0) / 1000.0) FROM calls"
echo "outcomes and grades: $(q "SELECT group_concat(coalesce(disposition_code, '-') || ' ' || coalesce(intent_grade, '-'), ', ') FROM calls")"
latencies=$(q "SELECT substr(detail, instr(detail, 'total_ms=') + 9) + 0 FROM call_events WHERE kind = 'robot.turn_latency'" | sort -n)
count=$(echo "$latencies" | grep -c . || true)
if [ "$count" -gt 0 ]; then
  pick() { echo "$latencies" | sed -n "$(( ($1 * count + 99) / 100 ))p"; }
  echo "turn latency (end of the callee's speech to the robot's first sound), $count turns: p50 $(pick 50) ms, p95 $(pick 95) ms"
fi
echo
echo "Demo finished. Configuration, data (huawu.db, recordings), callee audio and logs are in $data/"
echo "Explore: ./huawu serve --config $data/huawu.yaml (the API on 127.0.0.1:8080), sqlite3 $db, ./huawu audit verify --config $data/huawu.yaml"
