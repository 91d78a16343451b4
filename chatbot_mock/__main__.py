"""The command line: ``python -m chatbot_mock demo`` (a short tour through boto3) and
``python -m chatbot_mock server`` (both services over HTTP; also ``chatbot-mock server``)."""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="chatbot-mock", description="In-memory AWS Chatbot and AWS Support App.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="a short tour of the mock through boto3")
    server = commands.add_parser("server", help="serve both services over HTTP until Ctrl-C")
    server.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: loopback only)")
    server.add_argument("--port", type=int, default=5000, help="the port (0 picks a free one; default 5000)")
    server.add_argument("--state", metavar="FILE", help="start from a snapshot written by m.state() (JSON)")
    arguments = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if arguments.command == "demo":
        from chatbot_mock._demo import run_demo

        run_demo()
        return 0
    if not 0 <= arguments.port <= 65535:
        parser.error(f"--port must be from 0 to 65535, not {arguments.port}")
    from chatbot_mock.core.snapshot import SnapshotError
    from chatbot_mock.server import serve

    try:
        serve(arguments.host, arguments.port, arguments.state)
    except (OSError, ValueError, SnapshotError) as error:  # a file, a port or a host the server cannot use
        parser.error(str(error) if not isinstance(error, OSError) or not error.filename else
                     f"{error.strerror}: {error.filename}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
