"""Pact matching: requests, responses and messages compared with what a pact
expects, honouring its matching rules (v1-v4). See http.py for the entry
points; each returns a list of `Mismatch` (empty: it matches)."""

from apictl.contract.matching.http import match_message, match_request, match_response
from apictl.contract.matching.mismatch import Mismatch

__all__ = ["Mismatch", "match_message", "match_request", "match_response"]
