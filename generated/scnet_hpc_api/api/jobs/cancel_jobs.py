from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cancel_jobs_envelope import CancelJobsEnvelope
from ...models.cancel_jobs_form import CancelJobsForm
from ...models.cancel_jobs_job_method import CancelJobsJobMethod
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CancelJobsForm | Unset = UNSET,
    job_method: CancelJobsJobMethod | Unset = UNSET,
    str_job_info_map: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_job_method: str | Unset = UNSET
    if not isinstance(job_method, Unset):
        json_job_method = job_method.value

    params["jobMethod"] = json_job_method

    params["strJobInfoMap"] = str_job_info_map

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/hpc/openapi/v2/jobs",
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CancelJobsEnvelope | ErrorEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> CancelJobsEnvelope | ErrorEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = CancelJobsEnvelope.from_dict(data)

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
) -> Response[Any | CancelJobsEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CancelJobsForm | Unset = UNSET,
    job_method: CancelJobsJobMethod | Unset = UNSET,
    str_job_info_map: str | Unset = UNSET,
) -> Response[Any | CancelJobsEnvelope | ErrorEnvelope]:
    """Delete (cancel) jobs (删除作业).

     A `DELETE` with an `application/x-www-form-urlencoded` **body** (as every documented sample
    sends it; the docs leave 请求数据类型 empty). Not idempotent in effect; never retried
    automatically. `code` `"0"` does not prove the job is gone: re-check its state.

    The form body is the canonical request. The live service (Spring, which binds query and
    form parameters alike) also takes `jobMethod` and `strJobInfoMap` as **query parameters**,
    with no body, and public clients send them so (github.com/wiltonMotta/api2mcp
    `instruct/hpc/cancel_job.md`); a server must accept that form too. A field given in both
    places is taken from the body. The body is therefore not required by the schema, but the
    two fields are, in the body or in the query string (`10003` when either is missing).

    Args:
        job_method (CancelJobsJobMethod | Unset):
        str_job_info_map (str | Unset):
        body (CancelJobsForm | Unset): Required flags were not visible in the docs; both members
            are needed for a cancel, and
            clients send both here. Spring binds each of them from the form or the query string, so a
            member missing here may come in the query (see `cancel_jobs`): the schema cannot require
            either, the server answers `10003` when one is in neither place.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CancelJobsEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        job_method=job_method,
        str_job_info_map=str_job_info_map,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CancelJobsForm | Unset = UNSET,
    job_method: CancelJobsJobMethod | Unset = UNSET,
    str_job_info_map: str | Unset = UNSET,
) -> Any | CancelJobsEnvelope | ErrorEnvelope | None:
    """Delete (cancel) jobs (删除作业).

     A `DELETE` with an `application/x-www-form-urlencoded` **body** (as every documented sample
    sends it; the docs leave 请求数据类型 empty). Not idempotent in effect; never retried
    automatically. `code` `"0"` does not prove the job is gone: re-check its state.

    The form body is the canonical request. The live service (Spring, which binds query and
    form parameters alike) also takes `jobMethod` and `strJobInfoMap` as **query parameters**,
    with no body, and public clients send them so (github.com/wiltonMotta/api2mcp
    `instruct/hpc/cancel_job.md`); a server must accept that form too. A field given in both
    places is taken from the body. The body is therefore not required by the schema, but the
    two fields are, in the body or in the query string (`10003` when either is missing).

    Args:
        job_method (CancelJobsJobMethod | Unset):
        str_job_info_map (str | Unset):
        body (CancelJobsForm | Unset): Required flags were not visible in the docs; both members
            are needed for a cancel, and
            clients send both here. Spring binds each of them from the form or the query string, so a
            member missing here may come in the query (see `cancel_jobs`): the schema cannot require
            either, the server answers `10003` when one is in neither place.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CancelJobsEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
        job_method=job_method,
        str_job_info_map=str_job_info_map,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CancelJobsForm | Unset = UNSET,
    job_method: CancelJobsJobMethod | Unset = UNSET,
    str_job_info_map: str | Unset = UNSET,
) -> Response[Any | CancelJobsEnvelope | ErrorEnvelope]:
    """Delete (cancel) jobs (删除作业).

     A `DELETE` with an `application/x-www-form-urlencoded` **body** (as every documented sample
    sends it; the docs leave 请求数据类型 empty). Not idempotent in effect; never retried
    automatically. `code` `"0"` does not prove the job is gone: re-check its state.

    The form body is the canonical request. The live service (Spring, which binds query and
    form parameters alike) also takes `jobMethod` and `strJobInfoMap` as **query parameters**,
    with no body, and public clients send them so (github.com/wiltonMotta/api2mcp
    `instruct/hpc/cancel_job.md`); a server must accept that form too. A field given in both
    places is taken from the body. The body is therefore not required by the schema, but the
    two fields are, in the body or in the query string (`10003` when either is missing).

    Args:
        job_method (CancelJobsJobMethod | Unset):
        str_job_info_map (str | Unset):
        body (CancelJobsForm | Unset): Required flags were not visible in the docs; both members
            are needed for a cancel, and
            clients send both here. Spring binds each of them from the form or the query string, so a
            member missing here may come in the query (see `cancel_jobs`): the schema cannot require
            either, the server answers `10003` when one is in neither place.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CancelJobsEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
        job_method=job_method,
        str_job_info_map=str_job_info_map,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CancelJobsForm | Unset = UNSET,
    job_method: CancelJobsJobMethod | Unset = UNSET,
    str_job_info_map: str | Unset = UNSET,
) -> Any | CancelJobsEnvelope | ErrorEnvelope | None:
    """Delete (cancel) jobs (删除作业).

     A `DELETE` with an `application/x-www-form-urlencoded` **body** (as every documented sample
    sends it; the docs leave 请求数据类型 empty). Not idempotent in effect; never retried
    automatically. `code` `"0"` does not prove the job is gone: re-check its state.

    The form body is the canonical request. The live service (Spring, which binds query and
    form parameters alike) also takes `jobMethod` and `strJobInfoMap` as **query parameters**,
    with no body, and public clients send them so (github.com/wiltonMotta/api2mcp
    `instruct/hpc/cancel_job.md`); a server must accept that form too. A field given in both
    places is taken from the body. The body is therefore not required by the schema, but the
    two fields are, in the body or in the query string (`10003` when either is missing).

    Args:
        job_method (CancelJobsJobMethod | Unset):
        str_job_info_map (str | Unset):
        body (CancelJobsForm | Unset): Required flags were not visible in the docs; both members
            are needed for a cancel, and
            clients send both here. Spring binds each of them from the form or the query string, so a
            member missing here may come in the query (see `cancel_jobs`): the schema cannot require
            either, the server answers `10003` when one is in neither place.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CancelJobsEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            job_method=job_method,
            str_job_info_map=str_job_info_map,
        )
    ).parsed
