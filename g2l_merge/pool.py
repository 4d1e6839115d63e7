"""The conversion pool: many files converted in worker processes of this Python (forked, so the converter is
loaded once), in order, with progress; a few converted in this process."""

from __future__ import annotations

import os
from collections.abc import Callable

from g2l_merge.config import ConvertConfig
from g2l_merge.convert.findings import PARSE_RULE, Finding, decode_source, encode_source
from g2l_merge.errors import G2lError

Progress = Callable[[int, int], None]  # (files converted so far, files to convert)


def convert_bytes(data: bytes, path: str, config: ConvertConfig) -> tuple[bytes, tuple[Finding, ...]]:
    """Convert one file's bytes, keeping a BOM; undecodable files come back unchanged with a finding."""
    from g2l_merge.convert.engine import convert_source  # the converter (libcst) loads only when a file converts

    source = decode_source(data)
    if isinstance(source, int):
        return data, (Finding(path, source, PARSE_RULE, "not UTF-8, carried over unchanged"),)
    result = convert_source(source.text, path, config)
    return encode_source(result.text, source.bom), result.findings


POOL_FROM = 8  # fewer files a worker than this convert in this process (20 files on 2 cores: the pool is 13% faster)


def conversion_workers() -> int:
    """How many processes convert files: G2L_JOBS when set (1: no pool), else every core this process may use."""
    wanted = os.environ.get("G2L_JOBS", "").strip()
    if wanted:
        if not wanted.isdigit() or int(wanted) < 1:
            raise G2lError(f"G2L_JOBS={wanted!r}: give the number of conversion processes (1 or more)")
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def converted_outputs(
    jobs: list[tuple[bytes, str]], config: ConvertConfig, progress: Progress | None
) -> list[tuple[bytes, tuple[Finding, ...]]]:
    """convert_bytes over many files, in order; in a process pool when there are many files and cores. The
    output is the same either way (conversion is deterministic and each file is converted on its own)."""
    workers = min(conversion_workers(), len(jobs) // POOL_FROM)
    outputs: list[tuple[bytes, tuple[Finding, ...]]] = []
    if workers <= 1:
        for data, path in jobs:
            outputs.append(convert_bytes(data, path, config))
            if progress:
                progress(len(outputs), len(jobs))
        return outputs
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # the converter and its rules loaded once here: forked workers start with them
    import g2l_merge.convert.engine
    import g2l_merge.convert.rules  # noqa: F401

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    chunk = max(1, min(64, len(jobs) // (workers * 8)))
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_set_worker_config, initargs=(config,)
        ) as pool:
            for output in pool.map(_convert_in_worker, jobs, chunksize=chunk):
                outputs.append(output)
                if progress:
                    progress(len(outputs), len(jobs))
    except BrokenProcessPool:
        raise G2lError(
            "a conversion process stopped (out of memory?); nothing changed: rerun with G2L_JOBS=1 to convert in "
            "one process"
        ) from None
    return outputs


_worker_config: ConvertConfig | None = None


def _set_worker_config(config: ConvertConfig) -> None:
    global _worker_config
    _worker_config = config


def _convert_in_worker(job: tuple[bytes, str]) -> tuple[bytes, tuple[Finding, ...]]:
    assert _worker_config is not None
    return convert_bytes(job[0], job[1], _worker_config)
