"""A headless Chromium driven through chromedriver (W3C WebDriver over plain HTTP, Python's
standard library only), for the browser checks: pages loaded, console errors and failed
requests collected, overflowing or clipped text found, screenshots saved.
"""
import base64, json, os, socket, subprocess, time, urllib.request


class Browser:
    def __init__(self, base, out):
        self.base, self.out = base.rstrip("/"), out
        os.makedirs(out, exist_ok=True)
        self.problems = []
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.driver = subprocess.Popen(["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wd = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except Exception:
                time.sleep(0.1)
        chrome = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        session = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chrome, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=vi-VN"]},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}})["sessionId"]
        self.s = f"/session/{session}"

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.wd + path, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)["value"]
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{method} {path}: {error.read().decode()[:400]}")

    def close(self):
        try:
            self.call("DELETE", self.s)
        finally:
            self.driver.terminate()

    def logs(self):
        return self.call("POST", self.s + "/se/log", {"type": "browser"})

    def run(self, script, *args):
        return self.call("POST", self.s + "/execute/sync", {"script": script, "args": list(args)})

    def size(self, width, height):
        self.call("POST", self.s + "/window/rect", {"width": width, "height": height})

    def go(self, path):
        self.call("POST", self.s + "/url", {"url": self.base + path})

    def url(self):
        return self.call("GET", self.s + "/url")

    def element(self, css):
        found = self.call("POST", self.s + "/element", {"using": "css selector", "value": css})
        return list(found.values())[0]

    def type(self, css, text, clear=False):
        element = self.element(css)
        if clear:
            self.call("POST", self.s + f"/element/{element}/clear", {})
        self.call("POST", self.s + f"/element/{element}/value", {"text": text})
        return element

    def click(self, css, navigates=True):
        """Clicks, and when the click leads to another page, waits until that page has loaded
        (the old document's marker is gone) instead of sleeping a fixed time."""
        if navigates:
            self.run("window.__chitieuBefore = true")
        self.call("POST", self.s + f"/element/{self.element(css)}/click", {})
        if navigates:
            self.wait_for("return !window.__chitieuBefore && document.readyState === 'complete'", f"page after {css}")

    def wait_for(self, script, what, timeout=15):
        """Polls a condition in the page until it holds; a page still loading may refuse scripts."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.run(script):
                    return True
            except RuntimeError:
                pass
            time.sleep(0.05)
        self.problems.append(f"timed out after {timeout} s waiting for {what}")
        return False

    def text(self):
        return self.run("return document.body.innerText")

    def shoot(self, name):
        # the whole page: grow the window to the document's height first
        height = self.run("return Math.max(document.body.scrollHeight, 600)")
        rect = self.call("GET", self.s + "/window/rect")
        self.size(rect["width"], min(height + 140, 6000))
        with open(os.path.join(self.out, name + ".png"), "wb") as f:
            f.write(base64.b64decode(self.call("GET", self.s + "/screenshot")))
        self.size(rect["width"], rect["height"])

    # Text cut off by its box (a badge at the table's right edge, a column crushed so that a
    # word is hidden) or standing out of the window: found by geometry, not by eye.
    CLIPPED = """
      const out = [], width = document.documentElement.clientWidth;
      const say = (el, what) => out.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
        ': «' + el.innerText.trim().slice(0, 40) + '» ' + what);
      for (const el of document.querySelectorAll('main *')) {
        const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own || el.closest('svg')) continue;  // a chart's labels are placed by its own code
        const style = getComputedStyle(el), r = el.getBoundingClientRect();
        if (style.display === 'none' || style.visibility === 'hidden' || r.width === 0) continue;
        if (['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) { say(el, 'cut by its box'); continue; }
        // the nearest box that cuts or scrolls: text beyond its edge is hidden until scrolled
        let box = el.parentElement;
        while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
        const edge = box && box !== document.body ? box.getBoundingClientRect().right : width;
        if (r.right > edge + 1) { say(el, 'beyond the edge of ' + (box && box !== document.body ? 'its scrolling box' : 'the window') + ' by ' + Math.round(r.right - edge) + 'px'); continue; }
        // a column crushed to a word per line
        if ((el.tagName === 'TD' || el.tagName === 'A') && el.closest('td')) {
          const words = el.innerText.trim().split(/\\s+/).length;
          const lines = r.height / (parseFloat(style.lineHeight) || 18);
          if (words >= 4 && lines >= words - 1 && r.width < 110) say(el, 'crushed to ' + Math.round(lines) + ' lines of ' + Math.round(r.width) + 'px');
        }
      }
      return out.slice(0, 8);
    """

    def check_page(self, name, path, must_contain):
        self.logs()  # drop what earlier pages left
        self.go(path)
        self.check_loaded(name, must_contain)

    def check_loaded(self, name, must_contain):
        state = self.run("return document.readyState")
        text = self.text()
        title = self.run("return document.title")
        failed = self.run("""return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400).map(e => e.name)""")
        for entry in self.logs():
            if entry["level"] in ("SEVERE", "WARNING"):
                self.problems.append(f"{name}: console {entry['level']}: {entry['message']}")
        for url in failed or []:
            self.problems.append(f"{name}: failed request {url}")
        if state != "complete":
            self.problems.append(f"{name}: page did not finish loading ({state})")
        if must_contain not in text:
            self.problems.append(f"{name}: «{must_contain}» not on the page (title «{title}»)")
        assets = self.run("return [document.styleSheets.length, getComputedStyle(document.querySelector('header.top')).backgroundColor]")
        if assets[0] < 1 or assets[1] in ("rgba(0, 0, 0, 0)", "transparent"):
            self.problems.append(f"{name}: stylesheet not applied")
        overflow = self.run("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 2:
            self.problems.append(f"{name}: page wider than the window by {overflow}px")
        for clip in self.run(self.CLIPPED):
            self.problems.append(f"{name}: {clip}")

    def sign_in(self, user, password):
        self.go("/dang-nhap")
        self.type("input[name='ten']", user)
        self.type("input[name='mat_khau']", password)
        self.click("form.sign-in button[type=submit]")
        if "Đăng xuất" not in self.text():
            self.problems.append("sign-in: the account could not sign in")
