"""The CLI's look-ups: the one resolver lives in `queries.lookup`."""
from queries.lookup import agency_name, document_id, document_node, place_name

__all__ = ["agency_name", "document_id", "document_node", "place_name"]
