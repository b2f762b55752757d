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

# The typing names (one TypedDict per operation input, the code literals,
# issue and credential shapes) are generated with their own `__all__`.
from regplan._types import *  # noqa: F403
from regplan._types import __all__ as _TYPE_NAMES

__all__ = [
    *_TYPE_NAMES,
    "EnvCredentials",
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
