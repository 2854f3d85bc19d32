"""pipeline.collector_paused: the cycle collector is off while the generator runs, and back on
(with the cycles made meanwhile collected) afterwards, also when a stage fails."""
from __future__ import annotations

import gc
import weakref

import pytest

from generator.pipeline import collector_paused


class Node:
    pass


def test_the_collector_is_off_inside_and_on_again_after_with_the_cycles_freed():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        a, b = Node(), Node()
        a.other, b.other = b, a              # a reference cycle: only the collector frees it
        alive = weakref.ref(a)
        del a, b
        assert alive() is not None
    assert gc.isenabled()
    assert alive() is None


def test_a_failing_stage_does_not_leave_the_collector_off():
    with pytest.raises(ValueError):
        with collector_paused():
            raise ValueError("a letter could not be read")
    assert gc.isenabled()


def test_a_caller_that_had_it_off_keeps_it_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
