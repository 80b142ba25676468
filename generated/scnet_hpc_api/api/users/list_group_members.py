from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.group_member_list_envelope import GroupMemberListEnvelope
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ac/openapi/v2/groupmembers",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | GroupMemberListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | GroupMemberListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = GroupMemberListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | GroupMemberListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | GroupMemberListEnvelope]:
    """Members of the groups the caller manages (查询成员信息).

     Vendor page `userresource/query-member.html`: a group administrator lists the members of
    all their groups (组管理员查询所有组的组成员). The page's response table was not visible; see
    `GroupMember` for what is declared. A caller who manages no group gets an empty list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | GroupMemberListEnvelope]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | GroupMemberListEnvelope | None:
    """Members of the groups the caller manages (查询成员信息).

     Vendor page `userresource/query-member.html`: a group administrator lists the members of
    all their groups (组管理员查询所有组的组成员). The page's response table was not visible; see
    `GroupMember` for what is declared. A caller who manages no group gets an empty list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | GroupMemberListEnvelope
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | GroupMemberListEnvelope]:
    """Members of the groups the caller manages (查询成员信息).

     Vendor page `userresource/query-member.html`: a group administrator lists the members of
    all their groups (组管理员查询所有组的组成员). The page's response table was not visible; see
    `GroupMember` for what is declared. A caller who manages no group gets an empty list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | GroupMemberListEnvelope]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | GroupMemberListEnvelope | None:
    """Members of the groups the caller manages (查询成员信息).

     Vendor page `userresource/query-member.html`: a group administrator lists the members of
    all their groups (组管理员查询所有组的组成员). The page's response table was not visible; see
    `GroupMember` for what is declared. A caller who manages no group gets an empty list.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | GroupMemberListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
