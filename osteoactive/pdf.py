"""HTML to PDF with WeasyPrint: the only module in the project that imports it.

Rendering never touches the network. The URL fetcher allows only ``data:`` URIs and ``file:``
URLs inside the project directory; any other resource (http, https, ftp, a file elsewhere)
stops the render with `ResourceRefused`, because a handout that silently loses a picture is
worse than one that fails visibly and is retried after the cause is fixed.

The PDF is PDF/UA-1: tagged (a structure tree with the document's headings, lists, tables and
figures with their alt text), with its language, its title shown as the window title, and the
fonts embedded, so screen readers and reflowing viewers can read it.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher

PROJECT_DIR = Path(__file__).resolve().parent.parent


class ResourceRefused(ValueError):
    """The document asked for a resource outside data: URIs and the project's files."""


class _Refused(FatalURLFetchingError):
    """Raised inside WeasyPrint; fatal, so the render stops instead of skipping the resource."""


class _LocalOnlyFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(parts.path)).resolve()
            if not parts.netloc and path.is_relative_to(PROJECT_DIR):
                return super().fetch(url, headers)
        raise _Refused(f"refused to fetch {url[:80]!r}: only data: URIs and project files")


def render_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The PDF of an HTML document; raises `ResourceRefused` for any non-local resource."""
    try:
        return HTML(
            string=html, base_url=base_url, url_fetcher=_LocalOnlyFetcher(timeout=5)
        ).write_pdf(pdf_variant="pdf/ua-1")
    except _Refused as error:
        raise ResourceRefused(str(error)) from None
