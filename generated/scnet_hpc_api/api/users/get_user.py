from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.user_info_envelope import UserInfoEnvelope
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ac/openapi/v2/user",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | UserInfoEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | UserInfoEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = UserInfoEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | UserInfoEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | UserInfoEnvelope]:
    """The platform user's basic information (查询用户信息).

     Vendor page `userresource/get-common-user.html` (查询平台用户基本信息). The page's example
    token is a region token (its `clusterId` claim is a region id); the platform (`ac`) token is
    accepted too. `computerCenter` is the region (区域) of the token, or the user's first region
    for the platform token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | UserInfoEnvelope]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | UserInfoEnvelope | None:
    """The platform user's basic information (查询用户信息).

     Vendor page `userresource/get-common-user.html` (查询平台用户基本信息). The page's example
    token is a region token (its `clusterId` claim is a region id); the platform (`ac`) token is
    accepted too. `computerCenter` is the region (区域) of the token, or the user's first region
    for the platform token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | UserInfoEnvelope
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | UserInfoEnvelope]:
    """The platform user's basic information (查询用户信息).

     Vendor page `userresource/get-common-user.html` (查询平台用户基本信息). The page's example
    token is a region token (its `clusterId` claim is a region id); the platform (`ac`) token is
    accepted too. `computerCenter` is the region (区域) of the token, or the user's first region
    for the platform token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | UserInfoEnvelope]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | UserInfoEnvelope | None:
    """The platform user's basic information (查询用户信息).

     Vendor page `userresource/get-common-user.html` (查询平台用户基本信息). The page's example
    token is a region token (its `clusterId` claim is a region id); the platform (`ac`) token is
    accepted too. `computerCenter` is the region (区域) of the token, or the user's first region
    for the platform token.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | UserInfoEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
