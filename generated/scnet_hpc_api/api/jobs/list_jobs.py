from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.realtime_job_list_envelope import RealtimeJobListEnvelope
from ...models.realtime_state_code import RealtimeStateCode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    str_cluster_id_list: int,
    str_job_owner: str | Unset = UNSET,
    str_job_name: str | Unset = UNSET,
    str_job_id: str | Unset = UNSET,
    start: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    str_queue_name: str | Unset = UNSET,
    str_job_stat: RealtimeStateCode | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["strClusterIDList"] = str_cluster_id_list

    params["strJobOwner"] = str_job_owner

    params["strJobName"] = str_job_name

    params["strJobId"] = str_job_id

    params["start"] = start

    params["limit"] = limit

    params["strQueueName"] = str_queue_name

    json_str_job_stat: str | Unset = UNSET
    if not isinstance(str_job_stat, Unset):
        json_str_job_stat = str_job_stat.value

    params["strJobStat"] = json_str_job_stat

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hpc/openapi/v2/jobs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | RealtimeJobListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | RealtimeJobListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = RealtimeJobListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | RealtimeJobListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_id_list: int,
    str_job_owner: str | Unset = UNSET,
    str_job_name: str | Unset = UNSET,
    str_job_id: str | Unset = UNSET,
    start: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    str_queue_name: str | Unset = UNSET,
    str_job_stat: RealtimeStateCode | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | RealtimeJobListEnvelope]:
    """Realtime job list (查询实时作业列表).

     Active jobs. A finished job stays in this list for 5 more minutes (结束的作业会在实时作业列表中继续存在5分钟),
    then is only found through the history operations.

    Args:
        str_cluster_id_list (int):
        str_job_owner (str | Unset):
        str_job_name (str | Unset):
        str_job_id (str | Unset):
        start (int | Unset):
        limit (int | Unset):
        str_queue_name (str | Unset):
        str_job_stat (RealtimeStateCode | Unset): Realtime job states: `statR` 运行 running, `statQ`
            排队 queued, `statH` 保留 held, `statS` 挂起
            suspended, `statE` 退出 exited, `statC` 完成 completed (also used for cancelled jobs on the
            live
            service), `statW` 等待 waiting, `statX` 其他 other.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | RealtimeJobListEnvelope]
    """

    kwargs = _get_kwargs(
        str_cluster_id_list=str_cluster_id_list,
        str_job_owner=str_job_owner,
        str_job_name=str_job_name,
        str_job_id=str_job_id,
        start=start,
        limit=limit,
        str_queue_name=str_queue_name,
        str_job_stat=str_job_stat,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_id_list: int,
    str_job_owner: str | Unset = UNSET,
    str_job_name: str | Unset = UNSET,
    str_job_id: str | Unset = UNSET,
    start: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    str_queue_name: str | Unset = UNSET,
    str_job_stat: RealtimeStateCode | Unset = UNSET,
) -> Any | ErrorEnvelope | RealtimeJobListEnvelope | None:
    """Realtime job list (查询实时作业列表).

     Active jobs. A finished job stays in this list for 5 more minutes (结束的作业会在实时作业列表中继续存在5分钟),
    then is only found through the history operations.

    Args:
        str_cluster_id_list (int):
        str_job_owner (str | Unset):
        str_job_name (str | Unset):
        str_job_id (str | Unset):
        start (int | Unset):
        limit (int | Unset):
        str_queue_name (str | Unset):
        str_job_stat (RealtimeStateCode | Unset): Realtime job states: `statR` 运行 running, `statQ`
            排队 queued, `statH` 保留 held, `statS` 挂起
            suspended, `statE` 退出 exited, `statC` 完成 completed (also used for cancelled jobs on the
            live
            service), `statW` 等待 waiting, `statX` 其他 other.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | RealtimeJobListEnvelope
    """

    return sync_detailed(
        client=client,
        str_cluster_id_list=str_cluster_id_list,
        str_job_owner=str_job_owner,
        str_job_name=str_job_name,
        str_job_id=str_job_id,
        start=start,
        limit=limit,
        str_queue_name=str_queue_name,
        str_job_stat=str_job_stat,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_id_list: int,
    str_job_owner: str | Unset = UNSET,
    str_job_name: str | Unset = UNSET,
    str_job_id: str | Unset = UNSET,
    start: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    str_queue_name: str | Unset = UNSET,
    str_job_stat: RealtimeStateCode | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | RealtimeJobListEnvelope]:
    """Realtime job list (查询实时作业列表).

     Active jobs. A finished job stays in this list for 5 more minutes (结束的作业会在实时作业列表中继续存在5分钟),
    then is only found through the history operations.

    Args:
        str_cluster_id_list (int):
        str_job_owner (str | Unset):
        str_job_name (str | Unset):
        str_job_id (str | Unset):
        start (int | Unset):
        limit (int | Unset):
        str_queue_name (str | Unset):
        str_job_stat (RealtimeStateCode | Unset): Realtime job states: `statR` 运行 running, `statQ`
            排队 queued, `statH` 保留 held, `statS` 挂起
            suspended, `statE` 退出 exited, `statC` 完成 completed (also used for cancelled jobs on the
            live
            service), `statW` 等待 waiting, `statX` 其他 other.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | RealtimeJobListEnvelope]
    """

    kwargs = _get_kwargs(
        str_cluster_id_list=str_cluster_id_list,
        str_job_owner=str_job_owner,
        str_job_name=str_job_name,
        str_job_id=str_job_id,
        start=start,
        limit=limit,
        str_queue_name=str_queue_name,
        str_job_stat=str_job_stat,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_id_list: int,
    str_job_owner: str | Unset = UNSET,
    str_job_name: str | Unset = UNSET,
    str_job_id: str | Unset = UNSET,
    start: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    str_queue_name: str | Unset = UNSET,
    str_job_stat: RealtimeStateCode | Unset = UNSET,
) -> Any | ErrorEnvelope | RealtimeJobListEnvelope | None:
    """Realtime job list (查询实时作业列表).

     Active jobs. A finished job stays in this list for 5 more minutes (结束的作业会在实时作业列表中继续存在5分钟),
    then is only found through the history operations.

    Args:
        str_cluster_id_list (int):
        str_job_owner (str | Unset):
        str_job_name (str | Unset):
        str_job_id (str | Unset):
        start (int | Unset):
        limit (int | Unset):
        str_queue_name (str | Unset):
        str_job_stat (RealtimeStateCode | Unset): Realtime job states: `statR` 运行 running, `statQ`
            排队 queued, `statH` 保留 held, `statS` 挂起
            suspended, `statE` 退出 exited, `statC` 完成 completed (also used for cancelled jobs on the
            live
            service), `statW` 等待 waiting, `statX` 其他 other.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | RealtimeJobListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            str_cluster_id_list=str_cluster_id_list,
            str_job_owner=str_job_owner,
            str_job_name=str_job_name,
            str_job_id=str_job_id,
            start=start,
            limit=limit,
            str_queue_name=str_queue_name,
            str_job_stat=str_job_stat,
        )
    ).parsed
