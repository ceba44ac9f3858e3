"""The concierge's round on a phone: outcomes in two taps, and an offline queue that stores
every outcome exactly once when the connection returns."""
import json
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import open_round


def open_stops(driver):
    return driver.find_elements(By.CSS_SELECTOR, "li.stop.open form.outcome")


def log_outcome(driver, outcome, note=None):
    """Logs an outcome on the first open stop (the second tap; opening the round was the first)."""
    form = open_stops(driver)[0]
    stop = form.find_element(By.XPATH, "./ancestor::li")
    stop_id = stop.get_attribute("data-stop")
    if note:
        form.find_element(By.TAG_NAME, "summary").click()
        form.find_element(By.NAME, "note").send_keys(note)
    form.find_element(By.CSS_SELECTOR, f"button[value={outcome}]").click()
    WebDriverWait(driver, 5).until(
        lambda d: "done" in d.find_element(By.ID, f"stop-{stop_id}").get_attribute("class"))
    return stop_id


def api(driver, method, path, body=None):
    """Calls the API from the page, with the session cookie and CSRF token, as the round script does."""
    return driver.execute_async_script(
        """
        const [method, path, body, done] = arguments;
        const csrf = document.querySelector('input[name=_csrf]').value;
        fetch(path, {method, credentials: 'same-origin',
                     headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
                     body: body ? JSON.stringify(body) : undefined})
          .then(async r => done({status: r.status, body: await r.text()}))
          .catch(e => done({status: 0, body: String(e)}));
        """, method, path, body)


def test_outcomes_logged_offline_are_stored_once_when_back_online(phone, base_url, password):
    open_round(phone, base_url, password)
    round_id = phone.current_url.rstrip("/").split("/")[-1].split("#")[0]
    assert len(open_stops(phone)) >= 5

    logged = [log_outcome(phone, "contact", note="Gezellig gepraat"),
              log_outcome(phone, "mailboxOnly"),
              log_outcome(phone, "notAtHome")]
    WebDriverWait(phone, 10).until(
        lambda d: d.execute_script("return JSON.parse(localStorage.getItem('schakel.outcomeQueue') || '[]').length") == 0)

    phone.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    logged += [log_outcome(phone, "contact"), log_outcome(phone, "refused")]
    time.sleep(3.5)  # at least one retry of the queue while offline
    assert phone.execute_script(
        "return JSON.parse(localStorage.getItem('schakel.outcomeQueue') || '[]').length") == 2
    assert "2" in phone.find_element(By.ID, "sync-status").text
    queued = phone.execute_script("return JSON.parse(localStorage.getItem('schakel.outcomeQueue'))")

    phone.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    WebDriverWait(phone, 15).until(
        lambda d: d.execute_script("return JSON.parse(localStorage.getItem('schakel.outcomeQueue') || '[]').length") == 0)

    detail = api(phone, "GET", f"/api/v1/rounds/{round_id}")
    assert detail["status"] == 200, detail
    round_ = json.loads(detail["body"])
    done = {s["id"]: s for s in round_["stops"] if s["state"] == "done"}
    assert set(done) == set(logged)
    assert [done[s]["outcome"] for s in logged] == ["contact", "mailboxOnly", "notAtHome", "contact", "refused"]
    summary = round_["summary"]
    assert summary["contacts"] + summary["mailboxOnly"] + summary["notAtHome"] + summary["refused"] == 5

    # Resending a stored outcome (as after a lost answer) is answered 200 and stores nothing new;
    # the same id with other content is refused.
    replay = api(phone, "POST", "/api/v1/contact-moments", queued[0]["body"])
    assert replay["status"] == 200, replay
    assert json.loads(replay["body"])["id"] == queued[0]["body"]["id"]
    changed = dict(queued[0]["body"], outcome="notAtHome")
    assert api(phone, "POST", "/api/v1/contact-moments", changed)["status"] == 409
    again = json.loads(api(phone, "GET", f"/api/v1/rounds/{round_id}")["body"])
    assert sum(1 for s in again["stops"] if s["state"] == "done") == 5
    assert sum(again["summary"][k] for k in ("contacts", "mailboxOnly", "notAtHome", "refused")) == 5

    # After a reload the page shows the five outcomes from the server.
    phone.get(f"{base_url}/rounds/{round_id}")
    assert len(phone.find_elements(By.CSS_SELECTOR, "li.stop.done")) == 5
