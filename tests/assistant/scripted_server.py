"""A small HTTP server on 127.0.0.1 that speaks the Ollama chat API and the OpenAI chat-completions API
with scripted replies (text or tool calls), streamed or not, so the real client libraries run end to end."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class ScriptedServer:
    def __init__(self) -> None:
        self.replies: list[dict[str, Any]] = []  # {"content": str} or {"tool": name, "args": {...}}
        self.requests: list[dict[str, Any]] = []
        self.authorizations: list[str] = []  # the Authorization header of each POST
        self.delay_s = 0.0
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # ollama clients may ask for the version or model list
                self._json({"models": [], "version": "0.0.0"})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                server.requests.append({"path": self.path, **body})
                server.authorizations.append(self.headers.get("Authorization", ""))
                time.sleep(server.delay_s)
                reply = server.replies.pop(0) if server.replies else {"content": "Det fremgår ikke af rapporterne."}
                try:
                    if self.path.endswith("/api/chat"):
                        self._ollama(reply, body.get("stream", True))
                    else:
                        self._openai(reply, body.get("stream", False))
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout tests)

            def _json(self, data: Any) -> None:
                raw = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            def _ollama(self, reply: dict[str, Any], stream: bool) -> None:
                message: dict[str, Any] = {"role": "assistant", "content": reply.get("content", "")}
                if "tool" in reply:
                    message["tool_calls"] = [{"function": {"name": reply["tool"], "arguments": reply["args"]}}]
                final = {
                    "model": "scripted",
                    "created_at": "2026-11-23T00:00:00Z",
                    "done": True,
                    "done_reason": "stop",
                    "total_duration": 1,
                    "load_duration": 1,
                    "prompt_eval_count": 1,
                    "eval_count": 1,
                    "prompt_eval_duration": 1,
                    "eval_duration": 1,
                }
                if not stream:
                    self._json({**final, "message": message})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson")
                self.end_headers()
                words = message["content"].split(" ") if message["content"] else []
                for word in words:
                    part = {
                        "model": "scripted",
                        "created_at": "2026-11-23T00:00:00Z",
                        "done": False,
                        "message": {"role": "assistant", "content": word + " "},
                    }
                    self.wfile.write((json.dumps(part) + "\n").encode())
                last = {
                    **final,
                    "message": {
                        "role": "assistant",
                        "content": "",
                        **({"tool_calls": message["tool_calls"]} if "tool_calls" in message else {}),
                    },
                }
                self.wfile.write((json.dumps(last) + "\n").encode())

            def _openai(self, reply: dict[str, Any], stream: bool) -> None:
                base = {"id": "chatcmpl-1", "created": 0, "model": "scripted"}
                tool_calls = (
                    [
                        {
                            "index": 0,
                            "id": "call_1",
                            "type": "function",
                            "function": {"name": reply["tool"], "arguments": json.dumps(reply["args"])},
                        }
                    ]
                    if "tool" in reply
                    else None
                )
                if not stream:
                    message: dict[str, Any] = {"role": "assistant", "content": reply.get("content") or None}
                    if tool_calls:
                        message["tool_calls"] = [{k: v for k, v in tc.items() if k != "index"} for tc in tool_calls]
                    self._json(
                        {
                            **base,
                            "object": "chat.completion",
                            "choices": [
                                {
                                    "index": 0,
                                    "message": message,
                                    "finish_reason": "tool_calls" if tool_calls else "stop",
                                }
                            ],
                            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                        }
                    )
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()

                def send(delta: dict[str, Any], finish: str | None = None) -> None:
                    chunk = {
                        **base,
                        "object": "chat.completion.chunk",
                        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                    }
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())

                send({"role": "assistant", "content": ""})
                if tool_calls:
                    send({"tool_calls": tool_calls})
                for word in (reply.get("content") or "").split(" "):
                    if word:
                        send({"content": word + " "})
                send({}, "tool_calls" if tool_calls else "stop")
                self.wfile.write(b"data: [DONE]\n\n")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
