"""Reports in (PDF, text), clean page-aware chunks out, into a new index generation."""

from gevinst.ingest.loaders import IngestError
from gevinst.ingest.pipeline import IndexBusy, IngestReport, ingest

__all__ = ["IndexBusy", "IngestError", "IngestReport", "ingest"]
