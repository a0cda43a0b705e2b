"""Client for Kitchen Sink 1.0.0.

Every construct generators usually get wrong.
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
