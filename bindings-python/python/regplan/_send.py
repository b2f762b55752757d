"""What the httpx and requests integrations share: plan again at send time.

A signed request (NAVER, Huawei AK/SK) carries its signing time, so a
request planned once goes stale; these auth classes plan the same input
again each time a request is sent and copy the planned headers onto it.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional, cast

from regplan import Request, plan

# `plan` is typed with one overload per operation; an auth object holds the
# input of whichever operation it was made for.
_plan = cast(Callable[..., Request], plan)


def refuse_preview(request: Request, helper: str) -> None:
    """`ValueError` for a preview (`plan(..., preview=True)` without
    credentials): placeholders such as `<api_key>` stand where the
    credentials go, so the request must not be sent."""
    if request.preview:
        raise ValueError(
            f"{helper}: this request is a preview (placeholders stand in for the credentials) "
            "and cannot be sent; plan it again with credentials"
        )


class SendTimeAuth:
    """The base of both `RegplanAuth` classes: plans `op` with `input` and
    `credentials` when made (so an invalid input fails there, with
    `ValidationError`), and again at each send."""

    def __init__(
        self, op: str, input: object, *, credentials: Mapping[str, Any], base_url: Optional[str] = None
    ) -> None:
        self._op = op
        self._input = input
        self._credentials = credentials
        self._base_url = base_url
        self._planned = self.plan()

    @property
    def planned(self) -> Request:
        """The request planned when this auth was made (send it with `to_httpx` / `to_requests`)."""
        return self._planned

    def plan(self) -> Request:
        """The request as it must be sent now (the signing time is now)."""
        return _plan(self._op, self._input, credentials=self._credentials, base_url=self._base_url)

    def headers_for(self, method: str, url: str, body: Optional[bytes]) -> Dict[str, str]:
        """The planned headers, signed now, for the request about to be sent;
        `ValueError` when that request is not the planned one (a signature
        covers the method, the URL and the body)."""
        planned = self.plan()
        if (planned.method, planned.url, planned.body or b"") != (method, url, body or b""):
            raise ValueError(
                f"the request to send is not the one planned for {self._op} "
                "(method, URL or body differ): build it with to_httpx / to_requests"
            )
        return planned.headers
