"""Send planned requests with requests.

    session.send(to_requests(regplan.plan(op, input, credentials=creds)).prepare())
    auth = RegplanAuth(op, input, credentials=creds)   # signs at each send
    session.send(to_requests(auth.planned, auth=auth).prepare())
"""

from __future__ import annotations

from typing import Optional

import requests
import requests.auth

from regplan import Request
from regplan._send import SendTimeAuth, refuse_preview


def to_requests(request: Request, auth: Optional[requests.auth.AuthBase] = None) -> requests.Request:
    """The planned request as a `requests.Request`: method, URL, headers and body bytes as planned.
    `ValueError` for a preview, which cannot be sent."""
    refuse_preview(request, "to_requests")
    return requests.Request(request.method, request.url, headers=request.headers, data=request.body, auth=auth)


class RegplanAuth(SendTimeAuth, requests.auth.AuthBase):
    """A `requests` auth that plans the input again when the request is
    prepared and sets the planned headers: a fresh signature and timestamp
    each time (NAVER, Huawei), the API key or token otherwise."""

    def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
        body = r.body.encode() if isinstance(r.body, str) else r.body
        r.headers.update(self.headers_for(r.method or "", r.url or "", body))
        return r
