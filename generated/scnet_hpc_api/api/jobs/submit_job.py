from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.submit_job_envelope import SubmitJobEnvelope
from ...models.submit_job_request import SubmitJobRequest
from ...types import Response


def _get_kwargs(
    apptype: str,
    appname: str,
    *,
    body: SubmitJobRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/hpc/openapi/v2/apptemplates/{apptype}/{appname}/job".format(
            apptype=quote(str(apptype), safe=""),
            appname=quote(str(appname), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | SubmitJobEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | SubmitJobEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = SubmitJobEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | SubmitJobEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    apptype: str,
    appname: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitJobRequest,
) -> Response[Any | ErrorEnvelope | SubmitJobEnvelope]:
    """Submit a job (提交作业).

     Submits an ordinary job and returns its id. In the path, `apptype` is `BASIC` and `appname`
    is `BASE`; `GAP_APPNAME` in the body may carry the application's English name.

    Submission is not idempotent and has no idempotency key: after a timeout, look the job up
    before trying again. A rejection by the scheduler comes back as an error envelope whose
    `msg` carries the scheduler's own message verbatim, e.g.
    `exitcode:1, errorinfo: sbatch: error: Batch job submission failed: ...`.

    Args:
        apptype (str):
        appname (str):
        body (SubmitJobRequest): Some clients also send top-level `apptype`/`appname`; the path
            already carries them, and
            extra members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | SubmitJobEnvelope]
    """

    kwargs = _get_kwargs(
        apptype=apptype,
        appname=appname,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    apptype: str,
    appname: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitJobRequest,
) -> Any | ErrorEnvelope | SubmitJobEnvelope | None:
    """Submit a job (提交作业).

     Submits an ordinary job and returns its id. In the path, `apptype` is `BASIC` and `appname`
    is `BASE`; `GAP_APPNAME` in the body may carry the application's English name.

    Submission is not idempotent and has no idempotency key: after a timeout, look the job up
    before trying again. A rejection by the scheduler comes back as an error envelope whose
    `msg` carries the scheduler's own message verbatim, e.g.
    `exitcode:1, errorinfo: sbatch: error: Batch job submission failed: ...`.

    Args:
        apptype (str):
        appname (str):
        body (SubmitJobRequest): Some clients also send top-level `apptype`/`appname`; the path
            already carries them, and
            extra members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | SubmitJobEnvelope
    """

    return sync_detailed(
        apptype=apptype,
        appname=appname,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    apptype: str,
    appname: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitJobRequest,
) -> Response[Any | ErrorEnvelope | SubmitJobEnvelope]:
    """Submit a job (提交作业).

     Submits an ordinary job and returns its id. In the path, `apptype` is `BASIC` and `appname`
    is `BASE`; `GAP_APPNAME` in the body may carry the application's English name.

    Submission is not idempotent and has no idempotency key: after a timeout, look the job up
    before trying again. A rejection by the scheduler comes back as an error envelope whose
    `msg` carries the scheduler's own message verbatim, e.g.
    `exitcode:1, errorinfo: sbatch: error: Batch job submission failed: ...`.

    Args:
        apptype (str):
        appname (str):
        body (SubmitJobRequest): Some clients also send top-level `apptype`/`appname`; the path
            already carries them, and
            extra members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | SubmitJobEnvelope]
    """

    kwargs = _get_kwargs(
        apptype=apptype,
        appname=appname,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    apptype: str,
    appname: str,
    *,
    client: AuthenticatedClient | Client,
    body: SubmitJobRequest,
) -> Any | ErrorEnvelope | SubmitJobEnvelope | None:
    """Submit a job (提交作业).

     Submits an ordinary job and returns its id. In the path, `apptype` is `BASIC` and `appname`
    is `BASE`; `GAP_APPNAME` in the body may carry the application's English name.

    Submission is not idempotent and has no idempotency key: after a timeout, look the job up
    before trying again. A rejection by the scheduler comes back as an error envelope whose
    `msg` carries the scheduler's own message verbatim, e.g.
    `exitcode:1, errorinfo: sbatch: error: Batch job submission failed: ...`.

    Args:
        apptype (str):
        appname (str):
        body (SubmitJobRequest): Some clients also send top-level `apptype`/`appname`; the path
            already carries them, and
            extra members are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | SubmitJobEnvelope
    """

    return (
        await asyncio_detailed(
            apptype=apptype,
            appname=appname,
            client=client,
            body=body,
        )
    ).parsed
