#!/usr/bin/env python3
"""Through nginx (the shipped site, TLS on loopback) in front of the installed service:
the session cookie is Secure; the sign-in limit per address counts the address nginx saw, not
nginx's own; the security headers arrive; an upload within nginx's limit reaches chitieu and one
over it gets the shipped Vietnamese page. Clients connect from 127.0.0.2 and 127.0.0.3 so the
addresses differ while everything stays on loopback.
Usage: check-package.py HTTPS_PORT HTTP_PORT ADMIN PASSWORD"""
import http.client, re, ssl, sys, urllib.parse, uuid

https_port, http_port, admin, password = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
unverified = ssl.create_default_context()
unverified.check_hostname = False
unverified.verify_mode = ssl.CERT_NONE


def fail(message):
    print("FAILED:", message)
    sys.exit(1)


class Client:
    """One browser at one source address: its cookies, over HTTPS to nginx."""

    def __init__(self, source):
        self.source, self.cookies = source, {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPSConnection(
            "127.0.0.1", https_port, context=unverified, source_address=(self.source, 0), timeout=120)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        except (BrokenPipeError, ConnectionResetError) as error:
            # nginx may answer 413 and close before the body is all sent; ask again without one.
            return None, {}, str(error).encode()
        finally:
            connection.close()
        set_cookies = [v for k, v in response.getheaders() if k.lower() == "set-cookie"]
        for cookie in set_cookies:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";")[0]
        return response.status, {**{k.lower(): v for k, v in response.getheaders()}, "set-cookie": set_cookies}, data

    def csrf(self):
        self.request("GET", "/dang-nhap")
        return self.cookies["chitieu_csrf"]

    def sign_in(self, name, secret):
        body = urllib.parse.urlencode({"_csrf": self.csrf(), "ten": name, "mat_khau": secret})
        return self.request("POST", "/dang-nhap", body, {"Content-Type": "application/x-www-form-urlencoded"})


# The session cookie over HTTPS is Secure (the app learns HTTPS from X-Forwarded-Proto).
leader = Client("127.0.0.3")
status, headers, _ = leader.sign_in(admin, password)
session = [c for c in headers["set-cookie"] if c.startswith("chitieu_phien=")]
if status != 303 or not session:
    fail(f"sign-in over HTTPS answered {status} with cookies {headers['set-cookie']}")
if "secure" not in session[0].lower() or "httponly" not in session[0].lower():
    fail(f"the session cookie is not Secure and HttpOnly: {session[0]}")
print("sign-in over HTTPS: 303, session cookie:", "; ".join(p.strip() for p in session[0].split(";")[1:]))

# Security headers on a page, through nginx.
status, headers, _ = leader.request("GET", "/")
wanted = ["content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy",
          "strict-transport-security", "x-request-id"]
missing = [name for name in wanted if name not in headers]
if status != 200 or missing:
    fail(f"home page {status}, missing headers {missing}")
print("security headers present:", ", ".join(wanted))

# Plain HTTP is sent to HTTPS.
connection = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
connection.request("GET", "/dang-nhap")
redirect = connection.getresponse()
if redirect.status != 301 or not redirect.getheader("Location", "").startswith("https://"):
    fail(f"http answered {redirect.status} {redirect.getheader('Location')}")
print("http → https:", redirect.status)

# The limit per address counts 127.0.0.2, the address nginx saw: after 20 wrong passwords (each for
# another name, so the per-name limit never applies) it refuses even the right one from there,
# while 127.0.0.3 — behind the same nginx, the same peer for chitieu — still signs in.
attacker = Client("127.0.0.2")
codes = [attacker.sign_in(f"khach{i}", "sai-mat-khau")[0] for i in range(20)]
if codes != [401] * 20:
    fail(f"20 wrong passwords answered {codes}")
refused, _, _ = attacker.sign_in(admin, password)
other, _, _ = Client("127.0.0.3").sign_in(admin, password)
if refused != 429 or other != 303:
    fail(f"after 20 failures from 127.0.0.2: right password there {refused}, from 127.0.0.3 {other}")
print("sign-in limit per forwarded address: 127.0.0.2 refused (429) after 20 failures, 127.0.0.3 signed in (303)")


def multipart(fields, file_bytes):
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="tep"; filename="bao-cao.txt"\r\n'
                 f'Content-Type: text/plain\r\n\r\n'.encode() + file_bytes + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


sentence = ("Tổng giá trị sản xuất của xã Ia Thử 9 tháng năm 2025 ước đạt 1.234,5 tỷ đồng, "
            "bằng 70,76% kế hoạch, tăng 3,81% so với cùng kỳ.\n").encode()
def page_csrf(client, path):
    """The token a signed-in page puts in its forms (the session's, not the sign-in cookie's)."""
    _, _, page = client.request("GET", path)
    found = re.search(rb'name="_csrf" value="([^"]+)"', page)
    if not found:
        fail(f"{path} has no form token")
    return found.group(1).decode()


token = page_csrf(leader, "/nhap-van-ban")
filler = "Các xã tiếp tục triển khai các nhiệm vụ trọng tâm, chú trọng công tác tuyên truyền.\n".encode()
within = sentence + filler * (3_000_000 // len(filler))
body, content_type = multipart({"_csrf": token, "ten": "bao-cao.txt"}, within)
status, _, page = leader.request("POST", "/nhap-van-ban", body, {"Content-Type": content_type})
if status != 200 or "1.234,5".encode() not in page:
    said = re.search(rb'class="alert error">([^<]*)', page)
    fail(f"an upload of {len(body) // 1024} KiB (within the limit) answered {status}: "
         f"{said.group(1).decode() if said else page[:300]!r}")
print(f"upload within the limit: {len(body) // 1024} KiB → {status}, preview shows the figures")

over = b"x" * (17 << 20)
body, content_type = multipart({"_csrf": token}, over)
status, _, page = leader.request("POST", "/nhap-van-ban", body, {"Content-Type": content_type})
if status is None:
    fail(f"nginx closed the connection on a {len(body) >> 20} MiB upload without an answer: {page!r}")
if status != 413 or "Tệp gửi lên quá lớn".encode() not in page:
    fail(f"an upload of {len(body) >> 20} MiB answered {status}: {page[:200]!r}")
print(f"upload over the limit: {len(body) >> 20} MiB → 413 with the page «Tệp gửi lên quá lớn»")
