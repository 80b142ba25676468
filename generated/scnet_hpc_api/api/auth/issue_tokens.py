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
    access_key: str,
    signature: str,
    timestamp: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["user"] = user

    headers["accessKey"] = access_key

    headers["signature"] = signature

    headers["timestamp"] = timestamp

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/user/v3/tokens",
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
    access_key: str,
    signature: str,
    timestamp: str,
) -> Response[Any | ErrorEnvelope | TokenListEnvelope]:
    """Get one token per region with an AK/SK signature (获取用户token, AK/SK方式).

     Signs in with an access key. The signature is the lower-case hex HMAC-SHA256, keyed with the
    secret key (UTF-8), of the compact JSON object
    `{"accessKey":"<AK>","timestamp":"<seconds>","user":"<user>"}` (exactly these three members,
    in this order, no spaces, non-ASCII kept as UTF-8). No request body is needed.

    The answer lists every region the user may use with that region's token. The entry with
    `clusterId` `"0"` / `clusterName` `"ac"` is the platform token, good only for platform-level
    calls. A region whose account is stopped is listed with `token: null`.

    Args:
        user (str):
        access_key (str):
        signature (str):
        timestamp (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TokenListEnvelope]
    """

    kwargs = _get_kwargs(
        user=user,
        access_key=access_key,
        signature=signature,
        timestamp=timestamp,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    user: str,
    access_key: str,
    signature: str,
    timestamp: str,
) -> Any | ErrorEnvelope | TokenListEnvelope | None:
    """Get one token per region with an AK/SK signature (获取用户token, AK/SK方式).

     Signs in with an access key. The signature is the lower-case hex HMAC-SHA256, keyed with the
    secret key (UTF-8), of the compact JSON object
    `{"accessKey":"<AK>","timestamp":"<seconds>","user":"<user>"}` (exactly these three members,
    in this order, no spaces, non-ASCII kept as UTF-8). No request body is needed.

    The answer lists every region the user may use with that region's token. The entry with
    `clusterId` `"0"` / `clusterName` `"ac"` is the platform token, good only for platform-level
    calls. A region whose account is stopped is listed with `token: null`.

    Args:
        user (str):
        access_key (str):
        signature (str):
        timestamp (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | TokenListEnvelope
    """

    return sync_detailed(
        client=client,
        user=user,
        access_key=access_key,
        signature=signature,
        timestamp=timestamp,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    user: str,
    access_key: str,
    signature: str,
    timestamp: str,
) -> Response[Any | ErrorEnvelope | TokenListEnvelope]:
    """Get one token per region with an AK/SK signature (获取用户token, AK/SK方式).

     Signs in with an access key. The signature is the lower-case hex HMAC-SHA256, keyed with the
    secret key (UTF-8), of the compact JSON object
    `{"accessKey":"<AK>","timestamp":"<seconds>","user":"<user>"}` (exactly these three members,
    in this order, no spaces, non-ASCII kept as UTF-8). No request body is needed.

    The answer lists every region the user may use with that region's token. The entry with
    `clusterId` `"0"` / `clusterName` `"ac"` is the platform token, good only for platform-level
    calls. A region whose account is stopped is listed with `token: null`.

    Args:
        user (str):
        access_key (str):
        signature (str):
        timestamp (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | TokenListEnvelope]
    """

    kwargs = _get_kwargs(
        user=user,
        access_key=access_key,
        signature=signature,
        timestamp=timestamp,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    user: str,
    access_key: str,
    signature: str,
    timestamp: str,
) -> Any | ErrorEnvelope | TokenListEnvelope | None:
    """Get one token per region with an AK/SK signature (获取用户token, AK/SK方式).

     Signs in with an access key. The signature is the lower-case hex HMAC-SHA256, keyed with the
    secret key (UTF-8), of the compact JSON object
    `{"accessKey":"<AK>","timestamp":"<seconds>","user":"<user>"}` (exactly these three members,
    in this order, no spaces, non-ASCII kept as UTF-8). No request body is needed.

    The answer lists every region the user may use with that region's token. The entry with
    `clusterId` `"0"` / `clusterName` `"ac"` is the platform token, good only for platform-level
    calls. A region whose account is stopped is listed with `token: null`.

    Args:
        user (str):
        access_key (str):
        signature (str):
        timestamp (str):

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
            access_key=access_key,
            signature=signature,
            timestamp=timestamp,
        )
    ).parsed
