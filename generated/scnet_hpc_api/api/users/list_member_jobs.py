from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.member_job_list_envelope import MemberJobListEnvelope
from ...types import Response


def _get_kwargs(
    cluster_id: int,
    group_id: int,
    cluster_user_name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/ac/openapi/v2/clusters/{cluster_id}/groups/{group_id}/clusterUserNames/{cluster_user_name}/jobs".format(
            cluster_id=quote(str(cluster_id), safe=""),
            group_id=quote(str(group_id), safe=""),
            cluster_user_name=quote(str(cluster_user_name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | MemberJobListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | MemberJobListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = MemberJobListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | MemberJobListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    cluster_id: int,
    group_id: int,
    cluster_user_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | MemberJobListEnvelope]:
    """Realtime jobs of one group member in one region (查询成员实时作业列表).

     Vendor page `userresource/query-member-job.html`. For the group's administrator (or the
    member themself). The page's response table was visible as far as `procNumReq`; the same
    members appear in the platform's realtime list with `showAllData=true` (`PlatformJob`),
    whose further members a server may send here too.

    Args:
        cluster_id (int):
        group_id (int):
        cluster_user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | MemberJobListEnvelope]
    """

    kwargs = _get_kwargs(
        cluster_id=cluster_id,
        group_id=group_id,
        cluster_user_name=cluster_user_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    cluster_id: int,
    group_id: int,
    cluster_user_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | MemberJobListEnvelope | None:
    """Realtime jobs of one group member in one region (查询成员实时作业列表).

     Vendor page `userresource/query-member-job.html`. For the group's administrator (or the
    member themself). The page's response table was visible as far as `procNumReq`; the same
    members appear in the platform's realtime list with `showAllData=true` (`PlatformJob`),
    whose further members a server may send here too.

    Args:
        cluster_id (int):
        group_id (int):
        cluster_user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | MemberJobListEnvelope
    """

    return sync_detailed(
        cluster_id=cluster_id,
        group_id=group_id,
        cluster_user_name=cluster_user_name,
        client=client,
    ).parsed


async def asyncio_detailed(
    cluster_id: int,
    group_id: int,
    cluster_user_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | ErrorEnvelope | MemberJobListEnvelope]:
    """Realtime jobs of one group member in one region (查询成员实时作业列表).

     Vendor page `userresource/query-member-job.html`. For the group's administrator (or the
    member themself). The page's response table was visible as far as `procNumReq`; the same
    members appear in the platform's realtime list with `showAllData=true` (`PlatformJob`),
    whose further members a server may send here too.

    Args:
        cluster_id (int):
        group_id (int):
        cluster_user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | MemberJobListEnvelope]
    """

    kwargs = _get_kwargs(
        cluster_id=cluster_id,
        group_id=group_id,
        cluster_user_name=cluster_user_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    cluster_id: int,
    group_id: int,
    cluster_user_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | ErrorEnvelope | MemberJobListEnvelope | None:
    """Realtime jobs of one group member in one region (查询成员实时作业列表).

     Vendor page `userresource/query-member-job.html`. For the group's administrator (or the
    member themself). The page's response table was visible as far as `procNumReq`; the same
    members appear in the platform's realtime list with `showAllData=true` (`PlatformJob`),
    whose further members a server may send here too.

    Args:
        cluster_id (int):
        group_id (int):
        cluster_user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | MemberJobListEnvelope
    """

    return (
        await asyncio_detailed(
            cluster_id=cluster_id,
            group_id=group_id,
            cluster_user_name=cluster_user_name,
            client=client,
        )
    ).parsed
