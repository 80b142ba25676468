from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.token_list_envelope import TokenListEnvelope
from ...types import Response


def _get_kwargs(
    *,
    user: str,
    password: str,
    org_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["user"] = user

    headers["password"] = password

    headers["orgId"] = org_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ac/openapi/v2/tokens",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | TokenListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | TokenListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = TokenListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | TokenListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    user: str,
    password: str,
    org_id: str,
) -> Response[Any | ErrorEnvelope | TokenListEnvelope]:
    """Get one token per region with user, password and orgId (获取用户token, 用户名密码方式).

     The older sign-in (vendor page `safecertification/get-user-tokens.html`): the platform user
    name, its password and the `orgId` the vendor issues offline to a third-party platform
    (线下颁发给第三方的唯一标记码), all three as headers, no body. The vendor recommends the AK/SK
    sign-in (`issue_tokens`) instead. The answer is the same region token list as `issue_tokens`.
    The docs' curl example sends the header in lower case (`orgid`); header names are
    case-insensitive. A public Go SDK uses the same call (github.com/wakinzhang/pcl-sdk-go-urchin,
    headers `user`, `password`, `orgId`). A wrong user, password or orgId answers `10009`
    (the code the AK/SK page documents for a failed check; this page's table was not visible).

    Args:
        user (str):
        password (str):
        org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TokenListEnvelope]
    """

    kwargs = _get_kwargs(
        user=user,
        password=password,
        org_id=org_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    user: str,
    password: str,
    org_id: str,
) -> Any | ErrorEnvelope | TokenListEnvelope | None:
    """Get one token per region with user, password and orgId (获取用户token, 用户名密码方式).

     The older sign-in (vendor page `safecertification/get-user-tokens.html`): the platform user
    name, its password and the `orgId` the vendor issues offline to a third-party platform
    (线下颁发给第三方的唯一标记码), all three as headers, no body. The vendor recommends the AK/SK
    sign-in (`issue_tokens`) instead. The answer is the same region token list as `issue_tokens`.
    The docs' curl example sends the header in lower case (`orgid`); header names are
    case-insensitive. A public Go SDK uses the same call (github.com/wakinzhang/pcl-sdk-go-urchin,
    headers `user`, `password`, `orgId`). A wrong user, password or orgId answers `10009`
    (the code the AK/SK page documents for a failed check; this page's table was not visible).

    Args:
        user (str):
        password (str):
        org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | TokenListEnvelope
    """

    return sync_detailed(
        client=client,
        user=user,
        password=password,
        org_id=org_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    user: str,
    password: str,
    org_id: str,
) -> Response[Any | ErrorEnvelope | TokenListEnvelope]:
    """Get one token per region with user, password and orgId (获取用户token, 用户名密码方式).

     The older sign-in (vendor page `safecertification/get-user-tokens.html`): the platform user
    name, its password and the `orgId` the vendor issues offline to a third-party platform
    (线下颁发给第三方的唯一标记码), all three as headers, no body. The vendor recommends the AK/SK
    sign-in (`issue_tokens`) instead. The answer is the same region token list as `issue_tokens`.
    The docs' curl example sends the header in lower case (`orgid`); header names are
    case-insensitive. A public Go SDK uses the same call (github.com/wakinzhang/pcl-sdk-go-urchin,
    headers `user`, `password`, `orgId`). A wrong user, password or orgId answers `10009`
    (the code the AK/SK page documents for a failed check; this page's table was not visible).

    Args:
        user (str):
        password (str):
        org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TokenListEnvelope]
    """

    kwargs = _get_kwargs(
        user=user,
        password=password,
        org_id=org_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    user: str,
    password: str,
    org_id: str,
) -> Any | ErrorEnvelope | TokenListEnvelope | None:
    """Get one token per region with user, password and orgId (获取用户token, 用户名密码方式).

     The older sign-in (vendor page `safecertification/get-user-tokens.html`): the platform user
    name, its password and the `orgId` the vendor issues offline to a third-party platform
    (线下颁发给第三方的唯一标记码), all three as headers, no body. The vendor recommends the AK/SK
    sign-in (`issue_tokens`) instead. The answer is the same region token list as `issue_tokens`.
    The docs' curl example sends the header in lower case (`orgid`); header names are
    case-insensitive. A public Go SDK uses the same call (github.com/wakinzhang/pcl-sdk-go-urchin,
    headers `user`, `password`, `orgId`). A wrong user, password or orgId answers `10009`
    (the code the AK/SK page documents for a failed check; this page's table was not visible).

    Args:
        user (str):
        password (str):
        org_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | TokenListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            user=user,
            password=password,
            org_id=org_id,
        )
    ).parsed
