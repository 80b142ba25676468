from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.center_envelope import CenterEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ac/openapi/v2/center",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CenterEnvelope | ErrorEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> CenterEnvelope | ErrorEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = CenterEnvelope.from_dict(data)

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
) -> Response[Any | CenterEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | CenterEnvelope | ErrorEnvelope]:
    """Region discovery (获取授权区域).

     Returns the calling region's service URLs (`hpcUrls` for job calls, `efileUrls` for files,
    `aiUrls` for containers), the cluster user name and home path. Must be called with that
    **region's** token: the live service answers `10001` (`internal_error`) to the platform
    (`ac`) token. The job "user name" used by every job call is `clusterUserInfo.userName`, not
    the platform login.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CenterEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Any | CenterEnvelope | ErrorEnvelope | None:
    """Region discovery (获取授权区域).

     Returns the calling region's service URLs (`hpcUrls` for job calls, `efileUrls` for files,
    `aiUrls` for containers), the cluster user name and home path. Must be called with that
    **region's** token: the live service answers `10001` (`internal_error`) to the platform
    (`ac`) token. The job "user name" used by every job call is `clusterUserInfo.userName`, not
    the platform login.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CenterEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | CenterEnvelope | ErrorEnvelope]:
    """Region discovery (获取授权区域).

     Returns the calling region's service URLs (`hpcUrls` for job calls, `efileUrls` for files,
    `aiUrls` for containers), the cluster user name and home path. Must be called with that
    **region's** token: the live service answers `10001` (`internal_error`) to the platform
    (`ac`) token. The job "user name" used by every job call is `clusterUserInfo.userName`, not
    the platform login.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CenterEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Any | CenterEnvelope | ErrorEnvelope | None:
    """Region discovery (获取授权区域).

     Returns the calling region's service URLs (`hpcUrls` for job calls, `efileUrls` for files,
    `aiUrls` for containers), the cluster user name and home path. Must be called with that
    **region's** token: the live service answers `10001` (`internal_error`) to the platform
    (`ac`) token. The job "user name" used by every job call is `clusterUserInfo.userName`, not
    the platform login.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CenterEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
