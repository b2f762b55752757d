"""Send planned requests with httpx.

    client.send(to_httpx(regplan.plan(op, input, credentials=creds)))
    auth = RegplanAuth(op, input, credentials=creds)   # signs at each send
    client.send(to_httpx(auth.planned), auth=auth)
"""

from __future__ import annotations

from typing import Generator

import httpx

from regplan import Request
from regplan._send import SendTimeAuth, refuse_preview


def to_httpx(request: Request) -> httpx.Request:
    """The planned request as an `httpx.Request`: method, URL, headers and body bytes as planned.
    `ValueError` for a preview, which cannot be sent."""
    refuse_preview(request, "to_httpx")
    return httpx.Request(request.method, request.url, headers=request.headers, content=request.body)


class RegplanAuth(SendTimeAuth, httpx.Auth):
    """An `httpx.Auth` that plans the input again each time the request is
    sent and sets the planned headers: a fresh signature and timestamp on
    every send and retry (NAVER, Huawei), the API key or token otherwise."""

    requires_request_body = True

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        headers = self.headers_for(request.method, str(request.url), request.content)
        for name, value in headers.items():
            request.headers[name] = value
        yield request
