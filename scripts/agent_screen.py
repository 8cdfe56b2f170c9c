#!/usr/bin/env python3
"""The demo's agent screen: signs in to a node's API as an agent and prints what the live event stream pushes to them.

    agent_screen.py http://127.0.0.1:PORT USERNAME   (the password on standard input)

Signs in (POST /api/v1/session: the session cookie), opens the WebSocket event stream (GET /api/v1/events, RFC 6455) from
the API's own origin, and prints each `handoff` event — the context the robot hands the agent before their phone rings —
and the agent's call events, until the stream closes or the process is stopped. Python's standard library only.
"""
import base64
import http.client
import json
import os
import socket
import struct
import sys
import urllib.parse

PREFIX = "agent screen | "


def say(line):
    print(PREFIX + line, flush=True)


def sign_in(host, port, username, password):
    """The session cookie (name=value) of a password sign-in."""
    connection = http.client.HTTPConnection(host, port, timeout=10)
    connection.request("POST", "/api/v1/session", json.dumps({"username": username, "password": password}),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"agent screen: sign-in as {username} failed: {response.status} {body[:200]!r}")
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            return value.split(";", 1)[0]
    raise SystemExit("agent screen: the sign-in set no session cookie")


def open_stream(host, port, cookie):
    """A socket past the WebSocket handshake (RFC 6455 §4.1); the origin is the API's own, as the node requires."""
    sock = socket.create_connection((host, port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (f"GET /api/v1/events HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://{host}:{port}\r\n"
               f"Cookie: {cookie}\r\n\r\n")
    sock.sendall(request.encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1)
        if not chunk:
            raise SystemExit("agent screen: the node closed the connection during the handshake")
        head += chunk
    status = head.split(b"\r\n", 1)[0].decode(errors="replace")
    if " 101 " not in status:
        raise SystemExit(f"agent screen: the event stream was refused: {status}")
    sock.settimeout(None)
    return sock


def read_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def messages(sock):
    """Text messages from the server (RFC 6455 §5.2: unmasked frames; fragments joined); ends at a close frame."""
    parts = b""
    while True:
        first, second = read_exactly(sock, 2)
        opcode, length = first & 0x0F, second & 0x7F
        if length == 126:
            length = struct.unpack(">H", read_exactly(sock, 2))[0]
        elif length == 127:
            length = struct.unpack(">Q", read_exactly(sock, 8))[0]
        payload = read_exactly(sock, length)
        if opcode == 0x8:
            return
        if opcode in (0x1, 0x0):
            parts += payload
            if first & 0x80:
                yield parts.decode()
                parts = b""


def show(event):
    kind, data = event.get("type"), event.get("data") or {}
    if kind == "stream.ready":
        say("signed in; waiting for calls handed to this agent")
    elif kind == "handoff":
        variables = ", ".join(f"{k}={v}" for k, v in (data.get("variables") or {}).items())
        say(f"HAND-OFF to extension {data.get('extension')}: {data.get('callee')} (script {data.get('script')}, "
            f"node {data.get('node')}, last intent {data.get('intent')}, grade {data.get('grade')})")
        if variables:
            say(f"  variables: {variables}")
        for entry in data.get("transcript") or []:
            intent = f"   [{entry['intent']}]" if entry.get("intent") else ""
            say(f"  {entry.get('speaker', ''):<8} {entry.get('text', '')}{intent}")
    elif not kind.startswith("stream."):
        say(f"{kind} {json.dumps(data, ensure_ascii=False)[:160]}")


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    url = urllib.parse.urlsplit(sys.argv[1])
    password = sys.stdin.readline().rstrip("\n")
    cookie = sign_in(url.hostname, url.port, sys.argv[2], password)
    sock = open_stream(url.hostname, url.port, cookie)
    try:
        for text in messages(sock):
            show(json.loads(text))
    except (EOFError, ConnectionError):
        pass
    say("the event stream closed")


if __name__ == "__main__":
    main()
