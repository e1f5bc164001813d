#!/usr/bin/env python3
"""A mail server on loopback for chitieu's tests: a real SMTP server (aiosmtpd) that keeps
every message it takes as a file, or one that misbehaves the ways real servers do.

    mail-sink.py DIR [--mode accept|refuse|busy|drop|silent] [--tls] [--auth USER:PASS]

Prints one line `READY <port> <ca-file-or-->` when it listens, then serves until killed.
Modes other than accept are a few lines of asyncio, not aiosmtpd: they must break the
protocol on purpose.
  refuse  answers RCPT TO with 550 (a mailbox that does not exist: permanent)
  busy    greets with 421 and closes (a server overloaded: temporary)
  drop    takes the message after DATA and closes the connection without answering
  silent  accepts the connection and never speaks (a timeout)
"""
import argparse
import asyncio
import os
import socket
import ssl
import subprocess
import sys
import tempfile


def listening_socket(host):
    """Bound to port 0 and kept: a port found free and bound again later can be taken by
    another program in between, which is what a loaded test run does."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, 0))
    s.listen(16)
    return s


def make_certificate(folder):
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
        check=True, capture_output=True)
    return cert, key


def serve_accept(args, sock):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    class OnSocket(Controller):
        def _create_server(self):
            return self.loop.create_server(self._factory_invoker, sock=sock, ssl=self.ssl_context)

    port = sock.getsockname()[1]

    class Keep:
        count = 0

        async def handle_DATA(self, server, session, envelope):
            Keep.count += 1
            path = os.path.join(args.dir, "%03d.eml" % Keep.count)
            with open(path + ".part", "wb") as f:
                f.write(("X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
                f.write(envelope.original_content)
            os.rename(path + ".part", path)
            return "250 2.0.0 OK"

    parameters = {}
    ca = "-"
    if args.tls:
        cert, key = make_certificate(args.dir)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        parameters["tls_context"] = context
        ca = cert
    if args.auth:
        user, password = args.auth.split(":", 1)

        def check(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        parameters.update(authenticator=check, auth_required=True, auth_require_tls=bool(args.tls))
    controller = OnSocket(Keep(), hostname="127.0.0.1", port=port, **parameters)
    controller.start()
    print("READY %d %s" % (port, ca), flush=True)
    try:
        asyncio.run(asyncio.Event().wait())
    finally:
        controller.stop()


async def misbehave(mode, sock):
    async def client(reader, writer):
        if mode == "silent":
            await asyncio.sleep(3600)
            return
        if mode == "busy":
            writer.write(b"421 4.3.2 Service not available, try later\r\n")
            await writer.drain()
            writer.close()
            return
        writer.write(b"220 sink ESMTP\r\n")
        while True:
            line = await reader.readline()
            if not line:
                return
            verb = line.decode(errors="replace").strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                writer.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif verb.startswith("MAIL"):
                writer.write(b"250 2.1.0 OK\r\n")
            elif verb.startswith("RCPT"):
                writer.write(b"550 5.1.1 No such mailbox\r\n" if mode == "refuse" else b"250 2.1.5 OK\r\n")
            elif verb == "DATA":
                writer.write(b"354 go ahead\r\n")
                await writer.drain()
                while (await reader.readline()) not in (b".\r\n", b""):
                    pass
                writer.close()
                return
            elif verb == "QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                writer.close()
                return
            else:
                writer.write(b"502 5.5.2 not here\r\n")
            await writer.drain()

    server = await asyncio.start_server(client, sock=sock)
    print("READY %d -" % sock.getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--mode", default="accept", choices=["accept", "refuse", "busy", "drop", "silent"])
    parser.add_argument("--tls", action="store_true")
    parser.add_argument("--auth")
    parser.add_argument("--host", default="127.0.0.1", help="0.0.0.0: also reachable as 127.0.0.2, a host the client does not take for this machine")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    sock = listening_socket(args.host)
    if args.mode == "accept":
        serve_accept(args, sock)
    else:
        asyncio.run(misbehave(args.mode, sock))


if __name__ == "__main__":
    sys.exit(main())
