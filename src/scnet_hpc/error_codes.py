"""What each documented return code means to a caller: its error class and a short meaning.

One row per member of openapi.yaml's ``ErrorCode`` (the generated enum), keyed by the member so
a typo is a type error and a code added to the spec without a row here fails
``tests/sdk/test_sdk_error_codes.py``. The envelope unwrapping picks the class from here, the CLI
its ``[code meaning]`` text; the spec's ``ErrorCode`` description says where each meaning comes
from. Codes not listed (not in the spec) stay a plain ``ApiError`` that keeps ``code`` and ``msg``.
"""

from __future__ import annotations

from typing import NamedTuple

from scnet_hpc_api.models import ErrorCode

from .errors import (
    AccountFrozenError,
    ApiError,
    AuthenticationError,
    FilePermissionError,
    InvalidRequestError,
    JobRejectedError,
    OperationTimeoutError,
    RemoteFileExistsError,
    RemoteFileNotFoundError,
    ServerError,
    StorageFullError,
)

__all__ = ["CODES", "ERROR_CLASSES", "CodeMeaning", "error_class", "meaning"]


class CodeMeaning(NamedTuple):
    error: type[ApiError]
    meaning: str


#: Every non-success ``ErrorCode``: the class an answer with it raises, and what it means.
CODES: dict[ErrorCode, CodeMeaning] = {
    ErrorCode.INTERNAL_ERROR: CodeMeaning(ServerError, "internal error"),
    ErrorCode.MISSING_PARAMETERS: CodeMeaning(InvalidRequestError, "missing parameters"),
    ErrorCode.INVALID_PARAMETERS: CodeMeaning(InvalidRequestError, "invalid parameters"),
    ErrorCode.USER_FROZEN: CodeMeaning(AccountFrozenError, "user is frozen"),
    ErrorCode.PERMISSION_DENIED: CodeMeaning(AuthenticationError, "permission denied"),
    ErrorCode.NO_INTERFACE_PERMISSION: CodeMeaning(
        AuthenticationError, "no permission for this interface"
    ),
    ErrorCode.FILE_CHECK_FAILED: CodeMeaning(InvalidRequestError, "file check failed"),
    ErrorCode.FILE_TOO_LARGE: CodeMeaning(InvalidRequestError, "file too large"),
    ErrorCode.CONNECTION_INTERRUPTED: CodeMeaning(ServerError, "connection interrupted"),
    ErrorCode.OPERATION_TIMEOUT: CodeMeaning(OperationTimeoutError, "operation timed out"),
    # The job may exist or not: a ServerError, and submit is never repeated automatically.
    ErrorCode.SUBMIT_SCHEDULER_NO_ANSWER: CodeMeaning(
        ServerError, "submit failed: the scheduler did not answer"
    ),
    ErrorCode.SUBMIT_SBATCH_FAILED: CodeMeaning(JobRejectedError, "submit failed: sbatch failed"),
    ErrorCode.REGION_USER_NOT_FOUND: CodeMeaning(AuthenticationError, "region user does not exist"),
    ErrorCode.FILE_NOT_FOUND: CodeMeaning(RemoteFileNotFoundError, "file does not exist"),
    ErrorCode.FILE_EXISTS: CodeMeaning(RemoteFileExistsError, "file already exists"),
    ErrorCode.NOT_A_FOLDER: CodeMeaning(InvalidRequestError, "target is not a folder"),
    ErrorCode.FILE_PERMISSION_DENIED: CodeMeaning(
        FilePermissionError, "no permission for this file operation"
    ),
    ErrorCode.AUTH_SERVICE_UNREACHABLE: CodeMeaning(
        ServerError, "cannot reach the authentication service"
    ),
    ErrorCode.TOKEN_CHECK_FAILED: CodeMeaning(AuthenticationError, "token check failed"),
    ErrorCode.STORAGE_FULL: CodeMeaning(StorageFullError, "not enough storage space"),
    ErrorCode.FOLDER_NOT_EMPTY: CodeMeaning(InvalidRequestError, "folder is not empty"),
    ErrorCode.PREVIEW_TOO_LARGE: CodeMeaning(InvalidRequestError, "file too large to preview"),
    ErrorCode.PREVIEW_TYPE_NOT_ALLOWED: CodeMeaning(
        InvalidRequestError, "file type may not be previewed"
    ),
}

#: ``code`` string -> error class, as the envelope unwrapping looks it up.
ERROR_CLASSES: dict[str, type[ApiError]] = {code.value: row.error for code, row in CODES.items()}
_MEANINGS: dict[str, str] = {code.value: row.meaning for code, row in CODES.items()}


def error_class(code: str) -> type[ApiError]:
    """The class an error envelope with ``code`` becomes (``ApiError`` for an unknown code)."""
    return ERROR_CLASSES.get(code, ApiError)


def meaning(code: str) -> str | None:
    """The short English meaning of ``code``, or ``None`` when it is not a documented code."""
    return _MEANINGS.get(code)
