"""Client for Petstore 1.2.0.

A small, clean API — `apictl lint` should find nothing to complain about here.
"""

from ._runtime import OAuth2ClientCredentials, RetryPolicy, ServerSentEvent
from .client import AsyncClient, Client
from .errors import ApiError, ClientError, ServerError, UnexpectedStatusError

__all__ = [
    "ApiError",
    "AsyncClient",
    "Client",
    "ClientError",
    "OAuth2ClientCredentials",
    "RetryPolicy",
    "ServerError",
    "ServerSentEvent",
    "UnexpectedStatusError",
]
