"""The worker pool: same results as in-process, and hangs and crashes become typed errors."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from workbench.extract import ExtractionPool, Limits, extract_file, extract_isolated


def test_pool_result_matches_in_process(pool, make_docx):
    path = make_docx(
        paragraphs=["Delivered the Enable Frontline workshop"], table=[["Hours", "10"]]
    )
    assert pool.extract(path) == extract_file(path)


def test_extract_many_keeps_order(pool, make_pdf):
    # Sizes out of order: the pool starts the largest first but answers in input order.
    pages = [1, 6, 3, 2]
    paths = [
        make_pdf(name=f"p{i}.pdf", pages=[[f"document number {i}"]] * count)
        for i, count in enumerate(pages)
    ]
    assert sorted(paths, key=lambda p: -p.stat().st_size) != paths
    results = pool.extract_many(paths)
    assert [r.text for r in results] == [
        "\n".join([f"document number {i}"] * count) for i, count in enumerate(pages)
    ]


@pytest.fixture
def small_pool():
    with ExtractionPool(1, limits=Limits(time_seconds=1), grace_seconds=0.5) as workers:
        yield workers


def test_hung_reader_is_killed_and_replaced(small_pool, tmp_path, make_pdf):
    fifo = tmp_path / "hang.pdf"
    os.mkfifo(fifo)  # opening a FIFO with no writer blocks for ever: a real hang
    start = time.monotonic()
    result = small_pool.extract(fifo)
    assert result.error is not None and result.error.code == "timeout"
    assert "longer than 1 seconds" in result.error.message
    assert time.monotonic() - start < 10
    # The pool carries on with a fresh worker.
    assert small_pool.extract(make_pdf(pages=[["still working"]])).text == "still working"


def test_crashed_worker_gives_crashed(small_pool, tmp_path):
    fifo = tmp_path / "hang.pdf"
    os.mkfifo(fifo)
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("result", small_pool.extract(fifo)))
    thread.start()
    for _ in range(200):
        if small_pool.worker_pids():
            break
        time.sleep(0.05)
    time.sleep(0.3)
    os.kill(small_pool.worker_pids()[0], signal.SIGKILL)
    thread.join(15)
    result = outcome["result"]
    assert result.error.code == "crashed" and "SIGKILL" in result.error.message


def test_memory_limit_applies_in_workers(tmp_path):
    """RLIMIT_AS in the worker: a document needing more than the limit fails typed; the pool goes on."""
    import random

    from extract_builders import document_xml, docx_with_document

    generator = random.Random(1)
    paragraphs = "".join(
        f"<w:p><w:r><w:t>Line {i} {generator.getrandbits(64):x} {generator.getrandbits(64):x}</w:t></w:r></w:p>"
        for i in range(200_000)
    )  # 15 MB of XML: a few hundred MB as a parsed tree
    path = tmp_path / "big.docx"
    path.write_bytes(docx_with_document(document_xml(paragraphs)))
    with ExtractionPool(1, limits=Limits(memory_bytes=150 * 1024**2, time_seconds=30)) as workers:
        result = workers.extract(path)
        assert result.error is not None and result.error.code in ("memory", "crashed"), result.error
        assert workers.extract(path, limits=Limits(memory_bytes=4 * 1024**3)).ok


def test_extract_isolated_uses_a_default_pool(make_docx):
    result = extract_isolated(make_docx(paragraphs=["isolated read"]))
    assert result.text == "isolated read"


class _Exploit:
    """What a compromised worker could send: a pickle that runs code when loaded."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').write('owned')",))


def test_replies_name_nothing_but_an_extraction(tmp_path, make_docx):
    from multiprocessing.reduction import ForkingPickler

    from workbench.extract.isolation import UnexpectedReply, read_reply

    real = extract_file(make_docx(paragraphs=["Workshop delivered"]))
    assert read_reply(bytes(ForkingPickler.dumps(real))) == real
    marker = tmp_path / "owned"
    with pytest.raises(UnexpectedReply, match=r"builtins\.exec"):
        read_reply(bytes(ForkingPickler.dumps(_Exploit(marker))))
    assert not marker.exists()
    with pytest.raises(UnexpectedReply, match="a dict, not an extraction"):
        read_reply(bytes(ForkingPickler.dumps(real.to_dict())))
    with pytest.raises(UnexpectedReply, match="unreadable"):
        read_reply(bytes(ForkingPickler.dumps(real))[:40])


def test_a_worker_that_sends_code_is_stopped_and_nothing_runs(tmp_path):
    import multiprocessing
    from multiprocessing.reduction import ForkingPickler

    marker = tmp_path / "owned"
    ours, theirs = multiprocessing.Pipe()

    class CompromisedWorker:
        conn, tasks, killed = ours, 0, False

        def alive(self):
            return True

        def kill(self):
            self.killed = True

    def answer():
        theirs.recv()  # the request
        theirs.send_bytes(bytes(ForkingPickler.dumps(_Exploit(marker))))

    thread = threading.Thread(target=answer)
    thread.start()
    worker = CompromisedWorker()
    with ExtractionPool(1) as pool:
        result, reusable = pool._run(worker, str(tmp_path / "x.pdf"), None, Limits())
    thread.join(5)
    assert result.error.code == "crashed" and "unexpected answer" in result.error.message
    assert worker.killed and reusable is None
    assert not marker.exists()
