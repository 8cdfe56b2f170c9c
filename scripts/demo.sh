#!/usr/bin/env bash
# `make demo` (it builds the huawu program first): one node places four robot calls at once to simulated callees on
# 127.0.0.1 with the English loan follow-up sample (src/Huawu.Robot/Samples/loan-followup.en.yaml) on the embedded
# defaults (SQLite, espeak-ng, pocketsphinx, DTMF), printing the conversations live, then a summary from what the node
# stored. About a minute; leaves demo-data/ behind.
#
# `huawu call` dials the four numbers together through a simulated carrier trunk, where one SIPp user agent answers them
# all, each call by its number. What a callee says is real speech made here with espeak-ng and streamed as RTP (SIPp
# rtp_stream); before each answer it holds silence as long as the robot's line before it (synthesized here with the
# robot's voice) plus the robot's reply time, one answer per question. Keys are RFC 4733 events in a capture made here
# with text2pcap (SIPp play_pcap_audio): SIPp 3.6's own play_dtmf sends payload type 96 whatever the SDP says, from an
# SSRC of its own, and the node rightly ignores it.
#   1. Alex is interested: "yes", "what is the offer?", keys 5000#, "yes" (the link by text message).
#   2. Sam refuses: "yes", "do not call" — the number is on the do-not-call list at once.
#   3. Kim asks the knowledge base: "yes", "is there a credit check?", hears the answer and hangs up.
#   4. Lee asks for a person: "yes", "real agent" — the robot hands the call to extension 1001, where baresip, registered
#      as the advisor's phone, answers (and hangs up a few seconds later). The advisor is signed in to the node's API
#      (scripts/agent_screen.py): the hand-off's context reaches their screen over the live event stream as it rings.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

data="$PWD/demo-data"
# Ports on 127.0.0.1, each the first free one from where it is looked for (tests on the same machine take ports too).
free_port() { # free_port FROM [COUNT]: the first port from FROM with COUNT free ports (UDP and TCP) in a row
  local port=$1 count=${2:-1}
  until [ -z "$(ss -Hantu "( sport >= :$port and sport < :$((port + count)) )" 2>/dev/null)" ]; do port=$((port + count)); done
  echo "$port"
}
sip_port=$(free_port 15070) carrier_port=$(free_port 15080) phone_port=$(free_port 15090) control_port=$(free_port 15095)
media_port=$(free_port 32000 4)   # SIPp's audio (and the ports next to it)
script="$PWD/src/Huawu.Robot/Samples/loan-followup.en.yaml"
voice=en-us               # the robot's English voice (speech.tts default)
reply_gap=2.2             # seconds from the end of an answer to the robot's next line, with a margin
advisor=advisor advisor_password=demo-advisor-1001

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
recording: { mode: all }
dialer: { enabled: false }
YAML

pids=()
cleanup() {
  for pid in "${pids[@]}" $(cat "$data/baresip/pid" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

seconds() { soxi -D "$1"; }
millis() { echo "$1 * 1000 / 1" | bc; }

# keys_capture FILE DIGITS: RFC 4733 (§2.5) telephone-events for DIGITS, payload type 101 as the callee's SDP says, one SSRC
# and sequence: each key 100 ms (five updates 20 ms apart, the first with the marker, then the end packet three times),
# the next 0.3 s later. text2pcap (Wireshark) writes the capture SIPp plays.
keys_capture() {
  local file=$1 digits=$2 seq=1000 timestamp=160000 at=0 code i duration flags
  : > "$file.txt"
  for ((d = 0; d < ${#digits}; d++)); do
    case ${digits:d:1} in '*') code=10 ;; '#') code=11 ;; *) code=${digits:d:1} ;; esac
    for i in 1 2 3 4 5 6 7 8; do
      if [ $i -le 5 ]; then duration=$((i * 160)) flags=10; else duration=960 flags=$((0x80 | 10)); fi  # E bit, volume 10
      printf '%d.%06d 80%s%04x%08x2a0b0c0d%02x%02x%04x\n' $((at / 1000000)) $((at % 1000000)) "$([ $i -eq 1 ] && echo e5 || echo 65)" \
        $((seq & 0xffff)) $timestamp "$code" $flags $duration >> "$file.txt"
      seq=$((seq + 1)); [ $i -lt 6 ] && at=$((at + 20000))
    done
    timestamp=$((timestamp + 2400)); at=$((at + 200000))
  done
  text2pcap -q -F pcap -r '^(?<time>[0-9]+\.[0-9]+) (?<data>[0-9a-f]+)$' -t '%s.%f' -u 32000,31000 -4 127.0.0.1,127.0.0.1 \
    "$file.txt" "$file" 2>/dev/null
  echo $((at / 1000))   # how long the keys take (ms)
}

# callee_audio NAME ROBOT_LINE ANSWER [ROBOT_LINE ANSWER]...: what the callee sends, in pieces listed in NAME.pieces — "stream
# FILE MS" (8 kHz µ-law, streamed), "keys FILE MS" (a capture, played), "hangup MS" (then the callee sends BYE). Each answer
# comes after the silence its robot line takes (synthesized here with the robot's voice) plus the robot's reply time. An
# ANSWER is VOICE@WORDS_PER_MINUTE:TEXT, keys:DIGITS, or hangup (after hearing the line).
callee_audio() {
  local name=$1 dir="$data/audio" parts=() i=0 piece=0 gap
  shift
  : > "$dir/$name.pieces"
  flush() { # the parts so far as one streamed piece
    sox "${parts[@]}" -r 8000 -c 1 -t ul "$dir/$name-$piece.ulaw"
    echo "stream $dir/$name-$piece.ulaw $(millis "$(echo "$(stat -c %s "$dir/$name-$piece.ulaw") / 8000" | bc -l)")" >> "$dir/$name.pieces"
    parts=(); piece=$((piece + 1))
  }
  while [ $# -ge 2 ]; do
    espeak-ng -v "$voice" -w "$dir/$name-robot$i.wav" "$1"
    gap=$([ $i -eq 0 ] && echo 1.2 || echo "$reply_gap")
    sox -n -r 22050 -c 1 -b 16 "$dir/$name-wait$i.wav" trim 0 "$(echo "$(seconds "$dir/$name-robot$i.wav") + $gap" | bc)"
    case $2 in
      keys:*)
        parts+=("$dir/$name-wait$i.wav"); flush
        echo "keys $dir/$name-keys.pcap $(keys_capture "$dir/$name-keys.pcap" "${2#keys:}")" >> "$dir/$name.pieces" ;;
      hangup)
        parts+=("$dir/$name-wait$i.wav"); flush
        echo "hangup" >> "$dir/$name.pieces" ;;
      *)
        espeak-ng -v "${2%%@*}" -s "$(echo "${2%%:*}" | cut -d@ -f2)" -w "$dir/$name-says$i.wav" "${2#*:}"
        parts+=("$dir/$name-wait$i.wav" "$dir/$name-says$i.wav") ;;
    esac
    i=$((i + 1)); shift 2
  done
  if ((${#parts[@]})); then
    sox -n -r 22050 -c 1 -b 16 "$dir/$name-tail.wav" trim 0 1
    parts+=("$dir/$name-tail.wav"); flush
  fi
}

# callee_branch NAME LABEL: the callee's part of the carrier's scenario — its pieces in order (each waits for the one
# before), then the BYE: the callee's own after a hang-up piece, else the node's (the robot's, or the one that follows the
# agent's after a hand-off).
callee_branch() {
  local name=$1 kind file ms last
  last=$(tail -n 1 "$data/audio/$name.pieces")
  echo "  <label id=\"$2\"/>"
  while read -r kind file ms; do
    case $kind in
      stream)
        # The next piece starts 0.3 s after the stream's end: SIPp's stream runs a little behind the scenario, and packets of
        # two sources (SSRCs) mixed would each restart the node's view of the source.
        echo "  <nop><action><exec rtp_stream=\"$file,1,0\"/></action></nop>"
        [ "$kind $file $ms" = "$last" ] || echo "  <pause milliseconds=\"$((ms + 300))\"/>" ;;
      keys)
        echo "  <nop><action><exec play_pcap_audio=\"$file\"/></action></nop>"
        echo "  <pause milliseconds=\"$((ms + 300))\"/>" ;;
      hangup)
        cat <<XML
  <send>
    <![CDATA[
      BYE [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: [\$callee];tag=[pid]SIPpTag01[call_number]
      To: [\$caller]
      [last_Call-ID:]
      CSeq: 1 BYE
      Contact: <sip:[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0
    ]]>
  </send>
  <recv response="200"/>
  <nop next="9"/>
XML
        return ;;
    esac
  done < "$data/audio/$name.pieces"
  echo "  <nop next=\"8\"/>"
}

# The carrier: one SIPp user agent answering every call, each by the last digit of its number (+1555010000N → callee N).
carrier_scenario() {
  cat > "$data/calls/carrier.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="demo callees">
  <recv request="INVITE" rrs="true">
    <action>
      <ereg regexp="^INVITE [^ ]*([0-9])@" search_in="msg" check_it="true" assign_to="uri,callee_number"/>
      <ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="caller"/>
      <ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="callee"/>
    </action>
  </recv>
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
$(for n in 1 2 3 4; do
    echo "  <nop><action><strcmp assign_to=\"differs$n\" variable=\"callee_number\" value=\"$n\"/><test assign_to=\"is$n\" variable=\"differs$n\" compare=\"equal\" value=\"0\"/></action></nop>"
    echo "  <nop test=\"is$n\" next=\"$n\"/>"
  done)
  <nop next="9"/>
$(callee_branch Alex 1)
$(callee_branch Sam 2)
$(callee_branch Lee 4)
  <label id="8"/>
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
  <nop next="9"/>
$(callee_branch Kim 3)
  <label id="9"/>
  <pause milliseconds="1"/>
  <Reference variables="uri"/>
</scenario>
XML
}

# The agent's phone: baresip registers as extension 1001 once the node listens, answers by itself, plays a tone as the
# agent's voice, and hangs up (ctrl_tcp) a few seconds after the hand-off.
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
log="$data/calls/calls.log"
agent_phone() { # registers once the node listens; hangs up a few seconds after the hand-off (or at once if Lee's call ends without)
  baresip -f "$data/baresip" > "$data/baresip.log" 2>&1 < /dev/null &
  local phone_pid=$!
  echo "$phone_pid" > "$data/baresip/pid"
  for _ in $(seq 1 900); do
    grep -q "^Lee .*robot.handoff" "$log" 2>/dev/null && break
    grep -q "^Lee .*\(call ended\|outcome\)" "$log" 2>/dev/null && { kill "$phone_pid" 2>/dev/null; return 0; }
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
# Each phrase is one of the script's intents (or a slot's words), checked with `./huawu asr` on 8 kHz µ-law espeak-ng audio
# against the node's grammar, with the 0.15–0.35 s of silence before it that a turn hands the recognizer.
callee_audio Alex "$disclosure Am I speaking with Alex?" "en-gb@120:Yes." "$(intro Alex)" "en-us@120:What is the offer?" \
  "Great. Roughly how much would you need? For example five thousand, or twenty thousand dollars." "keys:5000#" \
  "5000 dollars can be applied for right in the app, funds arrive in minutes. Shall I text you the link?" "en-us@120:Yes."
callee_audio Sam "$disclosure Am I speaking with Sam?" "en-us@120:Yes." "$(intro Sam)" "en-gb@120:Do not call."
callee_audio Kim "$disclosure Am I speaking with Kim?" "en-gb@120:Yes." "$(intro Kim)" "en-us@120:Is there a credit check?" \
  "We run a credit check when you apply; repaying on time will not hurt your score." hangup
callee_audio Lee "$disclosure Am I speaking with Lee?" "en-us@120:Yes." "$(intro Lee)" "en-us@120:Real agent."
carrier_scenario

echo "== The advisor: a user with the agent role at extension 1001 (their phone is baresip)"
echo "$advisor_password" | ./huawu user add "$advisor" --role agent --extension 1001 --display-name "Loan Advisor" --config "$data/huawu.yaml" 2>&1 \
  | grep -v "^huawu: \(created a new key file\|it holds the keys\|BACK IT UP\)" || true

sipp -sf "$data/calls/carrier.xml" -i 127.0.0.1 -p "$carrier_port" -mi 127.0.0.1 -mp "$media_port" -m 4 -nostdin \
     -timeout 150s -timeout_error -trace_err -error_file "$data/calls/sipp-errors.log" > "$data/calls/sipp.log" 2>&1 &
sipp_pid=$!
pids+=("$sipp_pid")

echo; echo "== Four calls at once: Alex (interested), Sam (refusing), Kim (a question), Lee (asks for a person)"
: > "$log"
./huawu call "+15550100001,customer_name=Alex" "+15550100002,customer_name=Sam" "+15550100003,customer_name=Kim" \
  "+15550100004,customer_name=Lee" --script "$script" --config "$data/huawu.yaml" > >(tee "$log") 2>&1 &
call_pid=$!
pids+=("$call_pid")
for _ in $(seq 1 300); do grep -q "^API on " "$log" && break; sleep 0.1; done
api=$(sed -n 's/^API on \([^ ,]*\).*/\1/p' "$log")
agent_phone &
pids+=($!)
echo "$advisor_password" | python3 scripts/agent_screen.py "$api" "$advisor" > >(tee "$data/calls/agent-screen.log") 2>&1 &
pids+=($!)
wait "$call_pid" || true
wait "$sipp_pid" 2>/dev/null || echo "(SIPp: see $data/calls/sipp.log and sipp-errors.log)"

db="$data/huawu.db"
q() { sqlite3 -batch -noheader "$db" "$1"; }
leg() { sed -n "s/^$1 *| answered (\([0-9a-f]*\)).*/\1/p" "$log"; }
call_of() { q "SELECT call_id FROM call_legs WHERE leg_uuid = '$(leg "$1")'"; }
echo
echo "== What the node stored"
for name in Alex Sam Kim Lee; do
  id=$(call_of "$name")
  [ -n "$id" ] || { echo "$name: not connected"; continue; }
  echo "$name: $(q "SELECT printf('call %d, outcome %s, grade %s, talk %.1f s, ended by the %s', id, coalesce(disposition_code, '-'),
      coalesce(intent_grade, '-'), coalesce(talk_ms, 0) / 1000.0, coalesce(hangup_side, '-')) FROM calls WHERE id = $id"); \
$(q "SELECT count(*) FROM transcript_segments WHERE call_id = $id") transcript lines, \
$(q "SELECT count(*) FROM recordings WHERE call_id = $id AND completed_at IS NOT NULL") recording(s), \
variables: $(q "SELECT group_concat(name, ', ') FROM call_variables WHERE call_id = $id") (values encrypted)"
done
echo "Do-not-call list: $(q "SELECT group_concat(printf('%s (from %s)', reason, source), '; ') FROM do_not_call")"
echo "Hand-off to the agent: $(q "SELECT group_concat(detail, '; ') FROM call_events WHERE kind = 'robot.handoff'")"
echo "The agent's screen got: $(grep -c "HAND-OFF" "$data/calls/agent-screen.log" || true) hand-off event(s) over the WebSocket"
echo
echo "== Summary"
q "SELECT printf('calls %d, connected %d (connect rate %d%%), average talk time %.1f s',
          count(*), count(answered_at), 100 * count(answered_at) / count(*), coalesce(avg(talk_ms), 0) / 1000.0) FROM calls"
outcomes=()
for name in Alex Sam Kim Lee; do
  id=$(call_of "$name")
  outcomes+=("$name ${id:+$(q "SELECT coalesce(disposition_code, '-') || ' ' || coalesce(intent_grade, '-') FROM calls WHERE id = $id")}")
done
echo "outcomes and grades: $(IFS=,; echo "${outcomes[*]}" | sed 's/,/, /g')"
latencies=$(q "SELECT substr(detail, instr(detail, 'total_ms=') + 9) + 0 FROM call_events WHERE kind = 'robot.turn_latency'" | sort -n)
count=$(echo "$latencies" | grep -c . || true)
if [ "$count" -gt 0 ]; then
  pick() { echo "$latencies" | sed -n "$(( ($1 * count + 99) / 100 ))p"; }
  echo "turn latency (end of the callee's speech to the robot's first sound), $count turns: p50 $(pick 50) ms, p95 $(pick 95) ms"
fi
echo
echo "Demo finished. Configuration, data (huawu.db, recordings), callee audio and logs are in $data/"
echo "Explore: ./huawu serve --config $data/huawu.yaml (the API on 127.0.0.1:8080), sqlite3 $db, ./huawu audit verify --config $data/huawu.yaml"
