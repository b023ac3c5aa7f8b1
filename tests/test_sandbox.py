"""The sandbox payments API does what its API.md says, over HTTP and in process alike.

Every behaviour is checked through both transports: the real HTTP server on
127.0.0.1 (what a kit's command uses) and the in-process transport (what
tests and the browser use). The clock is fake in both, so nothing sleeps.
"""

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from urllib.parse import urlencode

import pytest
import sandbox
from sandbox import EPOCH, Account, FakeClock, Faults, RateLimit, Sandbox, scenarios
from sandbox.server import serve

KEY = {"Authorization": "Bearer sk_test_kit"}
FORM = {**KEY, "Content-Type": "application/x-www-form-urlencoded"}
DAY = 86_400


class Api:
    """A sandbox, its fake clock, and a transport to it."""

    def __init__(self, transport: sandbox.Transport, api: Sandbox, clock: FakeClock) -> None:
        self.transport, self.api, self.clock = transport, api, clock

    def get(self, target: str, headers: dict[str, str] = KEY) -> sandbox.Response:
        return self.transport.send("GET", target, headers)

    def post(self, target: str, params: dict, key: str | None = None) -> sandbox.Response:
        headers = FORM if key is None else {**FORM, "Idempotency-Key": key}
        return self.transport.send("POST", target, headers, urlencode(params))


@pytest.fixture(params=["in process", "over HTTP"])
def connect(request: pytest.FixtureRequest) -> Iterator:
    """Call with a store (and faults, seed) to get an ``Api`` through this test's transport."""
    with ExitStack() as servers:

        def make(store: sandbox.Store, faults: Faults | None = None, seed: int = 0) -> Api:
            clock = FakeClock()
            api = Sandbox(store, seed=seed, faults=faults, clock=clock)
            if request.param == "in process":
                return Api(sandbox.InProcessTransport(api), api, clock)
            return Api(sandbox.HttpTransport(servers.enter_context(serve(api))), api, clock)

        yield make


def payouts(count: int) -> Account:
    account = Account(seed=count)
    for number in range(count):
        _, txn = account.charge(1_000 + number, created=EPOCH - (count - number) * 60)
        account.payout([txn], created=txn["created"] + 1, arrival_date=EPOCH, status="paid")
    return account


def open_dispute(account: Account, **options) -> dict:
    charge, _ = account.charge(5_000, created=EPOCH - 30 * DAY)
    return account.dispute(charge, created=EPOCH - 5 * DAY, **options)


# -- Authentication, errors, requests ---------------------------------------------


def test_a_request_without_a_key_is_refused(connect) -> None:
    api = connect(payouts(1).store)
    response = api.get("/v1/payouts", headers={})
    assert response.status == 401
    assert response.json()["error"]["type"] == "authentication_error"


def test_unknown_objects_urls_and_parameters(connect) -> None:
    api = connect(payouts(1).store)
    missing = api.get("/v1/payouts/po_nothing")
    assert (missing.status, missing.json()["error"]["code"]) == (404, "resource_missing")
    assert api.get("/v1/transfers").status == 404
    typo = api.get("/v1/payouts?startingAfter=po_1")
    assert (typo.status, typo.json()["error"]["param"]) == (400, "startingAfter")


def test_a_json_body_is_refused(connect) -> None:
    account = Account()
    dispute = open_dispute(account)
    api = connect(account.store)
    response = api.transport.send(
        "POST", f"/v1/disputes/{dispute['id']}", {**KEY, "Content-Type": "application/json"}, "{}"
    )
    assert response.status == 400
    assert "form-encoded" in response.json()["error"]["message"]


# -- Pagination ----------------------------------------------------------------------


def test_pages_follow_the_cursor_newest_first(connect) -> None:
    account = payouts(25)
    api = connect(account.store)
    seen, target = [], "/v1/payouts"
    while True:
        page = api.get(target).json()
        assert page["object"] == "list" and page["url"] == "/v1/payouts"
        seen += [payout["id"] for payout in page["data"]]
        if not page["has_more"]:
            break
        target = f"/v1/payouts?starting_after={page['data'][-1]['id']}"
    assert [len(seen), seen] == [25, [p["id"] for p in account.store.listing("payouts")]]
    assert len(api.get("/v1/payouts").json()["data"]) == 10  # the default limit


def test_has_more_is_false_on_an_exactly_full_page(connect) -> None:
    full, one_more = connect(payouts(10).store), connect(payouts(11).store)
    assert full.get("/v1/payouts").json()["has_more"] is False
    assert one_more.get("/v1/payouts").json()["has_more"] is True


def test_ending_before_returns_the_newer_page(connect) -> None:
    account = payouts(30)
    ids = [p["id"] for p in account.store.listing("payouts")]
    page = connect(account.store).get(f"/v1/payouts?ending_before={ids[20]}&limit=5").json()
    assert [p["id"] for p in page["data"]] == ids[15:20]
    assert page["has_more"] is True


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("starting_after=po_nothing", "starting_after"),
        ("starting_after=a&ending_before=b", "starting_after"),
    ],
)
def test_bad_pagination_parameters(connect, query: str, param: str) -> None:
    response = connect(payouts(3).store).get(f"/v1/payouts?{query}")
    assert response.status == 400
    assert response.json()["error"]["param"] == param


def test_filters_apply_before_pagination(connect) -> None:
    account = Account(seed=1)
    txns = [account.charge(500, created=EPOCH - 9_000 + n)[1] for n in range(30)]
    payout = account.payout(txns[:12], created=EPOCH - 60, arrival_date=EPOCH, status="paid")
    api = connect(account.store)
    page = api.get(f"/v1/balance_transactions?payout={payout['id']}&limit=100").json()
    assert sorted(t["id"] for t in page["data"]) == sorted(t["id"] for t in txns[:12])
    recent = api.get(f"/v1/balance_transactions?created[gte]={EPOCH - 9_000 + 25}&limit=100")
    assert len(recent.json()["data"]) == 5


# -- Rate limits, transient errors, lost responses -------------------------------------


def test_429_with_retry_after_until_that_time_has_passed(connect) -> None:
    api = connect(payouts(2).store, Faults(rate_limit=RateLimit(burst=2, per_second=0.5)))
    assert [api.get("/v1/payouts").status for _ in range(2)] == [200, 200]
    limited = api.get("/v1/payouts")
    assert limited.status == 429 and limited.json()["error"]["code"] == "rate_limit"
    wait = int(limited.header("Retry-After"))
    assert wait == 2
    api.clock.sleep(wait - 1)
    assert api.get("/v1/payouts").status == 429  # too early
    api.clock.sleep(1)
    assert api.get("/v1/payouts").status == 200


def test_transient_errors_pass_on_retry(connect) -> None:
    api = connect(payouts(2).store, Faults(transient_rate=1.0, max_transient=2), seed=3)
    statuses = [api.get("/v1/payouts").status for _ in range(4)]
    failures = [status for status in statuses if status >= 500]
    assert 1 <= len(failures) <= 2 and set(failures) <= {500, 502, 503}
    assert statuses[len(failures) :] == [200] * (4 - len(failures))


def test_faults_depend_on_the_seed_and_the_request_only(connect) -> None:
    def statuses(seed: int, order: list[int]) -> dict[int, int]:
        api = connect(payouts(60).store, Faults(transient_rate=0.5), seed=seed)
        return {limit: api.get(f"/v1/payouts?limit={limit}").status for limit in order}

    forwards = statuses(5, list(range(1, 41)))
    assert forwards == statuses(5, list(range(40, 0, -1)))  # order does not matter
    assert forwards != statuses(6, list(range(1, 41)))  # the seed does
    assert any(status >= 500 for status in forwards.values())


def test_a_lost_response_took_effect(connect) -> None:
    account = Account()
    dispute = open_dispute(account)
    api = connect(account.store, Faults(lost_response_rate=1.0))
    with pytest.raises(ConnectionError):
        api.post(f"/v1/disputes/{dispute['id']}/close", {})
    assert account.store.get("disputes", dispute["id"])["status"] == "lost"
    assert api.api.log[-1].status is None


# -- Idempotency ---------------------------------------------------------------------------


def test_the_same_key_replays_the_first_response(connect) -> None:
    account = Account()
    dispute = open_dispute(account)
    api = connect(account.store)
    params = {"evidence[shipping_carrier]": "UPS", "submit": "true"}
    first = api.post(f"/v1/disputes/{dispute['id']}", params, key="submit-1")
    again = api.post(f"/v1/disputes/{dispute['id']}", params, key="submit-1")
    assert (first.status, again.status) == (200, 200)
    assert again.json() == first.json()
    assert again.header("Idempotent-Replayed") == "true"
    assert account.store.get("disputes", dispute["id"])["evidence_details"]["submission_count"] == 1
    other = api.post(f"/v1/disputes/{dispute['id']}", {"submit": "false"}, key="submit-1")
    assert (other.status, other.json()["error"]["type"]) == (400, "idempotency_error")


def test_a_retry_after_a_lost_response(connect) -> None:
    account = Account()
    first, second = open_dispute(account), open_dispute(account)
    api = connect(account.store, Faults(lost_response_rate=1.0))
    for dispute, key in ((first, "close-1"), (second, None)):
        with pytest.raises(ConnectionError):
            api.post(f"/v1/disputes/{dispute['id']}/close", {}, key=key)
    with_key = api.post(f"/v1/disputes/{first['id']}/close", {}, key="close-1")
    without_key = api.post(f"/v1/disputes/{second['id']}/close", {})
    assert with_key.status == 200 and with_key.json()["status"] == "lost"
    assert without_key.status == 400
    assert without_key.json()["error"]["code"] == "dispute_not_open"


def test_keys_expire_after_24_hours_and_have_a_length(connect) -> None:
    account = Account()
    dispute = open_dispute(account)
    api = connect(account.store)
    assert api.post(f"/v1/disputes/{dispute['id']}/close", {}, key="k").status == 200
    api.clock.sleep(DAY)
    assert api.post(f"/v1/disputes/{dispute['id']}/close", {}, key="k").status == 400
    too_long = api.post(f"/v1/disputes/{dispute['id']}/close", {}, key="k" * 256)
    assert too_long.json()["error"]["type"] == "idempotency_error"


def test_evidence_after_the_due_date_is_refused(connect) -> None:
    account = Account()
    late = open_dispute(account, due_by=EPOCH - 1)
    response = connect(account.store).post(f"/v1/disputes/{late['id']}", {"submit": "true"})
    assert (response.status, response.json()["error"]["code"]) == (400, "dispute_past_due")


# -- Data ------------------------------------------------------------------------------


def test_malformed_records_are_served_as_they_are(connect) -> None:
    scenario = scenarios.payouts(seed=7)
    api = connect(scenario.store)
    served = {
        problem: api.get(f"/v1/balance_transactions/{txn_id}").json()
        for txn_id, problem in scenario.store.malformed.items()
    }
    assert "net" not in served["net is missing"]
    assert isinstance(served["amount is a string"]["amount"], str)
    assert served["currency is missing"]["currency"] is None
    wrong = served["net is not amount - fee"]
    assert wrong["net"] != wrong["amount"] - wrong["fee"]


@pytest.mark.parametrize("name", sorted(scenarios.SCENARIOS))
def test_a_seed_makes_the_same_account(name: str) -> None:
    def dump(seed: int) -> str:
        scenario = scenarios.SCENARIOS[name](seed)
        return json.dumps([scenario.store.objects, scenario.files], sort_keys=True)

    assert dump(7) == dump(7)
    assert dump(7) != dump(8)


def test_a_runaway_client_is_stopped() -> None:
    """Past its budget the transport raises what ``except Exception`` cannot swallow."""
    transport, _ = sandbox.in_process(payouts(1).store, max_requests=50)
    with pytest.raises(sandbox.RequestBudgetExceeded):
        for _ in range(100):  # a careless retry loop
            try:
                transport.send("GET", "/v1/payouts/po_nothing", KEY)
            except Exception:
                continue


def test_python_m_sandbox_serves_the_kit(tmp_path) -> None:
    """``python -m sandbox`` in a kit serves on 127.0.0.1 until stopped."""
    from roundkit import integration
    from roundkit.kits import find_task

    integration.create(find_task("integration", "payout-reconciliation"), tmp_path / "kit")
    server = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--port", "0"],
        cwd=tmp_path / "kit",
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+", server.stdout.readline()).group()
        response = sandbox.HttpTransport(url).send("GET", "/v1/payouts?limit=3", KEY)
        assert response.status == 200 and len(response.json()["data"]) == 3
    finally:
        server.terminate()
        server.wait(timeout=10)
