"""Server mode: both services over HTTP, for the AWS CLI, Terraform and every SDK.

    chatbot-mock server --port 5000            # or: python -m chatbot_mock server

One port serves both services: a request's SigV4 credential scope names its service
(``chatbot`` or ``supportapp``), else its path does (the Support App's all start with
``/control/``). Requests go through the same dispatch path, state and account rules as
the in-process mock (the account comes from the signature's access key id). Admin calls
live under ``/_chatbot_mock/`` (see :mod:`chatbot_mock.server_admin`).

The HTTP parsing is the standard library's (``http.server``); each connection has its
own thread, and every call takes the state's lock as in-process calls do.
"""

from __future__ import annotations

import json
import logging
import signal
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Dict, Optional, Set, Tuple, Type

from chatbot_mock import _snapshot
from chatbot_mock._world import World
from chatbot_mock.protocol.dispatch import HttpResponse, credential_scope, dispatch, error_response
from chatbot_mock.protocol.errors import ServiceError, UnmodeledError
from chatbot_mock.protocol.model import service_specs

logger = logging.getLogger("chatbot_mock")

#: The largest request body the server reads; a larger one answers 413 unread.
MAX_BODY_BYTES = 1024 * 1024
ADMIN_PREFIX = "/_chatbot_mock/"


#: How long a connection may sit idle (or half-sent) before the server drops it.
IDLE_TIMEOUT_SECONDS = 60


class RequestEntityTooLarge(UnmodeledError, status=413, code="RequestEntityTooLarge"):
    """A body over :data:`MAX_BODY_BYTES`."""


#: How long, and how much, a refused body is read and dropped before its connection closes.
_DISCARD_SECONDS = 1.0
_DISCARD_BYTES = 4 * 1024 * 1024


class LengthRequired(UnmodeledError, status=411, code="LengthRequired"):
    """A body sent in chunks: the server reads bodies by their Content-Length, as every
    AWS SDK sends them for these services' JSON requests."""


def service_of(path: str, headers: Any) -> str:
    """Which mocked service a request is for: its signature's scope, else its path."""
    _, _, signing_name = credential_scope(headers, path)
    for name, spec in service_specs().items():
        if signing_name and signing_name == spec.signing_name:
            return name
    return "support-app" if path.startswith("/control/") else "chatbot"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"  # keep-alive
    server_version = "chatbot_mock"
    # Headers and body leave in one write, flushed after each request, and small writes
    # are not held back: otherwise a client's delayed ACK costs some 40 ms a request.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True
    timeout = IDLE_TIMEOUT_SECONDS

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def handle_expect_100(self) -> bool:
        # The interim answer must leave at once, not wait in the write buffer for the
        # final one: the client is waiting for it before it sends the body.
        self.send_response_only(100)
        self.end_headers()
        self.wfile.flush()
        return True

    def _answer(self) -> None:
        length = self.headers.get("Content-Length")
        try:
            size = int(length) if length else 0
        except ValueError:
            size = -1
        refusal: Optional[ServiceError] = None
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            refusal = LengthRequired("Send the body with a Content-Length; chunked bodies are not read")
        elif size < 0:
            refusal = ServiceError("Content-Length must be a whole number", "SerializationException")
        elif size > MAX_BODY_BYTES:
            refusal = RequestEntityTooLarge(f"The body is {size} bytes; the limit is {MAX_BODY_BYTES}")
        if refusal is not None:
            self._send(error_response(refusal, None))
            self.close_connection = True  # the body is not read: the connection cannot be reused
            self._discard_unread_body()
            return
        body = self.rfile.read(size) if size else b""
        if self.path.startswith(ADMIN_PREFIX):
            from chatbot_mock.server_admin import answer_admin

            self._send(answer_admin(self.server.state, self.command, self.path[len(ADMIN_PREFIX) :], body))
            return
        url = f"http://{self.headers.get('Host', 'localhost')}{self.path}"
        service = service_of(self.path, self.headers)
        # email.message.Message: a mapping whose names match without regard to case.
        headers: Any = self.headers
        self._send(dispatch(service, self.command, url, headers, body, self.server.state))

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _answer

    def _discard_unread_body(self) -> None:
        """Read and drop what the client still sends of a body the server refused, for a
        moment, before the connection closes. Closed with unread bytes, the socket would
        answer the client's next bytes with a reset: a client still writing its body (as
        http.client writes a chunked body, chunk by chunk) would get a broken pipe
        instead of reading the refusal already sent."""
        self.wfile.flush()
        try:
            self.connection.shutdown(socket.SHUT_WR)
            self.connection.settimeout(_DISCARD_SECONDS)
            budget = _DISCARD_BYTES
            while budget > 0:
                data = self.connection.recv(min(budget, 65536))
                if not data:
                    break
                budget -= len(data)
        except OSError:  # a timeout, or the client already gone: nothing left to protect
            pass

    def do_HEAD(self) -> None:
        self._answer()

    def _send(self, response: HttpResponse) -> None:
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the standard library's name
        logger.debug("chatbot_mock server: " + format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # A burst of clients connecting at once must queue, not be reset.
    request_queue_size = 128

    def __init__(self, address: Tuple[str, int], state: World) -> None:
        # IPv6 hosts (``::1``) need an IPv6 socket; the family comes from the host.
        self.address_family = socket.getaddrinfo(address[0], address[1], type=socket.SOCK_STREAM)[0][0]
        self.state = state
        self._connections: Set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def track(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(connection)

    def untrack(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(connection)

    def close_connections(self) -> None:
        """End every open connection, keep-alive ones included: a stopped server answers
        nothing more."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed by the client


def _url_of(server: _Server) -> str:
    host, port = server.server_address[:2]
    host = str(host)
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class ThreadedServer:
    """The server in a thread of this process: for tests in any language's harness.

    ``port=0`` picks a free port; ``url`` says where it listens once started. It serves a
    fresh state of its own, unless ``share_with`` names an active in-process mock, whose
    state it then serves (seeding through ``m`` shows through the server, and the other
    way round), or ``state`` gives one.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        state: Optional[World] = None,
        share_with: Optional[Any] = None,
    ) -> None:
        self._address = (host, port)
        if share_with is not None:
            from chatbot_mock.interception import active_state

            if not share_with.active or active_state() is None:
                raise RuntimeError("share_with names a mock that is not active: start it first")
            state = active_state()
        self.state = state if state is not None else World()
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None

    @property
    def url(self) -> str:
        """Where the server listens, such as ``http://127.0.0.1:51234``."""
        if self._server is None:
            raise RuntimeError("the server is not started")
        return _url_of(self._server)

    def start(self) -> ThreadedServer:
        """Listen and serve in a thread of its own; starting a started server does nothing."""
        if self._server is not None:
            return self
        self._server = _Server(self._address, self.state)
        self._thread = threading.Thread(target=self._server.serve_forever, name="chatbot_mock server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and end every open connection; harmless when not started."""
        server, thread = self._server, self._thread
        if server is None:
            return
        server.shutdown()
        server.server_close()
        server.close_connections()
        if thread is not None:
            thread.join()
        self._server = self._thread = None

    def __enter__(self) -> ThreadedServer:
        return self.start()

    def __exit__(
        self, exc_type: Optional[Type[BaseException]], exc: Optional[BaseException], traceback: Optional[TracebackType]
    ) -> None:
        self.stop()


def serve(host: str, port: int, state_file: Optional[str] = None) -> None:
    """Serve until Ctrl-C (the ``server`` command)."""
    state = World()
    if state_file is not None:
        with open(state_file, encoding="utf-8") as file:
            try:
                snapshot: Dict[str, Any] = json.load(file)
            except ValueError as error:
                raise ValueError(f"--state {state_file} is not JSON: {error}") from None
        _snapshot.load(state, snapshot)
    try:
        server = _Server((host, port), state)
    except OSError as error:
        raise OSError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    print(f"chatbot_mock serving AWS Chatbot and AWS Support App on {_url_of(server)}", flush=True)
    # SIGTERM (a process manager, a CI step's timeout) stops it as cleanly as Ctrl-C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("chatbot_mock server stopped", flush=True)
    finally:
        server.server_close()
