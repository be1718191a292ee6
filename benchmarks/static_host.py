"""Serve the built site the way static hosting does (gzip for text, long cache for hashed assets).

Lighthouse times a page from its transfer sizes, so it should see what a visitor's browser would get from
GitHub Pages or any other static host, not the uncompressed bytes of Python's test server.
"""

from __future__ import annotations

import gzip
import http.server
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Files from the site folder, gzipped when the client accepts it."""

    def send_head(self):  # noqa: ANN201 (http.server's signature)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if path.suffix not in COMPRESSIBLE or not accepts_gzip or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        # Material's assets carry a content hash in their names, so hosts may cache them for a long time.
        cached = "/assets/" in self.path and path.suffix in {".css", ".js"}
        self.send_header("Cache-Control", "public, max-age=31536000" if cached else "no-cache")
        self.end_headers()
        return _Body(body)

    def log_message(self, *_: object) -> None:
        pass


class _Body:
    """The file-like object send_head returns: copyfile reads it, then it is closed."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def read(self, *_: object) -> bytes:
        body, self.body = self.body, b""
        return body

    def close(self) -> None:
        pass
