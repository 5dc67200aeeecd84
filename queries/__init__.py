"""Named SPARQL queries over the dcs-kg graph, and the Python API that runs them."""
from .runner import NamedQuery, Rows, library, resolve, run, run_query

__all__ = ["NamedQuery", "Rows", "library", "resolve", "run", "run_query"]
