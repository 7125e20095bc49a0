#!/usr/bin/env python3
"""Trunk post-build hook: adds a Content-Security-Policy to the staged index.html.

Trunk writes an inline module script that starts the app; a strict policy must allow exactly
that script and nothing else inline. Its SHA-256 is computed here, after Trunk has written it,
so the policy always matches the build. Scripts from files (assets/start_check.js) come from
the page's own origin. The policy allows only that origin, the WebAssembly compile step
('wasm-unsafe-eval', not 'unsafe-eval') and no remote origin at all. No inline style either:
the app sets the few styles it computes through the CSS object model, which a policy does not
govern, and the charts' SVG carries presentation attributes, not style attributes.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp_hook: TRUNK_STAGING_DIR is not set; run this from Trunk's post_build hook")
path = os.path.join(staging, "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()

# Inline scripts only: a <script src> is allowed by 'self', and its empty body needs no hash.
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
if not scripts:
    sys.exit(f"csp_hook: {path} has no inline script to allow")
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
    for s in scripts
)
policy = (
    "default-src 'none'; "
    f"script-src 'self' {hashes} 'wasm-unsafe-eval'; "
    "style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; object-src 'none'"
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
if "Content-Security-Policy" in html:
    sys.exit(f"csp_hook: {path} already has a Content-Security-Policy")
# The policy must precede every script it governs: put it right after <meta charset>.
# The release build's page is minified, which unquotes the attribute (<meta charset=utf-8>).
html, n = re.subn(
    r'(<meta charset="?utf-8"?\s*/?>)', r"\1\n    " + meta.replace("\\", "\\\\"), html, count=1, flags=re.I
)
if n != 1:
    sys.exit(f"csp_hook: {path} has no <meta charset=\"utf-8\"> to anchor the policy")
with open(path, "w", encoding="utf-8") as f:
    f.write(html)
