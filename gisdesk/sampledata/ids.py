"""Fast deterministic identifiers: UUID strings and asset numbers for a million rows at a time.

Python's ``uuid`` module costs microseconds per value; at scale 100 the city holds millions of
keys, so the 36-character strings are assembled as bytes with numpy and handed to Arrow without
a Python object per row.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_UUID_HEX_COLUMNS = np.r_[0:8, 9:13, 14:18, 19:23, 24:36]


def fixed_width_strings(chars: np.ndarray) -> pa.StringArray:
    """Turn an (n, w) uint8 array of ASCII characters into an Arrow string array (zero copy)."""
    n, width = chars.shape
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    data = np.ascontiguousarray(chars, dtype=np.uint8)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data))


def uuid4_strings(rng: np.random.Generator, n: int) -> pa.StringArray:
    """``n`` random version-4 UUIDs as canonical lowercase strings, reproducible from ``rng``."""
    raw = rng.integers(0, 256, size=(n, 16), dtype=np.uint8)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40  # version 4
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80  # RFC 4122 variant
    hexchars = np.empty((n, 32), dtype=np.uint8)
    hexchars[:, 0::2] = _HEX[raw >> 4]
    hexchars[:, 1::2] = _HEX[raw & 0x0F]
    out = np.full((n, 36), ord("-"), dtype=np.uint8)
    out[:, _UUID_HEX_COLUMNS] = hexchars
    return fixed_width_strings(out)


def numbered(prefix: str, numbers: np.ndarray, digits: int) -> pa.StringArray:
    """Asset numbers such as ``PJU-000042``: ``prefix`` then zero-padded ``numbers``."""
    numbers = np.asarray(numbers, dtype=np.int64)
    if len(numbers) and (numbers.min() < 0 or numbers.max() >= 10**digits):
        raise ValueError(f"numbers for '{prefix}' do not fit in {digits} digits")
    head = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    powers = 10 ** np.arange(digits - 1, -1, -1, dtype=np.int64)
    digit_chars = (numbers[:, None] // powers % 10).astype(np.uint8) + ord("0")
    out = np.empty((len(numbers), len(head) + digits), dtype=np.uint8)
    out[:, : len(head)] = head
    out[:, len(head) :] = digit_chars
    return fixed_width_strings(out)
