"""Debian's Chromium as the tests launch it (never a browser downloaded by Playwright)."""

CHROMIUM = "/usr/bin/chromium"
# headless as root, and no background traffic: this machine has no network but the registries
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
