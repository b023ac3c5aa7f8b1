"""Checks for the fraud-rings exercise: public ones first, then hidden edge cases."""

import random
from collections import deque

from exercise_harness import Checks, Trial

checks = Checks()


def play(t: Trial, links: list[tuple[object, object]]) -> tuple[list, object]:
    """A fresh RingFinder fed `links`: what each link returned, and the finder."""
    finder = t.code("RingFinder")()
    return [finder.link(account, identifier) for account, identifier in links], finder


def ordered(rings: list[set[str]], min_size: int) -> list[list[str]]:
    """The contract's order: each ring sorted, larger rings first, then by first account."""
    found = [sorted(ring) for ring in rings if len(ring) >= min_size]
    return sorted(found, key=lambda ring: (-len(ring), ring[0]))


class WalkedRings:
    """The definition, slowly: the graph as two adjacency maps, each ring found by walking it."""

    def __init__(self) -> None:
        self.identifiers_of: dict[str, set[str]] = {}
        self.accounts_of: dict[str, set[str]] = {}

    def ring(self, start: str) -> set[str]:
        ring, walked, queue = {start}, set(), deque([start])
        while queue:
            for identifier in self.identifiers_of[queue.popleft()] - walked:
                walked.add(identifier)
                for account in self.accounts_of[identifier] - ring:
                    ring.add(account)
                    queue.append(account)
        return ring

    def link(self, account: str, identifier: str) -> int:
        self.identifiers_of.setdefault(account, set()).add(identifier)
        self.accounts_of.setdefault(identifier, set()).add(account)
        return len(self.ring(account))

    def rings(self, min_size: int) -> list[list[str]]:
        found: list[set[str]] = []
        for account in self.identifiers_of:
            if not any(account in ring for ring in found):
                found.append(self.ring(account))
        return ordered(found, min_size)


EXAMPLE = [
    ("acct_1", "card_A"),
    ("acct_2", "card_A"),
    ("acct_3", "device_X"),
    ("acct_2", "device_X"),
    ("acct_4", "email_k"),
]
EXAMPLE_FED = "link acct_1 card_A, acct_2 card_A, acct_3 device_X, acct_2 device_X, acct_4 email_k"


@checks.public(
    "a shared card and a shared device make one ring of three",
    fed=f"{EXAMPLE_FED}; the size after each link, then rings()",
)
def example(t: Trial) -> None:
    t.expect({"sizes": [1, 2, 1, 3, 1], "rings()": [["acct_1", "acct_2", "acct_3"]]})
    returned, finder = play(t, EXAMPLE)
    t.got({"sizes": returned, "rings()": finder.rings()})


@checks.public(
    "min_size=1 also lists the accounts that share nothing",
    fed=f"{EXAMPLE_FED}; rings(min_size=1)",
)
def min_size_one(t: Trial) -> None:
    t.expect([["acct_1", "acct_2", "acct_3"], ["acct_4"]])
    t.got(play(t, EXAMPLE)[1].rings(min_size=1))


@checks.public("no links, no rings", fed="RingFinder(); rings() and rings(min_size=1)")
def empty(t: Trial) -> None:
    t.expect([[], []])
    finder = t.code("RingFinder")()
    t.got([finder.rings(), finder.rings(min_size=1)])


@checks.public("min_size=0 is rejected", fed="RingFinder().rings(min_size=0)")
def zero_min_size(t: Trial) -> None:
    t.expect("raises ValueError")
    t.got(t.raises(lambda: t.code("RingFinder")().rings(min_size=0)))


@checks.hidden(
    "the same link twice changes nothing",
    fed="link a card, a card, b card, b card; the size after each",
)
def same_link_twice(t: Trial) -> None:
    t.expect([1, 1, 2, 2])
    t.got(play(t, [("a", "card"), ("a", "card"), ("b", "card"), ("b", "card")])[0])


@checks.hidden(
    "an account with several identifiers is still one account",
    fed="link a card, a device, a email; the size after each, then rings(min_size=1)",
)
def one_account_many_identifiers(t: Trial) -> None:
    t.expect({"sizes": [1, 1, 1], "rings(min_size=1)": [["a"]]})
    returned, finder = play(t, [("a", "card"), ("a", "device"), ("a", "email")])
    t.got({"sizes": returned, "rings(min_size=1)": finder.rings(min_size=1)})


@checks.hidden(
    "a link inside a ring adds no one",
    fed="link a card_1, b card_1, b card_2, a card_2, a card_1; the size after each",
)
def link_inside_a_ring(t: Trial) -> None:
    t.expect([1, 2, 2, 2, 2])
    links = [("a", "card_1"), ("b", "card_1"), ("b", "card_2"), ("a", "card_2"), ("a", "card_1")]
    t.got(play(t, links)[0])


@checks.hidden(
    "one shared device joins two rings",
    fed="link a c1, b c1, x c2, y c2, z c2, b dev, z dev; the size after each, then rings()",
)
def two_rings_join(t: Trial) -> None:
    t.expect({"sizes": [1, 2, 1, 2, 3, 2, 5], "rings()": [["a", "b", "x", "y", "z"]]})
    links = [("a", "c1"), ("b", "c1"), ("x", "c2"), ("y", "c2"), ("z", "c2")]
    returned, finder = play(t, [*links, ("b", "dev"), ("z", "dev")])
    t.got({"sizes": returned, "rings()": finder.rings()})


@checks.hidden(
    "an account and an identifier with the same name are unrelated",
    fed="link x y, y x, z x; the size after each, then rings(min_size=1)",
)
def separate_namespaces(t: Trial) -> None:
    t.expect({"sizes": [1, 1, 2], "rings(min_size=1)": [["y", "z"], ["x"]]})
    returned, finder = play(t, [("x", "y"), ("y", "x"), ("z", "x")])
    t.got({"sizes": returned, "rings(min_size=1)": finder.rings(min_size=1)})


@checks.hidden(
    "ids are compared exactly, case included",
    fed="link a Dev_1, b dev_1, Acct dev_1; the size after each, then rings(min_size=1)",
)
def case_matters(t: Trial) -> None:
    t.expect({"sizes": [1, 1, 2], "rings(min_size=1)": [["Acct", "b"], ["a"]]})
    returned, finder = play(t, [("a", "Dev_1"), ("b", "dev_1"), ("Acct", "dev_1")])
    t.got({"sizes": returned, "rings(min_size=1)": finder.rings(min_size=1)})


ORDER_LINKS = [
    ("k", "e0"),
    ("m2", "e1"),
    ("m1", "e1"),
    ("alpha", "e2"),
    ("Zed", "e2"),
    ("acct_9", "e3"),
    ("acct_100", "e3"),
    ("acct_10", "e3"),
]


@checks.hidden(
    "larger rings first, equal sizes by first account, accounts as str compares them",
    fed="link k e0, m2 e1, m1 e1, alpha e2, Zed e2, acct_9 e3, acct_100 e3, acct_10 e3; "
    "rings(min_size=1)",
)
def ring_order(t: Trial) -> None:
    t.expect([["acct_10", "acct_100", "acct_9"], ["Zed", "alpha"], ["m1", "m2"], ["k"]])
    t.got(play(t, ORDER_LINKS)[1].rings(min_size=1))


@checks.hidden(
    "a ring of exactly min_size is listed",
    fed="the links above; rings(3), rings(2), rings(4)",
)
def min_size_boundary(t: Trial) -> None:
    big = ["acct_10", "acct_100", "acct_9"]
    t.expect({3: [big], 2: [big, ["Zed", "alpha"], ["m1", "m2"]], 4: []})
    finder = play(t, ORDER_LINKS)[1]
    t.got({m: finder.rings(m) for m in (3, 2, 4)})


BLANK_IDS = {
    "''": "",
    "' card'": " card",
    "'card '": "card ",
    "'\\tcard'": "\tcard",
    "'card\\n'": "card\n",
    "'\\u00a0card' (a no-break space)": "\u00a0card",
    "' '": " ",
}
NON_STR_IDS = {"None": None, "42": 42, "b'card'": b"card", "('card',)": ("card",)}


def refusals(t: Trial, bad: dict[str, object]) -> dict[str, str]:
    """What link() does with each bad id, given as the account and as the identifier."""
    got = {}
    for name, value in bad.items():
        got[f"account {name}"] = t.raises(lambda v=value: t.code("RingFinder")().link(v, "card"))
        got[f"identifier {name}"] = t.raises(lambda v=value: t.code("RingFinder")().link("a", v))
    return got


def refused_with(error: str, bad: dict[str, object]) -> dict[str, str]:
    """`refusals` as the contract wants it: every bad id refused with `error`, in both places."""
    return {
        f"{kind} {name}": f"raises {error}" for name in bad for kind in ("account", "identifier")
    }


@checks.hidden(
    "empty ids and ids with surrounding whitespace are refused",
    fed="link(...) with each of " + ", ".join(BLANK_IDS) + ", as the account and the identifier",
)
def blank_ids(t: Trial) -> None:
    t.expect(refused_with("ValueError", BLANK_IDS))
    t.got(refusals(t, BLANK_IDS))


@checks.hidden(
    "ids that are not str are refused",
    fed="link(...) with each of " + ", ".join(NON_STR_IDS) + ", as the account and the identifier",
)
def non_str_ids(t: Trial) -> None:
    t.expect(refused_with("TypeError", NON_STR_IDS))
    t.got(refusals(t, NON_STR_IDS))


@checks.hidden(
    "any other text is an id: inner spaces, accents, other scripts' digits",
    fed="link 'josé@example.com' 'device ٣', 'acct ١٢' 'device ٣'; sizes, then rings()",
)
def any_text_is_an_id(t: Trial) -> None:
    t.expect({"sizes": [1, 2], "rings()": [["acct ١٢", "josé@example.com"]]})
    returned, finder = play(t, [("josé@example.com", "device ٣"), ("acct ١٢", "device ٣")])
    t.got({"sizes": returned, "rings()": finder.rings()})


@checks.hidden(
    "a refused link changes nothing",
    fed="link a card; then b ' card', None card, c 42 (all refused); "
    "rings(min_size=1); then link d card",
)
def refused_changes_nothing(t: Trial) -> None:
    t.expect({"rings(min_size=1)": [["a"]], "link d card": 2})
    finder = t.code("RingFinder")()
    finder.link("a", "card")
    for account, identifier in [("b", " card"), (None, "card"), ("c", 42)]:
        t.raises(lambda a=account, i=identifier: finder.link(a, i))
    t.got({"rings(min_size=1)": finder.rings(min_size=1), "link d card": finder.link("d", "card")})


BAD_MIN_SIZE = {
    "True": (True, "raises TypeError"),
    "2.0": (2.0, "raises TypeError"),
    "'2'": ("2", "raises TypeError"),
    "None": (None, "raises TypeError"),
    "0": (0, "raises ValueError"),
    "-1": (-1, "raises ValueError"),
}


@checks.hidden(
    "bad values of min_size are rejected", fed="rings(min_size=...) with " + ", ".join(BAD_MIN_SIZE)
)
def bad_min_size(t: Trial) -> None:
    t.expect({name: want for name, (_, want) in BAD_MIN_SIZE.items()})
    finder = play(t, EXAMPLE)[1]
    t.got(
        {
            name: t.raises(lambda m=m: finder.rings(min_size=m))
            for name, (m, _) in BAD_MIN_SIZE.items()
        }
    )


@checks.hidden(
    "changing the lists rings() returned changes nothing",
    fed=f"{EXAMPLE_FED}; clear the first ring rings() returned, append to the list; rings()",
)
def rings_returns_new_lists(t: Trial) -> None:
    t.expect([["acct_1", "acct_2", "acct_3"]])
    finder = play(t, EXAMPLE)[1]
    returned = finder.rings()
    returned[0].clear()
    returned.append(["intruder"])
    t.got(finder.rings())


@checks.hidden(
    "random link streams agree with walking the graph",
    fed="300 streams (seed 5): 1-40 links among 1-12 accounts and 1-8 identifiers whose names "
    "overlap; the size after each link, rings(1), rings(2) and rings(3) now and then",
)
def random_streams(t: Trial) -> None:
    rng = random.Random(5)
    names = ["a", "b", "B", "c", "x", "y", "acct_9", "acct_10", "card", "dev", "é", "z"]
    t.expect("all 300 agree")
    for n in range(300):
        accounts = rng.sample(names, rng.randint(1, len(names)))
        identifiers = rng.sample(names, rng.randint(1, 8))
        links = [(rng.choice(accounts), rng.choice(identifiers)) for _ in range(rng.randint(1, 40))]
        walked, finder = WalkedRings(), t.code("RingFinder")()
        for i, (account, identifier) in enumerate(links):
            want, got = walked.link(account, identifier), finder.link(account, identifier)
            if want != got:
                t.got(f"stream {n}: after {links[: i + 1]} link returned {got}, expected {want}")
                return
            if rng.random() < 0.1 or i == len(links) - 1:
                for m in (1, 2, 3):
                    want, got = walked.rings(m), finder.rings(m)
                    if want != got:
                        after = links[: i + 1]
                        t.got(f"stream {n}: after {after} rings({m}) gave {got}, expected {want}")
                        return
    t.got("all 300 agree")


class PlainRings:
    """The checks' own union-find, for the time budget's baseline and the large case's answers."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}
        self.first_user: dict[str, str] = {}

    def root(self, account: str) -> str:
        while self.parent[account] != account:
            self.parent[account] = self.parent[self.parent[account]]
            account = self.parent[account]
        return account

    def link(self, account: str, identifier: str) -> int:
        if account not in self.parent:
            self.parent[account], self.size[account] = account, 1
        a, b = self.root(account), self.root(self.first_user.setdefault(identifier, account))
        if a != b:
            a, b = (a, b) if self.size[a] >= self.size[b] else (b, a)
            self.parent[b] = a
            self.size[a] += self.size.pop(b)
        return self.size[a]

    def rings(self, min_size: int) -> list[list[str]]:
        members: dict[str, set[str]] = {}
        for account in self.parent:
            members.setdefault(self.root(account), set()).add(account)
        return ordered(list(members.values()), min_size)


CHAIN, JOINS, PAIRS = 3_000, 10_000, 1_000
LINKS = 2 * CHAIN - 1 + 3 * JOINS // 2 + 2 * PAIRS  # what large_links makes of them
TIMES = 8  # the budget: this many times the plain solution's time, on this machine, now


def large_links(seed: int) -> list[tuple[str, str]]:
    """A chain, then a ring that keeps taking in newcomers both ways, with small rings between."""
    rng = random.Random(seed)
    links = []
    for k in range(CHAIN):  # account k reuses account k-1's card, then adds its own
        if k:
            links.append((f"chain_{k:05d}", f"card_{k - 1:05d}"))
        links.append((f"chain_{k:05d}", f"card_{k:05d}"))
    pairs = set(rng.sample(range(JOINS), PAIRS))
    for k in range(JOINS):
        newcomer, old = f"new_{k:05d}", f"chain_{rng.randrange(CHAIN):05d}"
        if k % 2:  # a newcomer uses a card of the ring
            links.append((newcomer, f"card_{rng.randrange(CHAIN):05d}"))
        else:  # a newcomer brings a device, then an account of the ring uses it too
            links += [(newcomer, f"device_{k:05d}"), (old, f"device_{k:05d}")]
        if k in pairs:  # two accounts that share an email and nothing else
            links += [(f"pair_{k:05d}_a", f"email_{k:05d}"), (f"pair_{k:05d}_b", f"email_{k:05d}")]
    return links


def large_run(t: Trial, finder: object, links: list[tuple[str, str]]) -> tuple[dict, list]:
    """Every link, then rings(): a summary of what they returned, and the rings themselves."""
    returned = []
    for n, (account, identifier) in enumerate(links, start=1):
        returned.append(finder.link(account, identifier))
        if n % 64 == 0:
            t.on_time(f"{n:,} of {len(links):,} links")
    rings = finder.rings(2)
    t.on_time(f"all {len(links):,} links and rings()")
    summary = {
        "sum of what link returned": sum(returned),
        "what the last 3 links returned": returned[-3:],
        "number of rings": len(rings),
        "sizes of the first 3 rings": [len(ring) for ring in rings[:3]],
    }
    return summary, rings


@checks.hidden(
    f"{LINKS:,} links, one ring of {CHAIN + JOINS:,} accounts, "
    f"within {TIMES} times a plain solution's time",
    fed=f"{CHAIN:,} accounts in a chain (each reuses the card before it), then {JOINS:,} "
    "newcomers, each using a card of the chain or bringing a device an account of the chain "
    f"also uses, and {PAIRS:,} pairs sharing an email (seed 11); the size after every link, "
    "then rings()",
)
def large(t: Trial) -> None:
    links = large_links(11)
    plain: list[tuple[dict, list]] = []
    t.budget_from(lambda: plain.append(large_run(t, PlainRings(), links)), TIMES)
    summary, rings = plain[0]
    t.expect({**summary, "every ring as expected": True})
    summary, got_rings = large_run(t, t.code("RingFinder")(), links)
    t.got({**summary, "every ring as expected": got_rings == rings})
