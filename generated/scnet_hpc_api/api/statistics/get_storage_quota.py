from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.storage_quota_envelope import StorageQuotaEnvelope
from ...types import Response


def _get_kwargs(
    username: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hpc/openapi/v2/parastor/quota/usernames/{username}".format(
            username=quote(str(username), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | StorageQuotaEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | StorageQuotaEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = StorageQuotaEnvelope.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ErrorEnvelope.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    response_default = cast(Any, None)
    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorEnvelope | StorageQuotaEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | StorageQuotaEnvelope]:
    """Shared-storage quota and usage (查询用户共享存储配额及使用量).

     The path's user name is documented as the region (cluster) user in the old docs and the
    platform user in the new ones. Some regions answer HTTP 404 (live behaviour).

    Args:
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | StorageQuotaEnvelope]
    """

    kwargs = _get_kwargs(
        username=username,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | StorageQuotaEnvelope | None:
    """Shared-storage quota and usage (查询用户共享存储配额及使用量).

     The path's user name is documented as the region (cluster) user in the old docs and the
    platform user in the new ones. Some regions answer HTTP 404 (live behaviour).

    Args:
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | StorageQuotaEnvelope
    """

    return sync_detailed(
        username=username,
        client=client,
    ).parsed


async def asyncio_detailed(
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | StorageQuotaEnvelope]:
    """Shared-storage quota and usage (查询用户共享存储配额及使用量).

     The path's user name is documented as the region (cluster) user in the old docs and the
    platform user in the new ones. Some regions answer HTTP 404 (live behaviour).

    Args:
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | StorageQuotaEnvelope]
    """

    kwargs = _get_kwargs(
        username=username,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | StorageQuotaEnvelope | None:
    """Shared-storage quota and usage (查询用户共享存储配额及使用量).

     The path's user name is documented as the region (cluster) user in the old docs and the
    platform user in the new ones. Some regions answer HTTP 404 (live behaviour).

    Args:
        username (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | StorageQuotaEnvelope
    """

    return (
        await asyncio_detailed(
            username=username,
            client=client,
        )
    ).parsed
