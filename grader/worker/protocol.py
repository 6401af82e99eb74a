"""The wire format between the trusted process and a worker: plain data, never pickles.

A message is a JSON header followed by the raw bytes of the arrays it refers to::

    [4-byte big-endian length][header JSON, UTF-8; header["frames"] = [[dtype, shape], ...]]
    then, for each frame:
    [8-byte big-endian length][the array's bytes in C order]

An array is rebuilt with `numpy.frombuffer` from a numeric dtype and a shape that must
account for every byte: there is no object dtype and no pickle anywhere on this path.

Values inside the header are JSON with a few tagged forms:

=====================  ===================================================
Python value           JSON
=====================  ===================================================
None, bool, int,       the JSON literal (ints stay ints, floats keep a
float, str             decimal point; NaN/Infinity as JSON extensions)
numpy scalar           ``{"$scalar": "<dtype>", "v": <value>}``
numpy.ndarray          ``{"$array": <index into the frames>}``
tuple                  ``{"$tuple": [...]}``
list                   ``[...]``
dict                   ``{"$dict": [[key, value], ...]}``
object in the worker   ``{"$handle": <id>, "type": "<class name>", "callable": bool}``
anything else          ``{"$unsupported": "<description>"}`` (worker → trusted only)
=====================  ===================================================

Only numeric dtypes (bool, int, uint, float, complex) cross; the sizes of a header, an
array and a whole message are capped. The trusted side decodes with `decode`, which builds
nothing but these plain types and `Handle` markers: nothing from a worker is unpickled or
executed.
"""

from __future__ import annotations

import json
import socket
import struct
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

NUMERIC_KINDS = frozenset("biufc")
MAX_HEADER = 4 * 1024 * 1024
MAX_ARRAY = 256 * 1024 * 1024
MAX_MESSAGE = 512 * 1024 * 1024
MAX_DEPTH = 32
MAX_STRING = 20_000
MAX_NODES = 200_000
LARGE = 64 * 1024  # bytes: an array this large is sent from its own memory, not copied


class ProtocolError(Exception):
    """A malformed, oversized or unexpected message."""


class ChannelClosed(ProtocolError):
    """The other end closed the connection (the worker ended)."""


class ChannelTimeout(ProtocolError):
    """No complete message arrived before the deadline."""


@dataclass(frozen=True)
class HandleRef:
    """A reference to an object that lives in a worker (decoded form, trusted side)."""

    id: int
    type: str
    callable: bool


@dataclass(frozen=True)
class Unsupported:
    """A worker value that cannot cross the boundary, e.g. an array of dtype object."""

    description: str

    def __repr__(self) -> str:
        return f"<{self.description}>"


@dataclass(frozen=True)
class SubclassArray:
    """An ndarray subclass the worker returned: its data, and the subclass's name."""

    array: np.ndarray
    type: str


# --------------------------------------------------------------------------- encoding


class Encoder:
    """Turns a value into (JSON-able tree, arrays). `to_handle` stores foreign objects."""

    def __init__(self, to_handle=None) -> None:
        self.arrays: list[np.ndarray] = []
        self.to_handle = to_handle
        self.nodes = 0

    def encode(self, value: Any, depth: int = 0) -> Any:
        self.nodes += 1
        if depth > MAX_DEPTH or self.nodes > MAX_NODES:
            raise ProtocolError("the value is nested too deeply or has too many parts")
        # Exact type checks: a subclass of int or float (a student's lying object) is not an
        # int or float here.
        kind = type(value)
        if value is None or kind in (bool, int, float):
            return value
        if kind is str:
            return value[:MAX_STRING]
        if isinstance(value, np.ndarray):
            if value.dtype.kind not in NUMERIC_KINDS:
                return {"$unsupported": f"an array of dtype {value.dtype}"}
            if kind is not np.ndarray:
                self.arrays.append(np.asarray(value))
                return {"$array": len(self.arrays) - 1, "subclass": kind.__name__}
            self.arrays.append(value)
            return {"$array": len(self.arrays) - 1}
        if isinstance(value, np.generic):
            if value.dtype.kind not in NUMERIC_KINDS or kind is not value.dtype.type:
                return {"$unsupported": f"a numpy scalar of type {kind.__name__}"}
            item = value.item()
            if value.dtype.kind == "c":
                item = [item.real, item.imag]
            return {"$scalar": value.dtype.str, "v": item}
        if kind is tuple:
            return {"$tuple": [self.encode(v, depth + 1) for v in value]}
        if kind is list:
            return [self.encode(v, depth + 1) for v in value]
        if kind is dict:
            return {"$dict": [[self.encode(k, depth + 1), self.encode(v, depth + 1)]
                              for k, v in value.items()]}
        if isinstance(value, HandleRef):
            return {"$handle": value.id, "type": value.type, "callable": value.callable}
        if self.to_handle is not None:
            return self.to_handle(value)
        raise ProtocolError(f"cannot send a value of type {kind.__name__} to the worker")


def encode(value: Any, to_handle=None) -> tuple[Any, list[np.ndarray]]:
    enc = Encoder(to_handle)
    tree = enc.encode(value)
    return tree, enc.arrays


# --------------------------------------------------------------------------- decoding


def decode(tree: Any, arrays: list[np.ndarray], from_handle=None, depth: int = 0) -> Any:
    """Rebuild a value from its tree. `from_handle(ref)` turns handle refs into objects."""
    if depth > MAX_DEPTH:
        raise ProtocolError("the value is nested too deeply")
    kind = type(tree)
    if tree is None or kind in (bool, int, float, str):
        return tree
    if kind is list:
        return [decode(v, arrays, from_handle, depth + 1) for v in tree]
    if kind is not dict or len(tree) == 0:
        raise ProtocolError(f"unexpected JSON value of type {kind.__name__}")
    if "$array" in tree:
        index = tree["$array"]
        if type(index) is not int or not 0 <= index < len(arrays):
            raise ProtocolError("an array reference points at no array")
        arr = arrays[index]
        if "subclass" in tree:
            return SubclassArray(arr, str(tree["subclass"])[:200])
        return arr
    if "$scalar" in tree:
        dtype = _numeric_dtype(tree["$scalar"])
        v = tree.get("v")
        if dtype.kind == "c":
            if type(v) is not list or len(v) != 2:
                raise ProtocolError("a complex scalar needs [real, imag]")
            v = complex(v[0], v[1])
        if type(v) not in (bool, int, float, complex):
            raise ProtocolError("a numpy scalar must carry a number")
        return dtype.type(v)
    if "$tuple" in tree:
        items = tree["$tuple"]
        if type(items) is not list:
            raise ProtocolError("a tuple must carry a list")
        return tuple(decode(v, arrays, from_handle, depth + 1) for v in items)
    if "$dict" in tree:
        items = tree["$dict"]
        if type(items) is not list:
            raise ProtocolError("a dict must carry a list of pairs")
        out = {}
        for pair in items:
            if type(pair) is not list or len(pair) != 2:
                raise ProtocolError("a dict entry must be a [key, value] pair")
            key = decode(pair[0], arrays, from_handle, depth + 1)
            if type(key) not in (str, int, bool, float, tuple) and key is not None:
                key = repr(key)
            out[key] = decode(pair[1], arrays, from_handle, depth + 1)
        return out
    if "$handle" in tree:
        ref = HandleRef(int(tree["$handle"]), str(tree.get("type", "object"))[:200],
                        bool(tree.get("callable", False)))
        return from_handle(ref) if from_handle is not None else ref
    if "$unsupported" in tree:
        return Unsupported(str(tree["$unsupported"])[:500])
    raise ProtocolError(f"unknown tagged value {sorted(tree)[:3]}")


def _numeric_dtype(text: Any) -> np.dtype:
    try:
        dtype = np.dtype(str(text))
    except TypeError as err:
        raise ProtocolError(f"bad dtype {text!r}") from err
    if dtype.kind not in NUMERIC_KINDS:
        raise ProtocolError(f"dtype {dtype} is not numeric")
    return dtype


# --------------------------------------------------------------------------- framing


def _describe(arr: np.ndarray) -> list:
    """What a frame holds: [dtype string, shape]; the bytes follow in C order."""
    return [arr.dtype.str, list(arr.shape)]


def _load_array(data: bytearray, spec: Any) -> np.ndarray:
    """Rebuild an array from raw bytes and its [dtype, shape]: numbers only, no pickle. The
    array is a writeable view of `data` (a buffer of its own, from `Channel._read`)."""
    if type(spec) is not list or len(spec) != 2 or type(spec[1]) is not list:
        raise ProtocolError("an array frame has no valid [dtype, shape]")
    dtype = _numeric_dtype(spec[0])
    shape = spec[1]
    if not all(type(n) is int and n >= 0 for n in shape) or len(shape) > 32:
        raise ProtocolError(f"an array frame has a bad shape {shape!r}")
    count = 1
    for n in shape:
        count *= n
    if count * dtype.itemsize != len(data):
        raise ProtocolError(f"an array frame of {len(data)} bytes does not hold "
                            f"{shape} × {dtype}")
    arr = np.frombuffer(data, dtype=dtype).reshape(shape)
    if not dtype.isnative:
        arr = arr.astype(dtype.newbyteorder("="))
    return arr


class Channel:
    """A framed message channel over a connected stream socket."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass

    def send(self, header: dict, arrays: list[np.ndarray] = ()) -> None:
        blobs = [np.ascontiguousarray(a) for a in arrays]
        header = dict(header, frames=[_describe(a) for a in blobs])
        data = json.dumps(header, allow_nan=True, ensure_ascii=False).encode("utf-8")
        if len(data) > MAX_HEADER:
            raise ProtocolError(f"the message header is too large ({len(data)} bytes)")
        parts: list[bytes | memoryview] = [struct.pack(">I", len(data)), data]
        total = len(data)
        for arr in blobs:
            total += arr.nbytes
            if arr.nbytes > MAX_ARRAY or total > MAX_MESSAGE:
                raise ProtocolError(
                    f"an array of shape {arr.shape} is too large to send "
                    f"({arr.nbytes // 1_000_000} MB; the limit is {MAX_ARRAY // 1_000_000} MB)"
                )
            parts.append(struct.pack(">Q", arr.nbytes))
            # a large array goes out from its own memory, a small one joins the next write
            parts.append(memoryview(arr).cast("B") if arr.nbytes >= LARGE else arr.tobytes())
        try:
            small: list[bytes] = []
            for part in parts:
                if isinstance(part, memoryview):
                    self.sock.sendall(b"".join(small))
                    self.sock.sendall(part)
                    small = []
                else:
                    small.append(part)
            self.sock.sendall(b"".join(small))
        except (BrokenPipeError, ConnectionResetError) as err:
            raise ChannelClosed("the other end has gone") from err

    def recv(self, deadline: float | None = None) -> tuple[dict, list[np.ndarray]]:
        (size,) = struct.unpack(">I", self._read(4, deadline))
        if size > MAX_HEADER:
            raise ProtocolError(f"a message header of {size} bytes is over the limit")
        try:
            header = json.loads(self._read(size, deadline).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ProtocolError(f"a message header is not JSON: {err}") from None
        if type(header) is not dict:
            raise ProtocolError("a message header must be a JSON object")
        frames = header.get("frames", [])
        if type(frames) is not list or len(frames) > 10_000:
            raise ProtocolError("a message announces a bad list of arrays")
        arrays, total = [], size
        for spec in frames:
            (length,) = struct.unpack(">Q", self._read(8, deadline))
            total += length
            if length > MAX_ARRAY or total > MAX_MESSAGE:
                raise ProtocolError(
                    f"the worker sent an array of {length // 1_000_000} MB; "
                    f"the limit is {MAX_ARRAY // 1_000_000} MB"
                )
            arrays.append(_load_array(self._read(length, deadline), spec))
        return header, arrays

    def _read(self, n: int, deadline: float | None) -> bytearray:
        """Exactly `n` bytes, received straight into one buffer (arrays are built on it)."""
        buffer = bytearray(n)
        view = memoryview(buffer)
        got = 0
        while got < n:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise ChannelTimeout("no answer before the deadline")
                self.sock.settimeout(left)
            else:
                self.sock.settimeout(None)
            try:
                count = self.sock.recv_into(view[got:])
            except TimeoutError:
                raise ChannelTimeout("no answer before the deadline") from None
            except (ConnectionResetError, OSError) as err:
                raise ChannelClosed(f"the connection broke: {err}") from None
            if not count:
                raise ChannelClosed("the other end closed the connection")
            got += count
        return buffer
