from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.platform_job_page_envelope import PlatformJobPageEnvelope
from ...models.platform_job_query import PlatformJobQuery
from ...types import Response


def _get_kwargs(
    *,
    body: PlatformJobQuery,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/ac/openapi/v2/jobs/monitor/page-list",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | PlatformJobPageEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | PlatformJobPageEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = PlatformJobPageEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | PlatformJobPageEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PlatformJobQuery,
) -> Response[Any | ErrorEnvelope | PlatformJobPageEnvelope]:
    """Realtime jobs of every region in one list (platform view).

     Not in the vendor's job pages: the platform's own cross-region view that public clients of
    the live service call with the **platform** (`ac`) token (github.com/wiltonMotta/scnet-chat
    `references/realtime-jobs-api.md` and `scripts/job.py`, copied in github.com/onescience-ai/
    OneSkills `skills/scnet-chat/`; github.com/wiltonMotta/api2mcp). One call returns the
    active jobs of all the user's regions; `clusterId` narrows it to one region. Rows come in
    `data.records`; that client's notes say the platform's own documentation calls the member
    `list`, so both are accepted. With `showAllData=false` (default) rows carry the core members
    only; `true` adds the scheduler's view (`initContentAttr`, a JSON **string**) and the
    internal duplicates (`id`, `name`, `status`, ...).

    Args:
        body (PlatformJobQuery): The platform job lists' filters, every member optional (as the
            client notes give them);
            `""` means "no filter". Times are `yyyy-MM-dd HH:mm:ss`, China time. Spring/Jackson binds
            this body, so `clusterId` may also come as a JSON number and `page`/`size` as digit
            strings
            (`x-also-accepts`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | PlatformJobPageEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PlatformJobQuery,
) -> Any | ErrorEnvelope | PlatformJobPageEnvelope | None:
    """Realtime jobs of every region in one list (platform view).

     Not in the vendor's job pages: the platform's own cross-region view that public clients of
    the live service call with the **platform** (`ac`) token (github.com/wiltonMotta/scnet-chat
    `references/realtime-jobs-api.md` and `scripts/job.py`, copied in github.com/onescience-ai/
    OneSkills `skills/scnet-chat/`; github.com/wiltonMotta/api2mcp). One call returns the
    active jobs of all the user's regions; `clusterId` narrows it to one region. Rows come in
    `data.records`; that client's notes say the platform's own documentation calls the member
    `list`, so both are accepted. With `showAllData=false` (default) rows carry the core members
    only; `true` adds the scheduler's view (`initContentAttr`, a JSON **string**) and the
    internal duplicates (`id`, `name`, `status`, ...).

    Args:
        body (PlatformJobQuery): The platform job lists' filters, every member optional (as the
            client notes give them);
            `""` means "no filter". Times are `yyyy-MM-dd HH:mm:ss`, China time. Spring/Jackson binds
            this body, so `clusterId` may also come as a JSON number and `page`/`size` as digit
            strings
            (`x-also-accepts`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | PlatformJobPageEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PlatformJobQuery,
) -> Response[Any | ErrorEnvelope | PlatformJobPageEnvelope]:
    """Realtime jobs of every region in one list (platform view).

     Not in the vendor's job pages: the platform's own cross-region view that public clients of
    the live service call with the **platform** (`ac`) token (github.com/wiltonMotta/scnet-chat
    `references/realtime-jobs-api.md` and `scripts/job.py`, copied in github.com/onescience-ai/
    OneSkills `skills/scnet-chat/`; github.com/wiltonMotta/api2mcp). One call returns the
    active jobs of all the user's regions; `clusterId` narrows it to one region. Rows come in
    `data.records`; that client's notes say the platform's own documentation calls the member
    `list`, so both are accepted. With `showAllData=false` (default) rows carry the core members
    only; `true` adds the scheduler's view (`initContentAttr`, a JSON **string**) and the
    internal duplicates (`id`, `name`, `status`, ...).

    Args:
        body (PlatformJobQuery): The platform job lists' filters, every member optional (as the
            client notes give them);
            `""` means "no filter". Times are `yyyy-MM-dd HH:mm:ss`, China time. Spring/Jackson binds
            this body, so `clusterId` may also come as a JSON number and `page`/`size` as digit
            strings
            (`x-also-accepts`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | PlatformJobPageEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PlatformJobQuery,
) -> Any | ErrorEnvelope | PlatformJobPageEnvelope | None:
    """Realtime jobs of every region in one list (platform view).

     Not in the vendor's job pages: the platform's own cross-region view that public clients of
    the live service call with the **platform** (`ac`) token (github.com/wiltonMotta/scnet-chat
    `references/realtime-jobs-api.md` and `scripts/job.py`, copied in github.com/onescience-ai/
    OneSkills `skills/scnet-chat/`; github.com/wiltonMotta/api2mcp). One call returns the
    active jobs of all the user's regions; `clusterId` narrows it to one region. Rows come in
    `data.records`; that client's notes say the platform's own documentation calls the member
    `list`, so both are accepted. With `showAllData=false` (default) rows carry the core members
    only; `true` adds the scheduler's view (`initContentAttr`, a JSON **string**) and the
    internal duplicates (`id`, `name`, `status`, ...).

    Args:
        body (PlatformJobQuery): The platform job lists' filters, every member optional (as the
            client notes give them);
            `""` means "no filter". Times are `yyyy-MM-dd HH:mm:ss`, China time. Spring/Jackson binds
            this body, so `clusterId` may also come as a JSON number and `page`/`size` as digit
            strings
            (`x-also-accepts`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | PlatformJobPageEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
