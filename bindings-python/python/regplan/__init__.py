"""regplan: validate container-registry API inputs and plan the exact HTTP request.

>>> import regplan
>>> regplan.validate("gcore.registries.create", {"project_id": 1, "region_id": 76, "name": "1-Bad-"})["errors"][0]["code"]
'pattern'
"""

from regplan._regplan import (
    RegplanError,
    Request,
    UnsupportedValueError,
    UsageError,
    ValidationError,
    __version__,
    codes,
    operations,
    plan,
    plan_json,
    schema,
    validate,
    validate_field,
    validate_json,
    validate_many,
)
from regplan._credentials import EnvCredentials, credentials_from_env
from regplan._types import (
    AccessKeyCredentials,
    ApiKeyCredentials,
    BearerCredentials,
    Code,
    Credentials,
    ErrorCode,
    IamTokenCredentials,
    Issue,
    Report,
    Timestamp,
    TokenCredentials,
)

__all__ = [
    "AccessKeyCredentials",
    "ApiKeyCredentials",
    "BearerCredentials",
    "Code",
    "Credentials",
    "EnvCredentials",
    "ErrorCode",
    "IamTokenCredentials",
    "Issue",
    "Report",
    "Timestamp",
    "TokenCredentials",
    "RegplanError",
    "Request",
    "UnsupportedValueError",
    "UsageError",
    "ValidationError",
    "__version__",
    "codes",
    "credentials_from_env",
    "operations",
    "plan",
    "plan_json",
    "schema",
    "validate",
    "validate_field",
    "validate_json",
    "validate_many",
]
