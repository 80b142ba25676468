from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.history_job_detail_envelope import HistoryJobDetailEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    jobmanager_id: str,
    job_id: str,
    *,
    acct_time: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["acctTime"] = acct_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hpc/openapi/v2/historyjobs/{jobmanager_id}/{job_id}".format(
            jobmanager_id=quote(str(jobmanager_id), safe=""),
            job_id=quote(str(job_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | HistoryJobDetailEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | HistoryJobDetailEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = HistoryJobDetailEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | HistoryJobDetailEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    jobmanager_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    acct_time: str | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | HistoryJobDetailEnvelope]:
    """History job detail (查询历史作业详情).

     Without `acctTime` the live service scans the whole accounting database (more than 30 s);
    pass the `acctTime` that the history list returned, verbatim.

    Args:
        jobmanager_id (str):
        job_id (str):
        acct_time (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | HistoryJobDetailEnvelope]
    """

    kwargs = _get_kwargs(
        jobmanager_id=jobmanager_id,
        job_id=job_id,
        acct_time=acct_time,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    jobmanager_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    acct_time: str | Unset = UNSET,
) -> Any | ErrorEnvelope | HistoryJobDetailEnvelope | None:
    """History job detail (查询历史作业详情).

     Without `acctTime` the live service scans the whole accounting database (more than 30 s);
    pass the `acctTime` that the history list returned, verbatim.

    Args:
        jobmanager_id (str):
        job_id (str):
        acct_time (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | HistoryJobDetailEnvelope
    """

    return sync_detailed(
        jobmanager_id=jobmanager_id,
        job_id=job_id,
        client=client,
        acct_time=acct_time,
    ).parsed


async def asyncio_detailed(
    jobmanager_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    acct_time: str | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | HistoryJobDetailEnvelope]:
    """History job detail (查询历史作业详情).

     Without `acctTime` the live service scans the whole accounting database (more than 30 s);
    pass the `acctTime` that the history list returned, verbatim.

    Args:
        jobmanager_id (str):
        job_id (str):
        acct_time (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | HistoryJobDetailEnvelope]
    """

    kwargs = _get_kwargs(
        jobmanager_id=jobmanager_id,
        job_id=job_id,
        acct_time=acct_time,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    jobmanager_id: str,
    job_id: str,
    *,
    client: AuthenticatedClient | Client,
    acct_time: str | Unset = UNSET,
) -> Any | ErrorEnvelope | HistoryJobDetailEnvelope | None:
    """History job detail (查询历史作业详情).

     Without `acctTime` the live service scans the whole accounting database (more than 30 s);
    pass the `acctTime` that the history list returned, verbatim.

    Args:
        jobmanager_id (str):
        job_id (str):
        acct_time (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | HistoryJobDetailEnvelope
    """

    return (
        await asyncio_detailed(
            jobmanager_id=jobmanager_id,
            job_id=job_id,
            client=client,
            acct_time=acct_time,
        )
    ).parsed
