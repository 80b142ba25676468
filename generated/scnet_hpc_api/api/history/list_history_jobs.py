from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.history_job_list_envelope import HistoryJobListEnvelope
from ...models.job_state_code import JobStateCode
from ...models.list_history_jobs_sort import ListHistoryJobsSort
from ...models.list_history_jobs_time_type import ListHistoryJobsTimeType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    str_cluster_name_list: str,
    start_time: str,
    end_time: str,
    time_type: ListHistoryJobsTimeType,
    queue: str | Unset = UNSET,
    app_type: str | Unset = UNSET,
    sort: ListHistoryJobsSort | Unset = UNSET,
    order_by: str | Unset = UNSET,
    job_id: str | Unset = UNSET,
    job_state: JobStateCode | Unset = UNSET,
    host_name: str | Unset = UNSET,
    str_user: str | Unset = UNSET,
    job_name: str | Unset = UNSET,
    start: int,
    limit: int,
    is_query_by_queue_time: bool,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["strClusterNameList"] = str_cluster_name_list

    params["startTime"] = start_time

    params["endTime"] = end_time

    json_time_type = time_type.value
    params["timeType"] = json_time_type

    params["queue"] = queue

    params["appType"] = app_type

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["orderBy"] = order_by

    params["jobId"] = job_id

    json_job_state: str | Unset = UNSET
    if not isinstance(job_state, Unset):
        json_job_state = job_state.value

    params["jobState"] = json_job_state

    params["hostName"] = host_name

    params["strUser"] = str_user

    params["jobName"] = job_name

    params["start"] = start

    params["limit"] = limit

    params["isQueryByQueueTime"] = is_query_by_queue_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hpc/openapi/v2/historyjobs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | HistoryJobListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | HistoryJobListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = HistoryJobListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | HistoryJobListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_name_list: str,
    start_time: str,
    end_time: str,
    time_type: ListHistoryJobsTimeType,
    queue: str | Unset = UNSET,
    app_type: str | Unset = UNSET,
    sort: ListHistoryJobsSort | Unset = UNSET,
    order_by: str | Unset = UNSET,
    job_id: str | Unset = UNSET,
    job_state: JobStateCode | Unset = UNSET,
    host_name: str | Unset = UNSET,
    str_user: str | Unset = UNSET,
    job_name: str | Unset = UNSET,
    start: int,
    limit: int,
    is_query_by_queue_time: bool,
) -> Response[Any | ErrorEnvelope | HistoryJobListEnvelope]:
    """History job list (查询历史作业列表).

     Finished jobs whose end time (or queue time, with `isQueryByQueueTime=true`) falls in
    `[startTime, endTime]`. Filtering by `jobId` is indexed on the live service (a 30-day window
    answers in about 9 s, a 1-day window faster); prefer narrow windows.

    Args:
        str_cluster_name_list (str):
        start_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        end_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        time_type (ListHistoryJobsTimeType):
        queue (str | Unset):
        app_type (str | Unset):
        sort (ListHistoryJobsSort | Unset):
        order_by (str | Unset):
        job_id (str | Unset):
        job_state (JobStateCode | Unset): Realtime states (see `RealtimeStateCode`) and history
            states as clients of the live service
            see them: `statC` completed, `statD` deleted/cancelled, `statT` timed out, `statRQ`
            requeued,
            `statN` node failure, `statDE` deleted with error.
        host_name (str | Unset):
        str_user (str | Unset):
        job_name (str | Unset):
        start (int):
        limit (int):
        is_query_by_queue_time (bool):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | HistoryJobListEnvelope]
    """

    kwargs = _get_kwargs(
        str_cluster_name_list=str_cluster_name_list,
        start_time=start_time,
        end_time=end_time,
        time_type=time_type,
        queue=queue,
        app_type=app_type,
        sort=sort,
        order_by=order_by,
        job_id=job_id,
        job_state=job_state,
        host_name=host_name,
        str_user=str_user,
        job_name=job_name,
        start=start,
        limit=limit,
        is_query_by_queue_time=is_query_by_queue_time,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_name_list: str,
    start_time: str,
    end_time: str,
    time_type: ListHistoryJobsTimeType,
    queue: str | Unset = UNSET,
    app_type: str | Unset = UNSET,
    sort: ListHistoryJobsSort | Unset = UNSET,
    order_by: str | Unset = UNSET,
    job_id: str | Unset = UNSET,
    job_state: JobStateCode | Unset = UNSET,
    host_name: str | Unset = UNSET,
    str_user: str | Unset = UNSET,
    job_name: str | Unset = UNSET,
    start: int,
    limit: int,
    is_query_by_queue_time: bool,
) -> Any | ErrorEnvelope | HistoryJobListEnvelope | None:
    """History job list (查询历史作业列表).

     Finished jobs whose end time (or queue time, with `isQueryByQueueTime=true`) falls in
    `[startTime, endTime]`. Filtering by `jobId` is indexed on the live service (a 30-day window
    answers in about 9 s, a 1-day window faster); prefer narrow windows.

    Args:
        str_cluster_name_list (str):
        start_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        end_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        time_type (ListHistoryJobsTimeType):
        queue (str | Unset):
        app_type (str | Unset):
        sort (ListHistoryJobsSort | Unset):
        order_by (str | Unset):
        job_id (str | Unset):
        job_state (JobStateCode | Unset): Realtime states (see `RealtimeStateCode`) and history
            states as clients of the live service
            see them: `statC` completed, `statD` deleted/cancelled, `statT` timed out, `statRQ`
            requeued,
            `statN` node failure, `statDE` deleted with error.
        host_name (str | Unset):
        str_user (str | Unset):
        job_name (str | Unset):
        start (int):
        limit (int):
        is_query_by_queue_time (bool):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | HistoryJobListEnvelope
    """

    return sync_detailed(
        client=client,
        str_cluster_name_list=str_cluster_name_list,
        start_time=start_time,
        end_time=end_time,
        time_type=time_type,
        queue=queue,
        app_type=app_type,
        sort=sort,
        order_by=order_by,
        job_id=job_id,
        job_state=job_state,
        host_name=host_name,
        str_user=str_user,
        job_name=job_name,
        start=start,
        limit=limit,
        is_query_by_queue_time=is_query_by_queue_time,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_name_list: str,
    start_time: str,
    end_time: str,
    time_type: ListHistoryJobsTimeType,
    queue: str | Unset = UNSET,
    app_type: str | Unset = UNSET,
    sort: ListHistoryJobsSort | Unset = UNSET,
    order_by: str | Unset = UNSET,
    job_id: str | Unset = UNSET,
    job_state: JobStateCode | Unset = UNSET,
    host_name: str | Unset = UNSET,
    str_user: str | Unset = UNSET,
    job_name: str | Unset = UNSET,
    start: int,
    limit: int,
    is_query_by_queue_time: bool,
) -> Response[Any | ErrorEnvelope | HistoryJobListEnvelope]:
    """History job list (查询历史作业列表).

     Finished jobs whose end time (or queue time, with `isQueryByQueueTime=true`) falls in
    `[startTime, endTime]`. Filtering by `jobId` is indexed on the live service (a 30-day window
    answers in about 9 s, a 1-day window faster); prefer narrow windows.

    Args:
        str_cluster_name_list (str):
        start_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        end_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        time_type (ListHistoryJobsTimeType):
        queue (str | Unset):
        app_type (str | Unset):
        sort (ListHistoryJobsSort | Unset):
        order_by (str | Unset):
        job_id (str | Unset):
        job_state (JobStateCode | Unset): Realtime states (see `RealtimeStateCode`) and history
            states as clients of the live service
            see them: `statC` completed, `statD` deleted/cancelled, `statT` timed out, `statRQ`
            requeued,
            `statN` node failure, `statDE` deleted with error.
        host_name (str | Unset):
        str_user (str | Unset):
        job_name (str | Unset):
        start (int):
        limit (int):
        is_query_by_queue_time (bool):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | HistoryJobListEnvelope]
    """

    kwargs = _get_kwargs(
        str_cluster_name_list=str_cluster_name_list,
        start_time=start_time,
        end_time=end_time,
        time_type=time_type,
        queue=queue,
        app_type=app_type,
        sort=sort,
        order_by=order_by,
        job_id=job_id,
        job_state=job_state,
        host_name=host_name,
        str_user=str_user,
        job_name=job_name,
        start=start,
        limit=limit,
        is_query_by_queue_time=is_query_by_queue_time,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    str_cluster_name_list: str,
    start_time: str,
    end_time: str,
    time_type: ListHistoryJobsTimeType,
    queue: str | Unset = UNSET,
    app_type: str | Unset = UNSET,
    sort: ListHistoryJobsSort | Unset = UNSET,
    order_by: str | Unset = UNSET,
    job_id: str | Unset = UNSET,
    job_state: JobStateCode | Unset = UNSET,
    host_name: str | Unset = UNSET,
    str_user: str | Unset = UNSET,
    job_name: str | Unset = UNSET,
    start: int,
    limit: int,
    is_query_by_queue_time: bool,
) -> Any | ErrorEnvelope | HistoryJobListEnvelope | None:
    """History job list (查询历史作业列表).

     Finished jobs whose end time (or queue time, with `isQueryByQueueTime=true`) falls in
    `[startTime, endTime]`. Filtering by `jobId` is indexed on the live service (a 30-day window
    answers in about 9 s, a 1-day window faster); prefer narrow windows.

    Args:
        str_cluster_name_list (str):
        start_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        end_time (str): `yyyy-MM-dd HH:mm:ss`, China time (UTC+8); one trailing newline is
            tolerated (docs artefact).
        time_type (ListHistoryJobsTimeType):
        queue (str | Unset):
        app_type (str | Unset):
        sort (ListHistoryJobsSort | Unset):
        order_by (str | Unset):
        job_id (str | Unset):
        job_state (JobStateCode | Unset): Realtime states (see `RealtimeStateCode`) and history
            states as clients of the live service
            see them: `statC` completed, `statD` deleted/cancelled, `statT` timed out, `statRQ`
            requeued,
            `statN` node failure, `statDE` deleted with error.
        host_name (str | Unset):
        str_user (str | Unset):
        job_name (str | Unset):
        start (int):
        limit (int):
        is_query_by_queue_time (bool):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | HistoryJobListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            str_cluster_name_list=str_cluster_name_list,
            start_time=start_time,
            end_time=end_time,
            time_type=time_type,
            queue=queue,
            app_type=app_type,
            sort=sort,
            order_by=order_by,
            job_id=job_id,
            job_state=job_state,
            host_name=host_name,
            str_user=str_user,
            job_name=job_name,
            start=start,
            limit=limit,
            is_query_by_queue_time=is_query_by_queue_time,
        )
    ).parsed
