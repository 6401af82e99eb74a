"""The wire format: plain data only, types kept apart, nothing unpickled."""

from __future__ import annotations

import json
import socket
import struct

import numpy as np
import pytest

from grader.worker.protocol import (
    Channel,
    HandleRef,
    ProtocolError,
    SubclassArray,
    Unsupported,
    decode,
    encode,
)


def roundtrip(value):
    tree, arrays = encode(value)
    a, b = socket.socketpair()
    try:
        Channel(a).send({"v": tree}, arrays)
        header, out = Channel(b).recv()
    finally:
        a.close()
        b.close()
    return decode(header["v"], out)


def test_python_and_numpy_scalars_stay_distinct():
    got = roundtrip([3, np.int64(3), 2.5, np.float64(2.5), True, np.bool_(True), None])
    assert [type(v) for v in got] == [int, np.int64, float, np.float64, bool, np.bool_,
                                      type(None)]


def test_containers_arrays_and_nan_roundtrip():
    value = {"W": np.arange(6.0).reshape(2, 3), "t": (1, [np.nan, np.inf]),
             "idx": np.array([0, 2, 2], dtype=np.int32), 7: "text"}
    got = roundtrip(value)
    assert got["W"].dtype == np.float64 and np.array_equal(got["W"], value["W"])
    assert type(got["t"]) is tuple and np.isnan(got["t"][1][0]) and got["t"][1][1] == np.inf
    assert got["idx"].dtype == np.int32 and got[7] == "text"


def test_object_arrays_and_foreign_objects_do_not_cross():
    tree, arrays = encode(np.array([1, "a"], dtype=object))
    assert isinstance(decode(tree, arrays), Unsupported) and arrays == []
    with pytest.raises(ProtocolError):
        encode(object())  # no handle table on the trusted side


def test_an_ndarray_subclass_is_reported_as_such():
    class Lying(np.ndarray):
        def __eq__(self, other):
            return True

    got = roundtrip(np.zeros(3).view(Lying))
    assert isinstance(got, SubclassArray) and got.type == "Lying"


@pytest.mark.parametrize("spec, blob, problem", [
    (["|O", [1]], b"\x80\x04N.", "not numeric"),  # an object array: would need pickle
    (["<f8", [3]], b"\x00" * 16, "does not hold"),  # bytes that do not fit the shape
    (["<f8", [-1]], b"", "bad shape"),
])
def test_array_frames_are_numbers_that_fit_their_shape(spec, blob, problem):
    a, b = socket.socketpair()
    try:
        header = json.dumps({"frames": [spec]}).encode()
        a.sendall(struct.pack(">I", len(header)) + header + struct.pack(">Q", len(blob)) + blob)
        with pytest.raises(ProtocolError, match=problem):
            Channel(b).recv()
    finally:
        a.close()
        b.close()


def test_oversized_messages_are_refused_before_reading():
    a, b = socket.socketpair()
    try:
        a.sendall(struct.pack(">I", 1 << 30))
        with pytest.raises(ProtocolError, match="over the limit"):
            Channel(b).recv()
    finally:
        a.close()
        b.close()


def test_handles_decode_only_through_the_given_factory():
    tree = {"$handle": 4, "type": "Layer", "callable": False}
    assert decode(tree, []) == HandleRef(4, "Layer", False)
    with pytest.raises(ProtocolError):
        decode({"$eval": "os.system('x')"}, [])
