// A small static server for dist/ as a production host would serve it: gzip for text, long
// caching for Trunk's content-hashed files, no caching for index.html. Used by
// scripts/lighthouse.sh so the scores describe the app, not a bare development server.
// Usage: node scripts/static_server.mjs DIR PORT   (binds 127.0.0.1 only)
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const [dir, port] = [process.argv[2] ?? "dist", Number(process.argv[3] ?? 8094)];
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".svg": "image/svg+xml",
  ".json": "application/json", ".png": "image/png",
};
createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^\/+/, "");
  if (path.includes("..")) { res.writeHead(400).end(); return; }
  const file = join(dir, path === "" ? "index.html" : path);
  try {
    let body = await readFile(file);
    const type = types[extname(file)] ?? "application/octet-stream";
    const headers = { "Content-Type": type };
    headers["Cache-Control"] = file.endsWith("index.html") ? "no-cache" : "public, max-age=31536000, immutable";
    if (/gzip/.test(req.headers["accept-encoding"] ?? "") && !type.startsWith("image/png")) {
      body = gzipSync(body, { level: 9 });
      headers["Content-Encoding"] = "gzip";
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${dir} on http://127.0.0.1:${port}/`));
