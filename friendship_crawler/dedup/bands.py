"""The LSH band index of stored signatures, in memory: candidate lookup without random writes to disk.

Each signature is cut into `b` bands of `r` values (datasketch's choice for the threshold); two texts
are candidates when any band is equal. Keys of stored signatures sit in one sorted numpy array
(12 bytes per band per article, rebuilt from the state's signatures when it opens); keys added
during the run sit in a dict until it holds an eighth as many keys as the arrays, then move into
them. A lookup is `b` binary searches whatever the state's size, and a long run's additions cost
the arrays' 12 bytes per key, not a dict entry and a list each.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

_MIX = np.uint64(0x9E3779B97F4A7C15)
_SIGNATURE_DTYPE = np.dtype("<u4")
MERGE_SHARE = 8
"""Recent keys move into the sorted arrays once they number 1/MERGE_SHARE of them: a bounded share."""
MERGE_MIN_KEYS = 1 << 16
"""...but not before this many, so a small state is not merged after every few exports."""


class BandIndex:
    """Band keys of signatures, each pointing at the export (`seq`) it came from."""

    def __init__(self, threshold: float, num_perm: int, weights: tuple[float, float]) -> None:
        from datasketch import MinHashLSH  # on first use, as `minhash` imports it

        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
        self.bands, self.rows = lsh.b, lsh.r
        self.num_perm = num_perm
        self._keys = np.empty(0, dtype=np.uint64)
        self._seqs = np.empty(0, dtype=np.int64)
        self._recent: dict[int, list[int]] = {}
        self._removed: set[int] = set()
        self._last: tuple[bytes, list[int]] = (b"", [])

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """(n, bands) uint64 keys of an (n, num_perm) array of signatures; the band number is mixed in."""
        used = signatures[:, : self.bands * self.rows].astype(np.uint64).reshape(-1, self.bands, self.rows)
        keys = np.broadcast_to(np.arange(1, self.bands + 1, dtype=np.uint64), used.shape[:2]).copy()
        with np.errstate(over="ignore"):
            for column in range(self.rows):
                keys = (keys ^ used[:, :, column]) * _MIX
                keys ^= keys >> np.uint64(29)
        return keys

    def load(self, rows: Iterable[tuple[int, bytes]]) -> None:
        """Index stored signatures (seq, packed signature) in one pass."""
        seqs, packed = [], []
        for seq, data in rows:
            seqs.append(seq)
            packed.append(data)
        if not seqs:
            return
        matrix = np.frombuffer(b"".join(packed), dtype=_SIGNATURE_DTYPE).reshape(len(seqs), self.num_perm)
        keys = self.band_keys(matrix).ravel()
        owners = np.repeat(np.asarray(seqs, dtype=np.int64), self.bands)
        order = np.argsort(keys, kind="stable")
        self._keys, self._seqs = keys[order], owners[order]

    def add(self, seq: int, packed: bytes) -> None:
        for key in self._keys_of(packed):
            self._recent.setdefault(key, []).append(seq)
        # SQLite gives a released export's seq to the next export when it was the highest one.
        self._removed.discard(seq)
        if len(self._recent) >= max(MERGE_MIN_KEYS, len(self._keys) // MERGE_SHARE):
            self._merge_recent()

    def remove(self, seq: int, packed: bytes) -> None:
        for key in self._keys_of(packed):
            if seq in self._recent.get(key, ()):
                self._recent[key].remove(seq)
        self._removed.add(seq)

    def query(self, packed: bytes) -> set[int]:
        """Seqs of stored signatures sharing at least one band with this one."""
        keys = np.array(self._keys_of(packed), dtype=np.uint64)
        found: set[int] = set()
        lows = np.searchsorted(self._keys, keys, side="left")
        highs = np.searchsorted(self._keys, keys, side="right")
        for low, high in zip(lows.tolist(), highs.tolist(), strict=True):
            if high > low:
                found.update(self._seqs[low:high].tolist())
        for key in keys.tolist():
            found.update(self._recent.get(key, ()))
        return found - self._removed

    def _merge_recent(self) -> None:
        """Move the keys added during the run into the sorted arrays (one pass over them, no re-sort)."""
        owners = [(key, seq) for key, seqs in self._recent.items() for seq in seqs]
        keys = np.fromiter((key for key, _ in owners), dtype=np.uint64, count=len(owners))
        seqs = np.fromiter((seq for _, seq in owners), dtype=np.int64, count=len(owners))
        order = np.argsort(keys, kind="stable")
        at = np.searchsorted(self._keys, keys[order])
        self._keys = np.insert(self._keys, at, keys[order])
        self._seqs = np.insert(self._seqs, at, seqs[order])
        self._recent.clear()

    def _keys_of(self, packed: bytes) -> list[int]:
        """Band keys of one packed signature, kept for the next call: an export's `add` follows its query."""
        if packed != self._last[0]:
            signature = np.frombuffer(packed, dtype=_SIGNATURE_DTYPE).reshape(1, self.num_perm)
            self._last = (packed, self.band_keys(signature)[0].tolist())
        return self._last[1]
