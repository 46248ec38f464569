"""The app's kept answers (web/answers.py): at most ``heavy`` computed at once, kept answers given
while the slots are busy, and an answer that needs others computed within its own slot."""

from __future__ import annotations

import threading
import time

from whodid.web.answers import Answers


def test_kept_answers_go_by_while_the_slots_are_busy():
    answers = Answers(heavy=1)
    assert answers.get("kept", lambda: 7) == 7
    started, release = threading.Event(), threading.Event()

    def slow():
        started.set()
        release.wait(10)
        return "slow"

    holder = threading.Thread(target=lambda: answers.get("slow", slow))
    holder.start()
    assert started.wait(10)
    begin = time.monotonic()
    assert answers.get("kept", lambda: 0) == 7  # kept: no slot needed, no wait
    assert time.monotonic() - begin < 1
    # a cold answer waits for the slot
    got = []
    waiter = threading.Thread(target=lambda: got.append(answers.get("cold", lambda: "cold")))
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive() and not got
    release.set()
    holder.join(10)
    waiter.join(10)
    assert got == ["cold"]


def test_at_most_heavy_computations_at_once_and_nested_answers_do_not_wait():
    answers = Answers(heavy=2)
    running, most, lock = [0], [0], threading.Lock()

    def compute(n):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        # an answer this one needs: computed in the same slot (with one slot it would otherwise wait forever)
        inner = answers.get(("inner", n % 3), lambda: n % 3)
        with lock:
            running[0] -= 1
        return n + inner

    got = {}
    threads = [threading.Thread(target=lambda n=n: got.__setitem__(n, answers.get(("outer", n), lambda: compute(n))))
               for n in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert got == {n: n + n % 3 for n in range(10)}
    assert most[0] == 2
    one = Answers(heavy=1)
    assert one.get("outer", lambda: one.get("inner", lambda: 1) + 1) == 2
